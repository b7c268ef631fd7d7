import type { ChainDetail, ChainLink, Stage } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { formatCount, type Language, pickName } from '../../lib/i18n.ts';
import { chainMapMessages } from './chain-map.messages.ts';
import { buildCountScale, levelOf } from './count-scale.ts';

/**
 * Turns a chain detail into Cytoscape elements: one node per link and per foreign link, one edge per
 * FEEDS relation between known nodes, stage bands for the 上游/中游/下游 columns, and invisible
 * scaffolding that makes dagre use the stage as the rank (dagre knows nothing about stages), so each
 * stage is one column however its links feed one another.
 */

export const stages: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

export interface LinkNodeData {
  id: string;
  kind: 'link';
  label: string;
  name: string;
  nameEn: string;
  stage: Stage;
  order: number;
  enterpriseCount: number;
  localEnterpriseCount: number;
  level: number;
  /** Strong, weak or missing by the gap analysis; null when the map is drawn without it. */
  gapClass: GapClass | null;
  /** A leader (链主) of this chain is placed in the link. */
  hasLeader: boolean;
  stale: boolean;
  /** The stage band the node is placed in once the layout has run. */
  band: string;
}

export type GapClass = 'strong' | 'weak' | 'missing';

/** What the map needs of the gap analysis of one link. */
export interface LinkGapInfo {
  gapClass: GapClass;
  leaderCount: number;
}

export interface ForeignNodeData {
  id: string;
  kind: 'foreign';
  label: string;
  name: string;
  nameEn: string;
  stage: Stage;
  chainId: string;
  chainName: string;
  chainNameEn: string;
  /** Supplier nodes sit left of the chain, customer nodes right of it. */
  side: 'supplier' | 'customer';
}

export interface BandNodeData {
  id: string;
  kind: 'band';
  label: string;
  stage: Stage;
}

export interface ScaffoldNodeData {
  id: string;
  kind: 'scaffold';
}

export interface FeedEdgeData {
  id: string;
  kind: 'feed';
  source: string;
  target: string;
  crossChain: boolean;
  /** Both ends are links of this chain in the same stage: drawn as an arc beside the column. */
  sameStage: boolean;
  /**
   * True when the feed runs left to right across columns and so may shape the layout. Feeds within a
   * column or running backwards (recycling, say) are drawn but left out, which keeps the layout acyclic
   * and each stage exactly one column.
   */
  ranked: boolean;
}

export interface ScaffoldEdgeData {
  id: string;
  kind: 'scaffold';
  source: string;
  target: string;
}

export type ChainMapNodeData = LinkNodeData | ForeignNodeData | BandNodeData | ScaffoldNodeData;
export type ChainMapEdgeData = FeedEdgeData | ScaffoldEdgeData;

export type ChainMapElement =
  | { group: 'nodes'; data: ChainMapNodeData; classes: string; selectable?: boolean }
  | { group: 'edges'; data: ChainMapEdgeData; classes: string; selectable?: boolean };

// Scaffolding ids start with "__", which chain and link slugs cannot.
export const bandId = (stage: Stage) => `__band-${stage}`;
const anchorId = (stage: Stage | 'end') => `__anchor-${stage}`;

/**
 * With `gaps` (link id → gap class), links are coloured by gap class and leaders marked; without, by their
 * local enterprise count (a map of a past date, or while the gap analysis is unavailable).
 */
/** Gap classes and leader counts by link id, from the chain's gap analysis. */
export function gapInfoByLink(
  links: readonly { id: string; class: GapClass; local: { leaderCount: number } }[],
): Map<string, LinkGapInfo> {
  return new Map(
    links.map((link) => [link.id, { gapClass: link.class, leaderCount: link.local.leaderCount }]),
  );
}

export function toElements(
  chain: ChainDetail,
  language: Language = 'zh-CN',
  gaps?: ReadonlyMap<string, LinkGapInfo>,
): ChainMapElement[] {
  const m = chainMapMessages[language];
  const scale = buildCountScale(chain.links.map((link) => link.localEnterpriseCount));
  const nodes: ChainMapElement[] = [];
  const edges: ChainMapElement[] = [];

  const localIds = new Set<string>();
  const links: ChainLink[] = [];
  for (const link of [...chain.links].sort((a, b) => a.order - b.order)) {
    if (localIds.has(link.id)) continue;
    localIds.add(link.id);
    links.push(link);
  }
  for (const link of links) {
    const level = levelOf(scale, link.localEnterpriseCount);
    const gap = gaps?.get(link.id);
    const hasLeader = (gap?.leaderCount ?? 0) > 0;
    const classes = ['link', `stage-${link.stage}`, `count-level-${level}`];
    if (gaps) classes.push(gap ? `gap-${gap.gapClass}` : 'gap-unknown');
    if (hasLeader) classes.push('has-leader');
    // When the whole chain is out of date its header says so; marking every link too would only add noise.
    const stale = link.stale && !chain.stale;
    if (stale) classes.push('stale');
    const label = m.linkLabel(pickName(language, link), formatCount(language, link.localEnterpriseCount));
    nodes.push({
      group: 'nodes',
      data: {
        id: link.id,
        kind: 'link',
        label: `${stale ? m.staleMark : ''}${hasLeader ? m.leaderMark : ''}${label}`,
        name: link.name,
        nameEn: link.nameEn,
        stage: link.stage,
        order: link.order,
        enterpriseCount: link.enterpriseCount,
        localEnterpriseCount: link.localEnterpriseCount,
        level,
        gapClass: gap?.gapClass ?? null,
        hasLeader,
        stale,
        band: bandId(link.stage),
      },
      classes: classes.join(' '),
    });
  }

  // A feed whose source is a foreign link and whose target is local makes that foreign link a supplier.
  const supplierIds = new Set(
    chain.feeds.filter((feed) => !localIds.has(feed.from) && localIds.has(feed.to)).map((feed) => feed.from),
  );
  const foreignIds = new Set<string>();
  for (const foreign of chain.foreignLinks) {
    if (localIds.has(foreign.id) || foreignIds.has(foreign.id)) continue;
    foreignIds.add(foreign.id);
    const side = supplierIds.has(foreign.id) ? 'supplier' : 'customer';
    nodes.push({
      group: 'nodes',
      data: {
        id: foreign.id,
        kind: 'foreign',
        label: m.foreignLabel(
          pickName(language, { name: foreign.chainName, nameEn: foreign.chainNameEn }),
          pickName(language, foreign),
        ),
        name: foreign.name,
        nameEn: foreign.nameEn,
        stage: foreign.stage,
        chainId: foreign.chainId,
        chainName: foreign.chainName,
        chainNameEn: foreign.chainNameEn,
        side,
      },
      classes: `foreign foreign-${side}`,
    });
  }

  const knownIds = new Set([...localIds, ...foreignIds]);
  const stageById = new Map(links.map((link) => [link.id, link.stage]));
  // Columns left to right: foreign suppliers, the three stages, foreign customers.
  const columnOf = (id: string): number => {
    const stage = stageById.get(id);
    if (stage !== undefined) return stages.indexOf(stage) + 1;
    return supplierIds.has(id) ? 0 : stages.length + 1;
  };
  const edgeIds = new Set<string>();
  for (const feed of chain.feeds) {
    const id = `feed:${feed.from}->${feed.to}`;
    // Edges to nodes this map does not have would make Cytoscape throw; self-loops say nothing.
    if (!knownIds.has(feed.from) || !knownIds.has(feed.to) || feed.from === feed.to || edgeIds.has(id))
      continue;
    edgeIds.add(id);
    const crossChain = feed.crossChain || foreignIds.has(feed.from) || foreignIds.has(feed.to);
    const fromStage = stageById.get(feed.from);
    const sameStage = fromStage !== undefined && fromStage === stageById.get(feed.to);
    const ranked = columnOf(feed.from) < columnOf(feed.to);
    const classes = ['feed', crossChain ? 'cross-chain' : 'in-chain'];
    if (sameStage) classes.push('same-stage');
    if (!ranked) classes.push('unranked');
    edges.push({
      group: 'edges',
      data: { id, kind: 'feed', source: feed.from, target: feed.to, crossChain, sameStage, ranked },
      classes: classes.join(' '),
    });
  }

  const stagesWithLinks = stages.filter((stage) => links.some((link) => link.stage === stage));
  for (const stage of stagesWithLinks) {
    nodes.push({
      group: 'nodes',
      data: { id: bandId(stage), kind: 'band', label: m[stage], stage },
      classes: `stage-band stage-${stage}`,
      selectable: false,
    });
  }

  nodes.push(...scaffold(links, foreignIds, supplierIds));
  return [...nodes, ...edges];
}

/**
 * Invisible anchors in a row (upstream → midstream → downstream → end), two ranks apart, with every link
 * hung between its stage's anchor and the next one: each stage gets exactly the one rank in between, and
 * the columns never interleave. Foreign suppliers come before the first anchor, customers after the last.
 */
function scaffold(links: ChainLink[], foreignIds: Set<string>, supplierIds: Set<string>): ChainMapElement[] {
  const elements: ChainMapElement[] = [];
  const anchors = [...stages, 'end' as const];
  for (const anchor of anchors) {
    elements.push({
      group: 'nodes',
      data: { id: anchorId(anchor), kind: 'scaffold' },
      classes: 'scaffold',
      selectable: false,
    });
  }
  const edge = (source: string, target: string, extraClass = ''): ChainMapElement => ({
    group: 'edges',
    data: { id: `__order:${source}->${target}`, kind: 'scaffold', source, target },
    classes: `scaffold${extraClass}`,
    selectable: false,
  });
  stages.forEach((stage, index) => {
    const next = anchors[index + 1] ?? 'end';
    // The spine between anchors spans two ranks, which leaves exactly one rank for the stage's links.
    elements.push(edge(anchorId(stage), anchorId(next), ' spine'));
    for (const link of links) {
      if (link.stage !== stage) continue;
      elements.push(edge(anchorId(stage), link.id), edge(link.id, anchorId(next)));
    }
  });
  for (const id of foreignIds) {
    elements.push(supplierIds.has(id) ? edge(id, anchorId('upstream')) : edge(anchorId('end'), id));
  }
  return elements;
}
