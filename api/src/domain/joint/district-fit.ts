/**
 * District fit: how well each district of the city could host one target enterprise. Raw facts read from the
 * graph → four components in [0,1] → one weighted score, with reasons that carry the ids they rest on.
 * The same raw facts, pooled over several districts, define the coalition game in `coalitions.ts`.
 */

export const fitComponents = ['priority', 'ecosystem', 'supply', 'land'] as const;
export type FitComponent = (typeof fitComponents)[number];
export type FitComponents = Record<FitComponent, number>;

export const fitRules = {
  /** A prioritised chain at rank r counts decay^(r−1): rank 1 → 1, rank 2 → 0.8, rank 3 → 0.64. */
  priorityDecay: 0.8,
  /** A firm that leads a chain (链主) counts this much extra in the ecosystem and among supply partners. */
  leaderBonus: 1,
  /** A firm one FEEDS edge away (upstream or downstream link) counts this share of one in the same link. */
  adjacentShare: 0.5,
  /** Ecosystem strength at which the component reaches one half. */
  ecosystemHalf: 2,
  /** Supply-partner strength at which the component reaches one half. */
  supplyHalf: 1,
  /** A park focused on the target's chain whose free land is not recorded. */
  landUnknown: 0.6,
  /** A focused park with land recorded: floor + (1 − floor) · ha / (ha + landHalfHa). */
  landFloor: 0.3,
  landHalfHa: 20,
  weights: { priority: 0.25, ecosystem: 0.3, supply: 0.2, land: 0.25 } satisfies FitComponents,
} as const;

export interface FitLink {
  id: string;
  name: string;
  chainId: string;
  chainName: string;
  confidence: number;
}

/** The enterprise districts are ranked for. */
export interface FitTarget {
  id: string;
  name: string;
  districtCode: string | null;
  source: string;
  links: FitLink[];
}

export interface DistrictFacts {
  code: string;
  name: string;
  kind: string;
  /** The district's PRIORITIZES edges to the target's chains. */
  priorities: { chainId: string; chainName: string; rank: number }[];
  /** The district's firms placed in one of the target's links. */
  sameLinkFirms: {
    id: string;
    name: string;
    linkId: string;
    linkName: string;
    confidence: number;
    leader: boolean;
  }[];
  /** The district's firms in a link one FEEDS edge from a target link ('down': the target's link feeds theirs). */
  adjacentFirms: {
    id: string;
    name: string;
    linkId: string;
    linkName: string;
    targetLinkId: string;
    targetLinkName: string;
    direction: 'down' | 'up';
    confidence: number;
    leader: boolean;
  }[];
  /** SUPPLIES partners of the target located in the district. */
  supplyPartners: {
    id: string;
    name: string;
    /** 'buyer': the target supplies them; 'supplier': they supply the target. */
    role: 'buyer' | 'supplier';
    product: string;
    leader: boolean;
  }[];
  /** The district's parks focused on one of the target's chains. */
  parks: {
    id: string;
    name: string;
    landAvailableHa: number | null;
    focusChains: { id: string; name: string }[];
  }[];
}

/** The raw numbers the components come from; they pool across districts (see `coalitions.ts`). */
export interface FitInputs {
  /** Best decay^(rank−1) × the target's confidence in that chain; 0 when no chain of the target is prioritised. */
  priority: number;
  /** Σ over distinct firms: confidence × (1 + leader bonus), adjacent firms at `adjacentShare`. */
  ecosystemRaw: number;
  /** Σ over distinct partners: 1 + leader bonus. */
  supplyRaw: number;
  /** Best focused park's land score; 0 without a focused park. */
  land: number;
}

const sat = (x: number, half: number) => (x <= 0 ? 0 : x / (x + half));

/** The target's confidence in each of its chains: its best placement there. */
export function chainConfidence(target: FitTarget): Map<string, number> {
  const result = new Map<string, number>();
  for (const link of target.links) {
    result.set(link.chainId, Math.max(result.get(link.chainId) ?? 0, link.confidence));
  }
  return result;
}

export function landScore(landAvailableHa: number | null): number {
  if (landAvailableHa === null) return fitRules.landUnknown;
  return fitRules.landFloor + (1 - fitRules.landFloor) * sat(landAvailableHa, fitRules.landHalfHa);
}

export function inputsOf(target: FitTarget, d: DistrictFacts): FitInputs {
  const r = fitRules;
  const confidence = chainConfidence(target);
  const priority = Math.max(
    0,
    ...d.priorities.map((p) => r.priorityDecay ** (p.rank - 1) * (confidence.get(p.chainId) ?? 0)),
  );

  const same = new Map<string, number>();
  for (const f of d.sameLinkFirms) {
    if (f.id === target.id) continue;
    same.set(f.id, Math.max(same.get(f.id) ?? 0, f.confidence * (1 + (f.leader ? r.leaderBonus : 0))));
  }
  const adjacent = new Map<string, number>();
  for (const f of d.adjacentFirms) {
    if (f.id === target.id || same.has(f.id)) continue;
    const w = r.adjacentShare * f.confidence * (1 + (f.leader ? r.leaderBonus : 0));
    adjacent.set(f.id, Math.max(adjacent.get(f.id) ?? 0, w));
  }
  const ecosystemRaw = [...same.values(), ...adjacent.values()].reduce((a, b) => a + b, 0);

  const partners = new Map<string, number>();
  for (const p of d.supplyPartners) partners.set(p.id, 1 + (p.leader ? r.leaderBonus : 0));
  const supplyRaw = [...partners.values()].reduce((a, b) => a + b, 0);

  const land = Math.max(
    0,
    ...d.parks.filter((p) => p.focusChains.length > 0).map((p) => landScore(p.landAvailableHa)),
  );
  return { priority, ecosystemRaw, supplyRaw, land };
}

export function componentsOf(inputs: FitInputs): FitComponents {
  return {
    priority: inputs.priority,
    ecosystem: sat(inputs.ecosystemRaw, fitRules.ecosystemHalf),
    supply: sat(inputs.supplyRaw, fitRules.supplyHalf),
    land: inputs.land,
  };
}

/** Weighted sum of the components (the weights sum to 1), so a score is in [0,1]. */
export function fitScoreOf(c: FitComponents): number {
  return fitComponents.reduce((sum, k) => sum + fitRules.weights[k] * c[k], 0);
}

export type FitReason =
  | { kind: 'priority-chain'; text: string; chainId: string; chainName: string; rank: number }
  | {
      kind: 'same-link-firms';
      text: string;
      linkId: string;
      linkName: string;
      firmCount: number;
      firmIds: string[];
    }
  | {
      kind: 'feeds-district-link' | 'fed-by-district-link';
      text: string;
      linkId: string;
      linkName: string;
      viaLinkId: string;
      viaLinkName: string;
      firmCount: number;
      firmIds: string[];
    }
  | {
      kind: 'supplies-district-firm' | 'buys-from-district-firm';
      text: string;
      enterpriseId: string;
      enterpriseName: string;
      product: string;
    }
  | {
      kind: 'focused-park';
      text: string;
      parkId: string;
      parkName: string;
      chainIds: string[];
      landAvailableHa: number | null;
    }
  | { kind: 'already-located'; text: string }
  | { kind: 'no-tie'; text: string };

const maxNames = 3;
const maxTies = 3;

function firmList(firms: { id: string; name: string }[]): string {
  const names = firms
    .slice(0, maxNames)
    .map((f) => f.name)
    .join('、');
  return firms.length > maxNames ? `${names} 等 ${firms.length} 家` : names;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sentences built only from the district's facts for this target, each with the ids it rests on. */
export function buildFitReasons(target: FitTarget, d: DistrictFacts): FitReason[] {
  const reasons: FitReason[] = [];
  const where = d.name;
  if (target.districtCode === d.code) {
    reasons.push({ kind: 'already-located', text: `${target.name} 已落户${where}` });
  }
  for (const p of [...d.priorities].sort((a, b) => a.rank - b.rank || a.chainId.localeCompare(b.chainId))) {
    reasons.push({
      kind: 'priority-chain',
      text: `${where}将「${p.chainName}」列为重点产业链（第 ${p.rank} 位）`,
      chainId: p.chainId,
      chainName: p.chainName,
      rank: p.rank,
    });
  }
  const same = d.sameLinkFirms.filter((f) => f.id !== target.id);
  for (const [linkId, firms] of [...groupBy(same, (f) => f.linkId)].sort(([a], [b]) => a.localeCompare(b))) {
    const distinct = [...new Map(firms.map((f) => [f.id, f])).values()].sort(byId);
    const linkName = distinct[0]?.linkName ?? linkId;
    reasons.push({
      kind: 'same-link-firms',
      text: `${where}已有 ${distinct.length} 家企业在其所在环节「${linkName}」（${firmList(distinct)}）`,
      linkId,
      linkName,
      firmCount: distinct.length,
      firmIds: distinct.map((f) => f.id),
    });
  }
  const sameIds = new Set(same.map((f) => f.id));
  const adjacent = d.adjacentFirms.filter((f) => f.id !== target.id && !sameIds.has(f.id));
  const edges = groupBy(adjacent, (f) => `${f.direction}|${f.targetLinkId}|${f.linkId}`);
  for (const key of [...edges.keys()].sort()) {
    const firms = [...new Map((edges.get(key) ?? []).map((f) => [f.id, f])).values()].sort(byId);
    const first = firms[0];
    if (!first) continue;
    const list = firmList(firms);
    reasons.push({
      kind: first.direction === 'down' ? 'feeds-district-link' : 'fed-by-district-link',
      text:
        first.direction === 'down'
          ? `其所在环节「${first.targetLinkName}」向${where}企业所在的「${first.linkName}」供给（${list}）`
          : `${where}企业所在的「${first.linkName}」（${list}）向其所在环节「${first.targetLinkName}」供给`,
      linkId: first.targetLinkId,
      linkName: first.targetLinkName,
      viaLinkId: first.linkId,
      viaLinkName: first.linkName,
      firmCount: firms.length,
      firmIds: firms.map((f) => f.id),
    });
  }
  const partners = [...d.supplyPartners].sort(
    (a, b) =>
      Number(b.leader) - Number(a.leader) || a.id.localeCompare(b.id) || a.product.localeCompare(b.product),
  );
  for (const p of partners.slice(0, maxTies)) {
    reasons.push({
      kind: p.role === 'buyer' ? 'supplies-district-firm' : 'buys-from-district-firm',
      text:
        p.role === 'buyer'
          ? `向${where}${p.leader ? '链主' : '企业'} ${p.name} 供应「${p.product}」`
          : `采购${where}${p.leader ? '链主' : '企业'} ${p.name} 的「${p.product}」`,
      enterpriseId: p.id,
      enterpriseName: p.name,
      product: p.product,
    });
  }
  for (const park of [...d.parks].filter((p) => p.focusChains.length > 0).sort(byId)) {
    const chains = park.focusChains.map((c) => `「${c.name}」`).join('');
    const land =
      park.landAvailableHa === null ? '可用土地面积未录入' : `可用土地 ${park.landAvailableHa} 公顷`;
    reasons.push({
      kind: 'focused-park',
      text: `${where}的园区「${park.name}」聚焦${chains}（${land}）`,
      parkId: park.id,
      parkName: park.name,
      chainIds: park.focusChains.map((c) => c.id),
      landAvailableHa: park.landAvailableHa,
    });
  }
  if (reasons.length === 0) {
    reasons.push({ kind: 'no-tie', text: `图谱中${where}与该企业所在产业链暂无关联` });
  }
  return reasons;
}

export interface DistrictFit {
  rank: number;
  code: string;
  name: string;
  kind: string;
  score: number;
  components: FitComponents;
  inputs: FitInputs;
  reasons: FitReason[];
}

/** Every district with its fit, best first (score descending, then code). */
export function rankDistricts(target: FitTarget, districts: readonly DistrictFacts[]): DistrictFit[] {
  return districts
    .map((d) => {
      const inputs = inputsOf(target, d);
      const components = componentsOf(inputs);
      return {
        rank: 0,
        code: d.code,
        name: d.name,
        kind: d.kind,
        score: fitScoreOf(components),
        components,
        inputs,
        reasons: buildFitReasons(target, d),
      };
    })
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((fit, index) => ({ ...fit, rank: index + 1 }));
}
