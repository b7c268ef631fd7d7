import { type Locality, localityLabel } from './locality.ts';

/**
 * Gap analysis (缺链/弱链/强链): how well the local economy covers each link of a chain, and how much the
 * chain leans on that link. Pure: the repository gathers the facts, this file turns them into numbers,
 * a class and a sentence. The formula is documented in docs/matcher.md.
 */

export type GapClass = 'strong' | 'weak' | 'missing';
export const gapClassLabel: Record<GapClass, string> = { strong: '强链', weak: '弱链', missing: '缺链' };

export type Stage = 'upstream' | 'midstream' | 'downstream';

/** A local enterprise placed in the link. */
export interface LocalFirm {
  id: string;
  name: string;
  board: string | null;
  listed: boolean;
  /** Leads (链主) the chain under analysis. */
  leadsChain: boolean;
  /** Confidence of its IN_LINK placement. */
  confidence: number;
}

/** A local enterprise that depends on the link's output. */
export interface Dependent {
  id: string;
  name: string;
  /** Leads any chain. */
  leader: boolean;
  /** It sits in a link this link FEEDS. */
  viaFeeds: boolean;
  /** It buys (SUPPLIES) from an enterprise placed in this link. */
  viaSupplies: boolean;
}

export interface LinkRef {
  id: string;
  name: string;
  chainId: string;
}

export interface LinkFacts {
  id: string;
  name: string;
  nameEn: string;
  stage: Stage;
  order: number;
  chainId: string;
  /** Enterprises placed in the link anywhere: the pool targets come from. */
  poolSize: number;
  localFirms: LocalFirm[];
  /** Links this link FEEDS in its own chain, and in other chains. */
  feedsInside: LinkRef[];
  feedsAcross: LinkRef[];
  dependents: Dependent[];
}

/** Scale proxy by listing board: main-board firms are the largest on average. */
const boardScale: Readonly<Record<string, number>> = { 主板: 1, 科创板: 0.8, 创业板: 0.8, 北交所: 0.5 };

/** Every constant the classification uses, returned with each analysis so the numbers can be checked. */
export const gapRules = {
  /** Strength at which a link counts as strong (强链) without a chain leader. */
  strongStrength: 3,
  /** Extra weight of a leader (链主) of the chain placed in the link. */
  leaderBonus: 2,
  boardScale,
  /** Unlisted firms, or a board not in the table. */
  otherScale: 0.5,
  /** Raw importance at which the importance score reaches one half. */
  importanceHalf: 4,
  /** Share of a gap's priority that does not depend on importance. */
  priorityFloor: 0.5,
} as const;

export interface LinkStrength {
  enterpriseCount: number;
  leaderCount: number;
  strength: number;
}

export interface LinkImportance {
  feedsInside: number;
  feedsAcross: number;
  dependentFirms: number;
  dependentLeaders: number;
  /** feedsInside + feedsAcross + dependentFirms + dependentLeaders. */
  raw: number;
  /** raw / (raw + importanceHalf), in [0,1). */
  score: number;
}

export interface LinkGap {
  id: string;
  name: string;
  nameEn: string;
  stage: Stage;
  order: number;
  poolSize: number;
  class: GapClass;
  classLabel: string;
  local: LinkStrength & {
    leaders: { id: string; name: string }[];
    /** Up to ten local firms, strongest first. */
    firms: { id: string; name: string; weight: number }[];
  };
  importance: LinkImportance;
  feedsInside: LinkRef[];
  feedsAcross: LinkRef[];
  /** 1 for a missing link, 0 for a strong one. */
  gap: number;
  /** gap × (priorityFloor + (1 − priorityFloor) × importance): what filling it is worth. */
  priority: number;
  reason: string;
}

/** A firm's contribution to its link's local strength. */
export function firmWeight(firm: Pick<LocalFirm, 'board' | 'listed' | 'leadsChain' | 'confidence'>): number {
  const scale =
    firm.listed && firm.board !== null
      ? (gapRules.boardScale[firm.board] ?? gapRules.otherScale)
      : gapRules.otherScale;
  return firm.confidence * (scale + (firm.leadsChain ? gapRules.leaderBonus : 0));
}

export function measureStrength(firms: readonly LocalFirm[]): LinkStrength {
  const distinct = new Map<string, LocalFirm>();
  for (const firm of firms) {
    const seen = distinct.get(firm.id);
    if (!seen || firmWeight(firm) > firmWeight(seen)) distinct.set(firm.id, firm);
  }
  let strength = 0;
  let leaderCount = 0;
  for (const firm of distinct.values()) {
    strength += firmWeight(firm);
    if (firm.leadsChain) leaderCount += 1;
  }
  return { enterpriseCount: distinct.size, leaderCount, strength };
}

/** 0 when strong, 1 when no local firm is in the link, the uncovered share of the threshold between. */
export function gapOf(s: LinkStrength): number {
  if (s.enterpriseCount === 0) return 1;
  if (s.leaderCount > 0) return 0;
  return 1 - Math.min(1, s.strength / gapRules.strongStrength);
}

export function classOf(s: LinkStrength): GapClass {
  if (s.enterpriseCount === 0) return 'missing';
  return gapOf(s) === 0 ? 'strong' : 'weak';
}

export function importanceOf(
  facts: Pick<LinkFacts, 'feedsInside' | 'feedsAcross' | 'dependents'>,
): LinkImportance {
  const dependentFirms = new Set(facts.dependents.map((d) => d.id)).size;
  const dependentLeaders = new Set(facts.dependents.filter((d) => d.leader).map((d) => d.id)).size;
  const feedsInside = new Set(facts.feedsInside.map((l) => l.id)).size;
  const feedsAcross = new Set(facts.feedsAcross.map((l) => l.id)).size;
  const raw = feedsInside + feedsAcross + dependentFirms + dependentLeaders;
  return { feedsInside, feedsAcross, dependentFirms, dependentLeaders, raw, score: saturate(raw) };
}

const saturate = (raw: number) => raw / (raw + gapRules.importanceHalf);

export function priorityOf(gap: number, importance: number): number {
  return gap * (gapRules.priorityFloor + (1 - gapRules.priorityFloor) * importance);
}

export function analyseLink(facts: LinkFacts, locality: Locality): LinkGap {
  const strength = measureStrength(facts.localFirms);
  const importance = importanceOf(facts);
  const gap = gapOf(strength);
  const gapClass = classOf(strength);
  const byWeight = [...new Map(facts.localFirms.map((f) => [f.id, f])).values()]
    .map((f) => ({ id: f.id, name: f.name, weight: round(firmWeight(f)), leadsChain: f.leadsChain }))
    .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  return {
    id: facts.id,
    name: facts.name,
    nameEn: facts.nameEn,
    stage: facts.stage,
    order: facts.order,
    poolSize: facts.poolSize,
    class: gapClass,
    classLabel: gapClassLabel[gapClass],
    local: {
      ...strength,
      strength: round(strength.strength),
      leaders: byWeight.filter((f) => f.leadsChain).map(({ id, name }) => ({ id, name })),
      firms: byWeight.slice(0, 10).map(({ id, name, weight }) => ({ id, name, weight })),
    },
    importance: { ...importance, score: round(importance.score) },
    feedsInside: facts.feedsInside,
    feedsAcross: facts.feedsAcross,
    gap: round(gap),
    priority: round(priorityOf(gap, importance.score)),
    reason: gapReason(facts.name, gapClass, strength, importance, locality, byWeight),
  };
}

const stageRank: Record<Stage, number> = { upstream: 0, midstream: 1, downstream: 2 };

export interface ChainGaps {
  links: LinkGap[];
  summary: Record<GapClass, number>;
}

/** Every link of a chain, in chain order (stage, then order). */
export function analyseChain(links: readonly LinkFacts[], locality: Locality): ChainGaps {
  const analysed = links
    .map((l) => analyseLink(l, locality))
    .sort((a, b) => stageRank[a.stage] - stageRank[b.stage] || a.order - b.order || a.id.localeCompare(b.id));
  const summary: Record<GapClass, number> = { strong: 0, weak: 0, missing: 0 };
  for (const link of analysed) summary[link.class] += 1;
  return { links: analysed, summary };
}

/** The link's strength if one more firm landed in it (the firm counted once even if already there). */
export function strengthWith(
  firms: readonly LocalFirm[],
  newcomer: LocalFirm,
): { before: LinkStrength; after: LinkStrength } {
  return { before: measureStrength(firms), after: measureStrength([...firms, newcomer]) };
}

function gapReason(
  name: string,
  gapClass: GapClass,
  s: LinkStrength,
  imp: LinkImportance,
  locality: Locality,
  firms: { name: string; leadsChain: boolean }[],
): string {
  const where = localityLabel(locality);
  const strength = round(s.strength).toFixed(2);
  const threshold = gapRules.strongStrength;
  switch (gapClass) {
    case 'missing': {
      const fed = [
        imp.feedsInside > 0 ? `链内 ${imp.feedsInside} 个` : '',
        imp.feedsAcross > 0 ? `链外 ${imp.feedsAcross} 个` : '',
      ].filter(Boolean);
      const reach = [
        fed.length > 0 ? `向${fed.join('、')}环节供给` : '',
        imp.dependentFirms > 0
          ? `${where} ${imp.dependentFirms} 家企业${imp.dependentLeaders > 0 ? `（含链主 ${imp.dependentLeaders} 家）` : ''}依赖其产出`
          : '',
      ].filter(Boolean);
      const because = reach.length > 0 ? `；该环节${reach.join('，')}` : '';
      return `${where}暂无企业布局「${name}」环节${because}，属缺链。`;
    }
    case 'weak':
      return `${where}有 ${s.enterpriseCount} 家企业布局「${name}」环节（无本链链主），强度 ${strength} 低于强链门槛 ${threshold}，属弱链。`;
    case 'strong': {
      const leaders = firms.filter((f) => f.leadsChain).map((f) => f.name);
      const basis =
        leaders.length > 0
          ? `含本链链主 ${leaders.join('、')}`
          : `强度 ${strength} 达到强链门槛 ${threshold}`;
      return `${where}有 ${s.enterpriseCount} 家企业布局「${name}」环节，${basis}，属强链。`;
    }
  }
}

export const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
