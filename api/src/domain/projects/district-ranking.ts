import { ValidationError } from '../errors.ts';

/**
 * The red/black list (红黑榜): districts ranked on transparent metrics, each a ratio in [0, 1] shown with its
 * numerator and denominator. Pure; the formula is written down in docs/projects.md.
 */

export const rankingMetricKeys = [
  'onTimeStart',
  'investmentInPlace',
  'landEfficiency',
  'alertsResolved',
] as const;
export type RankingMetricKey = (typeof rankingMetricKeys)[number];

export const rankingWeights: Record<RankingMetricKey, number> = {
  onTimeStart: 0.3,
  investmentInPlace: 0.3,
  landEfficiency: 0.2,
  alertsResolved: 0.2,
};

export const metricLabels: Record<RankingMetricKey, { zh: string; en: string; unit: string }> = {
  onTimeStart: { zh: '按期开工率', en: 'On-time start rate', unit: 'projects' },
  investmentInPlace: { zh: '投资到位率', en: 'Investment in place vs plan', unit: '亿元' },
  landEfficiency: { zh: '土地利用率', en: 'Land in use', unit: 'ha' },
  alertsResolved: { zh: '预警办结率', en: 'Alerts resolved', unit: 'alerts' },
};

/** A ranking period: a year (`2026`) or a quarter (`2026-Q3`), as the first and last day it covers. */
export interface Period {
  label: string;
  year: number;
  from: string;
  to: string;
}

export function parsePeriod(text: string): Period {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(text);
  if (match === null) {
    throw new ValidationError(`"${text}" is not a period`, [
      { path: 'query.period', message: 'expected a year (2026) or a quarter (2026-Q3)' },
    ]);
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return { label: text, year, from: `${year}-01-01`, to: `${year}-12-31` };
  const q = Number(match[2]);
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    label: text,
    year,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}`,
  };
}

/** The raw counts and sums of one district, as the repository adds them up. */
export interface DistrictInputs {
  districtCode: string;
  districtName: string;
  projects: number;
  /** Projects whose planned start fell in the period up to the evaluation day … */
  startsDue: number;
  /** … and of those, the ones that started on or before the planned day. */
  startsOnTime: number;
  investmentPlannedYi: number;
  investmentInPlaceYi: number;
  /** Land parcels of the district (and of its projects): all of their area, and the area in use. */
  landHa: number;
  landInUseHa: number;
  /** Alerts raised in the period on the district's projects, and of those the ones resolved. */
  alertsRaised: number;
  alertsResolved: number;
}

export interface MetricValue {
  key: RankingMetricKey;
  numerator: number;
  denominator: number;
  /** numerator / denominator clamped to [0, 1]; null when the denominator is 0 (nothing to measure). */
  value: number | null;
  weight: number;
}

export interface DistrictRanking {
  districtCode: string;
  districtName: string;
  projects: number;
  metrics: MetricValue[];
  /** Weighted mean of the metrics that have a value; null when none has. */
  score: number | null;
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). Null for districts with no score. */
  rank: number | null;
  mark: 'red' | 'black' | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.min(1, Math.max(0, numerator / denominator)) : null;

export function metricsOf(inputs: DistrictInputs): MetricValue[] {
  const pairs: Record<RankingMetricKey, [number, number]> = {
    onTimeStart: [inputs.startsOnTime, inputs.startsDue],
    investmentInPlace: [inputs.investmentInPlaceYi, inputs.investmentPlannedYi],
    landEfficiency: [inputs.landInUseHa, inputs.landHa],
    alertsResolved: [inputs.alertsResolved, inputs.alertsRaised],
  };
  return rankingMetricKeys.map((key) => {
    const [numerator, denominator] = pairs[key];
    return { key, numerator, denominator, value: ratio(numerator, denominator), weight: rankingWeights[key] };
  });
}

/** Weighted mean over the metrics that have a value: a missing metric neither helps nor hurts. */
export function scoreOf(metrics: readonly MetricValue[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of metrics) {
    if (m.value === null) continue;
    weighted += m.weight * m.value;
    weights += m.weight;
  }
  return weights > 0 ? Math.round((weighted / weights) * 10_000) / 10_000 : null;
}

/** How many districts at each end are marked: a third of the ranked ones, at most three. */
export function marksPerEnd(ranked: number): number {
  return Math.min(3, Math.floor(ranked / 3));
}

/**
 * Ranks districts by score. The result depends only on each district's own inputs, never on the order they
 * came in: output is sorted by rank, then district code. A district is red when its rank is within the top
 * `marksPerEnd`, black when as few districts score strictly below it; ties at the boundary share the mark.
 */
export function rankDistricts(all: readonly DistrictInputs[]): DistrictRanking[] {
  const scored = all.map((inputs) => {
    const metrics = metricsOf(inputs);
    return {
      districtCode: inputs.districtCode,
      districtName: inputs.districtName,
      projects: inputs.projects,
      metrics,
      score: scoreOf(metrics),
    };
  });
  const scores = scored.flatMap((d) => (d.score === null ? [] : [d.score]));
  const k = marksPerEnd(scores.length);
  const ranked = scored.map((d): DistrictRanking => {
    if (d.score === null) return { ...d, rank: null, mark: null };
    const score = d.score;
    const rank = 1 + scores.filter((s) => s > score).length;
    const fromBottom = 1 + scores.filter((s) => s < score).length;
    const red = rank <= k;
    const black = fromBottom <= k;
    return { ...d, rank, mark: red && !black ? 'red' : black && !red ? 'black' : null };
  });
  return ranked.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      (a.districtCode < b.districtCode ? -1 : a.districtCode > b.districtCode ? 1 : 0),
  );
}
