import type { ChainHealth } from '../http/schemas/catalog.schemas.ts';
import type { CatalogRepository } from './catalog.repository.ts';
import type { ReadCache } from './read-cache.ts';

/**
 * The catalog reads (ecosystems, chain list, chain map) through the read cache, per graph version. The chain
 * map flags facts older than a cut-off computed from today's date, so the day is part of its key.
 */
export function cachedCatalog(catalog: CatalogRepository, cache: ReadCache): CatalogRepository {
  const today = () => new Date().toISOString().slice(0, 10);
  return {
    ...catalog,
    listEcosystems: (...args: Parameters<CatalogRepository['listEcosystems']>) =>
      cache.get(`catalog|ecosystems|${JSON.stringify(args)}`, () => catalog.listEcosystems(...args)),
    listChains: (...args: Parameters<CatalogRepository['listChains']>) =>
      cache.get(`catalog|chains|${today()}|${JSON.stringify(args)}`, () => catalog.listChains(...args)),
    getChain: (...args: Parameters<CatalogRepository['getChain']>) =>
      cache.get(`catalog|chain|${today()}|${JSON.stringify(args)}`, () => catalog.getChain(...args)),
  };
}

/** Every chain's health through the read cache: 28 gap analyses are read once per graph version. */
export function cachedChainHealth(
  listHealth: () => Promise<ChainHealth[]>,
  cache: ReadCache,
): () => Promise<ChainHealth[]> {
  return () => cache.get('catalog|chain-health', listHealth);
}
