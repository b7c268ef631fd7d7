import {
  componentsOf,
  type DistrictFit,
  type FitComponents,
  type FitInputs,
  fitScoreOf,
} from './district-fit.ts';
import { membersOf, shapleyValues, sizeOf } from './shapley.ts';

/**
 * The coalition game. A coalition S of districts attracts the target together: the firm lands in one member,
 * the others bring what they have. What S can offer is its members' fit inputs pooled:
 *
 * - priority and land: the best member's (one policy package, one site; they do not add up);
 * - ecosystem and supply partners: the members' raw strengths summed, then saturated as for one district
 *   (firms in several districts of one city all serve a firm landing in any of them);
 *
 * and v(S) = fit score of the pooled inputs − coordinationCost · (|S| − 1), v(∅) = 0. For one district
 * v({i}) is its own fit score. The cost term is why not every coalition is worth forming: each extra member is
 * another negotiation and another split to honour.
 */
export const coalitionRules = {
  coordinationCost: 0.05,
  minMembers: 2,
  maxMembers: 4,
  /** Suggestions are drawn from the best-fitting districts with a positive score. */
  maxCandidates: 8,
  maxSuggestions: 5,
  /** v(S) must beat the best member alone by more than this to count as better. */
  minGain: 1e-9,
} as const;

export function pooledInputs(members: readonly FitInputs[]): FitInputs {
  return {
    priority: Math.max(0, ...members.map((m) => m.priority)),
    ecosystemRaw: members.reduce((sum, m) => sum + m.ecosystemRaw, 0),
    supplyRaw: members.reduce((sum, m) => sum + m.supplyRaw, 0),
    land: Math.max(0, ...members.map((m) => m.land)),
  };
}

/** v(S) for the members' inputs (an empty list is the empty coalition). */
export function coalitionValue(members: readonly FitInputs[]): number {
  if (members.length === 0) return 0;
  return (
    fitScoreOf(componentsOf(pooledInputs(members))) - coalitionRules.coordinationCost * (members.length - 1)
  );
}

/** The game over a list of districts, coalitions as bit masks over their indexes. */
export function gameOf(players: readonly FitInputs[]): (coalition: number) => number {
  return (coalition) =>
    coalitionValue(membersOf(coalition, players.length).map((i) => players[i] as FitInputs));
}

export interface CoalitionMember {
  code: string;
  name: string;
  /** 'host': where the firm would land (best land, then priority, then fit); others are partners. */
  role: 'host' | 'partner';
  fitScore: number;
  components: FitComponents;
  inputs: FitInputs;
  /** Shapley value φᵢ, in fit points. */
  shapley: number;
  /** φᵢ / v(N): the member's share of what the coalition creates; shares sum to 1. */
  share: number;
}

export interface Coalition {
  codes: string[];
  members: CoalitionMember[];
  /** v(N) of this coalition. */
  value: number;
  pooled: { inputs: FitInputs; components: FitComponents };
  coordinationCost: number;
  bestSingle: { code: string; name: string; value: number };
  /** v(N) − the best member alone. */
  gain: number;
  /** v of every non-empty sub-coalition, so the Shapley shares can be recomputed by hand. */
  subsets: { codes: string[]; value: number }[];
  /** Who brings what, in one sentence. */
  text: string;
}

type Player = Pick<DistrictFit, 'code' | 'name' | 'score' | 'components' | 'inputs'>;

/** Shapley shares and the full value table of one coalition of districts. */
export function analyseCoalition(players: readonly Player[]): Coalition {
  const n = players.length;
  const game = gameOf(players.map((p) => p.inputs));
  const all = (1 << n) - 1;
  const value = game(all);
  const phi = shapleyValues(n, game);
  const host = hostOf(players);
  const members = players.map(
    (p, i): CoalitionMember => ({
      code: p.code,
      name: p.name,
      role: p.code === host.code ? 'host' : 'partner',
      fitScore: p.score,
      components: p.components,
      inputs: p.inputs,
      shapley: phi[i] ?? 0,
      share: value > 0 ? (phi[i] ?? 0) / value : 0,
    }),
  );
  const subsets: { codes: string[]; value: number }[] = [];
  for (let c = 1; c <= all; c += 1) {
    subsets.push({ codes: membersOf(c, n).map((i) => players[i]?.code ?? ''), value: game(c) });
  }
  subsets.sort((a, b) => a.codes.length - b.codes.length);
  const best = [...players].sort((a, b) => b.score - a.score || compareCodes(a.code, b.code))[0] ?? host;
  const pooled = pooledInputs(players.map((p) => p.inputs));
  return {
    codes: players.map((p) => p.code),
    members,
    value,
    pooled: { inputs: pooled, components: componentsOf(pooled) },
    coordinationCost: coalitionRules.coordinationCost * (n - 1),
    bestSingle: { code: best.code, name: best.name, value: best.score },
    gain: value - best.score,
    subsets,
    text: describeCoalition(players, value, best),
  };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hostOf(players: readonly Player[]): Player {
  const sorted = [...players].sort(
    (a, b) =>
      b.inputs.land - a.inputs.land ||
      b.inputs.priority - a.inputs.priority ||
      b.score - a.score ||
      compareCodes(a.code, b.code),
  );
  const host = sorted[0];
  if (!host) throw new RangeError('A coalition needs at least one district');
  return host;
}

const contributionLabels: Record<'priority' | 'ecosystem' | 'supply' | 'land', string> = {
  priority: '产业优先政策',
  ecosystem: '上下游企业生态',
  supply: '现有供应链伙伴',
  land: '聚焦该产业的园区载体',
};

/** Names, for each pooled input, the member that contributes most of it. */
function describeCoalition(players: readonly Player[], value: number, best: Player): string {
  const brings = new Map<string, string[]>();
  const credit = (key: keyof typeof contributionLabels, amount: (p: Player) => number) => {
    const top = [...players].sort((a, b) => amount(b) - amount(a) || compareCodes(a.code, b.code))[0];
    if (top && amount(top) > 0)
      brings.set(top.code, [...(brings.get(top.code) ?? []), contributionLabels[key]]);
  };
  credit('priority', (p) => p.inputs.priority);
  credit('land', (p) => p.inputs.land);
  credit('ecosystem', (p) => p.inputs.ecosystemRaw);
  credit('supply', (p) => p.inputs.supplyRaw);
  const parts = players
    .filter((p) => brings.has(p.code))
    .map((p) => `${p.name}提供${(brings.get(p.code) ?? []).join('、')}`);
  return `${parts.join('，')}；联合契合度 ${value.toFixed(3)}，高于单独最优的${best.name}（${best.score.toFixed(3)}）`;
}

/**
 * Coalitions of 2–4 of the best-fitting districts that do better together than any of them alone, where every
 * member is needed (dropping anyone lowers v) and every Shapley share is positive; best v first.
 */
export function suggestCoalitions(
  fits: readonly DistrictFit[],
  limit: number = coalitionRules.maxSuggestions,
): Coalition[] {
  const candidates = [...fits]
    .filter((f) => f.score > 0)
    .sort((a, b) => b.score - a.score || compareCodes(a.code, b.code))
    .slice(0, coalitionRules.maxCandidates);
  const n = candidates.length;
  const game = gameOf(candidates.map((c) => c.inputs));
  const found: Coalition[] = [];
  for (let mask = 1; mask < 1 << n; mask += 1) {
    const size = sizeOf(mask);
    if (size < coalitionRules.minMembers || size > coalitionRules.maxMembers) continue;
    const members = membersOf(mask, n);
    const v = game(mask);
    const bestAlone = Math.max(...members.map((i) => game(1 << i)));
    if (v - bestAlone <= coalitionRules.minGain) continue;
    if (members.some((i) => game(mask & ~(1 << i)) >= v)) continue;
    const coalition = analyseCoalition(members.map((i) => candidates[i] as DistrictFit));
    if (coalition.members.some((m) => m.shapley <= 0)) continue;
    found.push(coalition);
  }
  return found
    .sort((a, b) => b.value - a.value || b.gain - a.gain || compareCodes(a.codes.join(), b.codes.join()))
    .slice(0, limit);
}
