/**
 * Target scoring: raw facts about a candidate → components in [0,1] → one score. The repository computes the
 * same formulas in Cypher to rank inside the database (it receives `scoringRules` as a parameter); these pure
 * versions are the reference the service checks every returned row against, and what the tests exercise.
 */

export const weightedComponents = ['gapFit', 'supplyTies', 'quality', 'momentum'] as const;
export type WeightedComponent = (typeof weightedComponents)[number];
export type Weights = Record<WeightedComponent, number>;

export const defaultWeights: Weights = { gapFit: 0.4, supplyTies: 0.3, quality: 0.2, momentum: 0.1 };

export interface Components extends Record<WeightedComponent, number> {
  /** 1 = no risk flag; 0 = vetoed (never ranked unless asked for). */
  veto: number;
}

/** Listing quality by board; 科创板 is the hard-tech board the city courts most. */
const boardQuality: Readonly<Record<string, number>> = { 主板: 1, 科创板: 1, 创业板: 0.85, 北交所: 0.7 };

export const scoringRules = {
  /** A distinct local buyer gives a direct-tie score of 1/(1+directHalf). */
  directHalf: 1,
  /** A local buyer that leads a chain counts this much extra. */
  supplierLeaderExtra: 1,
  /** Buying from a local firm counts this share of supplying one. */
  customerShare: 0.5,
  /** Link adjacency is structural, not a relationship: it alone reaches at most this. */
  adjacencyCap: 0.6,
  adjacencyHalf: 3,
  /** Local firms upstream of the candidate's link count this share of those downstream. */
  upstreamShare: 0.5,
  /** Shared supply partners (Adamic–Adar) reach at most this. */
  proximityCap: 0.8,
  proximityHalf: 1,
  /**
   * Bounded work: a partner with more SUPPLIES relationships than this is a hub and adds no proximity, so
   * one request never expands more than this many relationships per partner of a local firm.
   */
  maxPartnerEdges: 1000,
  boardQuality,
  otherListedQuality: 0.7,
  unlistedQuality: 0.3,
  qualityBoard: 0.5,
  qualityLeader: 0.3,
  qualityPartners: 0.2,
  /** SUPPLIES relationships (either direction) at which that part of quality reaches one half. */
  supplyEdgesHalf: 2,
  /** Listings younger than this many days add momentum, linearly less with age. */
  momentumDays: 3 * 365,
  /** Exchange risk warnings in the short name: *ST, ST, S*ST, or 退 for delisting. */
  riskPattern: '^(\\*ST|ST|S\\*ST|SST).*|.*退$',
} as const;

/** The facts one candidate is scored on; the repository computes them in Cypher. */
export interface CandidateFeatures {
  /** max over the candidate's links in scope of link priority × placement confidence. */
  gapFit: number;
  /** Distinct local firms it SUPPLIES, and how many of them lead a chain. */
  suppliesLocal: number;
  suppliesLocalLeaders: number;
  /** Distinct local firms that SUPPLY it. */
  buysFromLocal: number;
  /** Best link adjacency: local firms in links its links FEED (+ leaders), plus a share of those upstream. */
  adjacency: number;
  /** Adamic–Adar over SUPPLIES: Σ over its partners z of (local partners of z) / ln(partners of z), hubs skipped. */
  proximity: number;
  board: string | null;
  listed: boolean;
  /** Leads any chain (链主). */
  leader: boolean;
  /** SUPPLIES relationships it has, either direction, anywhere: proven in a supply chain, or anchoring one. */
  supplyEdges: number;
  /** Days from listing to the reference date; null when unknown. */
  daysSinceListing: number | null;
  /** A risk warning in the name. */
  vetoed: boolean;
}

const sat = (x: number, half: number) => (x <= 0 ? 0 : x / (x + half));

export function directTies(
  f: Pick<CandidateFeatures, 'suppliesLocal' | 'suppliesLocalLeaders' | 'buysFromLocal'>,
) {
  return (
    f.suppliesLocal +
    scoringRules.supplierLeaderExtra * f.suppliesLocalLeaders +
    scoringRules.customerShare * f.buysFromLocal
  );
}

/** Noisy-or of direct ties, link adjacency and proximity: any one of them can carry the component. */
export function supplyTiesOf(
  f: Pick<
    CandidateFeatures,
    'suppliesLocal' | 'suppliesLocalLeaders' | 'buysFromLocal' | 'adjacency' | 'proximity'
  >,
): number {
  const r = scoringRules;
  return (
    1 -
    (1 - sat(directTies(f), r.directHalf)) *
      (1 - r.adjacencyCap * sat(f.adjacency, r.adjacencyHalf)) *
      (1 - r.proximityCap * sat(f.proximity, r.proximityHalf))
  );
}

export function boardQualityOf(f: Pick<CandidateFeatures, 'board' | 'listed'>): number {
  if (!f.listed) return scoringRules.unlistedQuality;
  return f.board === null
    ? scoringRules.otherListedQuality
    : (scoringRules.boardQuality[f.board] ?? scoringRules.otherListedQuality);
}

export function qualityOf(f: Pick<CandidateFeatures, 'board' | 'listed' | 'leader' | 'supplyEdges'>): number {
  const r = scoringRules;
  return (
    r.qualityBoard * boardQualityOf(f) +
    r.qualityLeader * (f.leader ? 1 : 0) +
    r.qualityPartners * sat(f.supplyEdges, r.supplyEdgesHalf)
  );
}

export function momentumOf(f: Pick<CandidateFeatures, 'daysSinceListing'>): number {
  const days = f.daysSinceListing;
  if (days === null || days >= scoringRules.momentumDays) return 0;
  if (days <= 0) return 1;
  return 1 - days / scoringRules.momentumDays;
}

export function componentsOf(f: CandidateFeatures): Components {
  return {
    gapFit: f.gapFit,
    supplyTies: supplyTiesOf(f),
    quality: qualityOf(f),
    momentum: momentumOf(f),
    veto: f.vetoed ? 0 : 1,
  };
}

export function weightSum(w: Weights): number {
  return weightedComponents.reduce((sum, k) => sum + w[k], 0);
}

/** Weighted mean of the four components; a vetoed candidate scores 0. */
export function scoreOf(c: Components, w: Weights): number {
  if (c.veto === 0) return 0;
  const total = weightSum(w);
  if (total <= 0) return 0;
  return weightedComponents.reduce((sum, k) => sum + w[k] * c[k], 0) / total;
}

export interface Ranked<T> {
  item: T;
  score: number;
}

/**
 * The ranking order: candidates without a veto first, then score descending, then id. The repository
 * sorts the same way in Cypher; this is the reference.
 */
export function rankCandidates<T extends { id: string; components: Components }>(
  candidates: readonly T[],
  weights: Weights,
): Ranked<T>[] {
  return candidates
    .map((item) => ({ item, score: scoreOf(item.components, weights) }))
    .sort(
      (a, b) =>
        b.item.components.veto - a.item.components.veto ||
        b.score - a.score ||
        compareIds(a.item.id, b.item.id),
    );
}

/** Code-point order, the order Cypher's ORDER BY uses for strings. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which risk warning, if any, the short name carries. */
export function riskFlagOf(name: string): string | null {
  if (!new RegExp(scoringRules.riskPattern).test(name)) return null;
  if (name.endsWith('退')) return '退';
  const match = /^(S?\*?ST)/.exec(name);
  return match?.[1] ?? 'ST';
}

/** Raw adjacency of a link from local-firm counts one FEEDS edge away (see `CandidateFeatures.adjacency`). */
export function linkAdjacency(
  counts: readonly { linkId: string; direction: 'down' | 'up'; firms: number; leaders: number }[],
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const c of counts) {
    const value = c.direction === 'down' ? c.firms + c.leaders : scoringRules.upstreamShare * c.firms;
    result[c.linkId] = (result[c.linkId] ?? 0) + value;
  }
  return result;
}
