import { analyseChain, type GapClass, type LinkFacts } from './gap-analysis.ts';
import type { Locality } from './locality.ts';

/**
 * Each chain's health at a glance: how many of its links are strong, weak or missing in the city, by the
 * same gap analysis as `/api/chains/:id/gaps`, so the overview and the chain's own analysis never disagree.
 */

export interface ChainHealth {
  chainId: string;
  linkCount: number;
  strong: number;
  weak: number;
  missing: number;
}

export interface ChainHealthStore {
  listChainIds(): Promise<string[]>;
  gapFacts(chainId: string, locality: Locality): Promise<LinkFacts[]>;
}

const city: Locality = { kind: 'city' };

/** Chains read a few at a time: 28 chains at once would queue some 80 queries on the database. */
const concurrency = 4;

export function summariseHealth(chainId: string, facts: readonly LinkFacts[]): ChainHealth {
  const { summary } = analyseChain(facts, city);
  const counts: Record<GapClass, number> = summary;
  return { chainId, linkCount: facts.length, ...counts };
}

export function createChainHealthService(store: ChainHealthStore) {
  return {
    async listHealth(): Promise<ChainHealth[]> {
      const ids = await store.listChainIds();
      const result: ChainHealth[] = [];
      for (let start = 0; start < ids.length; start += concurrency) {
        const batch = ids.slice(start, start + concurrency);
        const facts = await Promise.all(batch.map((id) => store.gapFacts(id, city)));
        for (const [index, id] of batch.entries()) result.push(summariseHealth(id, facts[index] ?? []));
      }
      return result;
    },
  };
}
