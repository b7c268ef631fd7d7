import type { ChainSeed, DistrictSeed, FeedSeed, LinkSeed } from '../seed.schemas.ts';
import { chainLeaderDefs } from './chain-leaders.ts';
import { chains } from './chains.ts';
import { DIVISIONS_AS_OF, districtDefs, districtSourceNote } from './districts.ts';
import { ecosystems } from './ecosystems.ts';
import { CATALOG_AS_OF, crossChainFeeds, withinChainFeeds } from './feeds.ts';

export type { ChainLeaderDef } from './chain-leaders.ts';
export { chainLeaderDefs, chains, ecosystems };

export interface LinkEntry {
  link: LinkSeed;
  chain: ChainSeed;
  /** Position across the whole catalog, for a stable order of links from different chains. */
  rank: number;
}

export const linkIndex: ReadonlyMap<string, LinkEntry> = new Map(
  chains
    .flatMap((chain) => chain.links.map((link) => ({ link, chain })))
    .map((e, rank) => [e.link.id, { ...e, rank }]),
);

const feedSource = 'graph-seeds/catalog/feeds.ts';

export function buildFeedSeeds(): FeedSeed[] {
  const byKey = new Map<string, FeedSeed>();
  for (const [from, to, note] of [...withinChainFeeds, ...crossChainFeeds]) {
    byKey.set(`${from}>${to}`, {
      from,
      to,
      ...(note === undefined ? {} : { note }),
      source: feedSource,
      asOf: CATALOG_AS_OF,
    });
  }
  return [...byKey.values()].sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}

export function isCrossChainFeed(feed: { from: string; to: string }): boolean {
  return linkIndex.get(feed.from)?.chain.id !== linkIndex.get(feed.to)?.chain.id;
}

export function buildDistrictSeeds(): DistrictSeed[] {
  return districtDefs
    .map((def) => ({
      code: def.code,
      name: def.name,
      nameEn: def.nameEn,
      kind: def.kind,
      ...(def.leadIndustry === undefined ? {} : { leadIndustry: def.leadIndustry }),
      priorities: def.priorityChainIds.map((chainId, i) => ({
        chainId,
        rank: i + 1,
        source: districtSourceNote,
      })),
      parks: def.parks.map((park) => ({ ...park, source: districtSourceNote })),
      source:
        def.kind === 'functional-zone'
          ? districtSourceNote
          : `admin-divisions/areas.csv (GB/T 2260 code and name); ${districtSourceNote}`,
      asOf: DIVISIONS_AS_OF,
    }))
    .sort((a, b) => compareText(a.code, b.code));
}

/** Code-point order, so output does not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Problems in the hand-authored catalog: dangling references, duplicate ids, chains without enough links. */
export function findCatalogProblems(): string[] {
  const problems: string[] = [];
  const ecosystemIds = new Set(ecosystems.map((e) => e.id));
  const chainIds = new Set(chains.map((c) => c.id));
  if (chainIds.size !== chains.length) problems.push('duplicate chain ids');
  const allLinkIds = chains.flatMap((c) => c.links.map((l) => l.id));
  if (new Set(allLinkIds).size !== allLinkIds.length) problems.push('duplicate link ids');
  for (const chain of chains) {
    if (!ecosystemIds.has(chain.ecosystemId)) problems.push(`chain ${chain.id}: unknown ecosystem`);
    if (chain.links.length < 6) problems.push(`chain ${chain.id}: fewer than 6 links`);
    const stages = chain.links.map((l) => l.stage);
    const stageOrder = { upstream: 0, midstream: 1, downstream: 2 };
    if (stages.some((s, i) => i > 0 && stageOrder[s] < stageOrder[stages[i - 1]!])) {
      problems.push(`chain ${chain.id}: links are not ordered upstream → midstream → downstream`);
    }
  }
  for (const feed of buildFeedSeeds()) {
    if (!linkIndex.has(feed.from)) problems.push(`feed from unknown link ${feed.from}`);
    if (!linkIndex.has(feed.to)) problems.push(`feed to unknown link ${feed.to}`);
    if (feed.from === feed.to) problems.push(`feed loops on ${feed.from}`);
  }
  for (const def of districtDefs) {
    for (const chainId of [...def.priorityChainIds, ...def.parks.flatMap((p) => p.focusChainIds)]) {
      if (!chainIds.has(chainId)) problems.push(`district ${def.code}: unknown chain ${chainId}`);
    }
  }
  for (const leader of chainLeaderDefs) {
    for (const chainId of leader.chainIds) {
      if (!chainIds.has(chainId)) problems.push(`leader ${leader.id}: unknown chain ${chainId}`);
    }
    for (const linkId of leader.linkIds) {
      const entry = linkIndex.get(linkId);
      if (entry === undefined) problems.push(`leader ${leader.id}: unknown link ${linkId}`);
      else if (!leader.chainIds.includes(entry.chain.id)) {
        problems.push(`leader ${leader.id}: link ${linkId} is outside the chains it leads`);
      }
    }
  }
  return problems;
}
