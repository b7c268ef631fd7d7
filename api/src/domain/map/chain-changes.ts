import type { MapDiff, MapHistory } from './map-diff.ts';

export interface EnterpriseMove {
  enterpriseId: string;
  date: string;
  fromLinks: string[];
  toLinks: string[];
  changeId: string;
  summary: string;
}

/**
 * The part of a map diff that concerns one chain: the chain itself, its links, the FEEDS edges touching one
 * of its links (from either side, so cross-chain feeds show on both maps), and enterprises moved into or out
 * of its links. Links are matched by the chain they belong to in the history, retired ones included.
 */
export function restrictDiffToChain<M extends EnterpriseMove>(
  diff: MapDiff,
  moves: readonly M[],
  history: Pick<MapHistory, 'links'>,
  chainId: string,
): MapDiff & { enterprisesMoved: M[] } {
  const ownLinks = new Set(history.links.filter((l) => l.chainId === chainId).map((l) => l.id));
  const touches = (feed: { from: string; to: string }) => ownLinks.has(feed.from) || ownLinks.has(feed.to);
  const ofChain = <T extends { chainId: string }>(items: T[]) => items.filter((i) => i.chainId === chainId);
  const isChain = <T extends { id: string }>(items: T[]) => items.filter((i) => i.id === chainId);
  return {
    chains: {
      added: isChain(diff.chains.added),
      retired: isChain(diff.chains.retired),
      renamed: isChain(diff.chains.renamed),
    },
    links: {
      added: ofChain(diff.links.added),
      retired: ofChain(diff.links.retired),
      renamed: ofChain(diff.links.renamed),
    },
    feeds: { added: diff.feeds.added.filter(touches), removed: diff.feeds.removed.filter(touches) },
    enterprisesMoved: moves.filter((m) => [...m.fromLinks, ...m.toLinks].some((id) => ownLinks.has(id))),
  };
}
