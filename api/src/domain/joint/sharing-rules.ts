import type { FieldIssue } from '../errors.ts';
import { homeCity } from '../home-city.ts';

/**
 * Benefit-sharing rules between districts, as composable parts of an agreement's terms:
 *
 * - `split`: how the new benefit is divided: `fixed` shares, `weighted` by each party's contribution (e.g.
 *   investment), or `shapley` (shares computed from the coalition game, see `coalitions.ts`);
 * - `taper`: the split changes to other shares after N years;
 * - `stock`: existing (stock) revenue and statistics stay with one party, only the increment is split;
 * - `coordinator`: a token share of the new retained tax taken first for the coordinator (the city or a party);
 * - `statistics`: `split` like tax, or `full`: output, investment and jobs counted in full by every party
 *   (全额双核算, not zero-sum). Retained tax is money and is always split.
 *
 * The year-by-year table applies them to a projection of the project over the agreement's term.
 */

export type Shares = Record<string, number>;

export type Split =
  | { basis: 'fixed'; shares: Shares }
  | { basis: 'weighted'; weights: Shares; weightsOf: string }
  | {
      basis: 'shapley';
      /** Filled in by the server from the coalition game when the terms are proposed. */
      shares?: Shares;
      /** v of every sub-coalition the shares were computed from. */
      values?: { codes: string[]; value: number }[];
    };

export interface Projection {
  /** Total fixed-asset investment, 万元, spread evenly over the build years. */
  investment: number;
  buildYears: number;
  /** At full operation, per year: output (产值, 万元), retained local tax (万元), jobs. */
  annualOutput: number;
  annualTax: number;
  jobs: number;
  /** Operation ramps up linearly to full over this many years after the build. */
  rampYears: number;
  /** What the target already produces where it sits (the stock), per year. */
  existing?: { annualOutput: number; annualTax: number; jobs: number };
}

export interface Terms {
  split: Split;
  taper?: { afterYears: number; shares: Shares };
  stock?: { holder: string };
  coordinator?: { beneficiary: string; share: number };
  statistics: 'split' | 'full';
  term: { startYear: number; years: number };
  projection: Projection;
  note?: string;
}

export const sharingRules = {
  /** Shares must sum to 1 within this. */
  sumTolerance: 1e-6,
  /** A coordinator's share is a token: at most this much of the new retained tax. */
  maxCoordinatorShare: 0.1,
  /** The city (not a district) as coordinator. */
  cityBeneficiary: 'city',
} as const;

export const metrics = ['tax', 'output', 'investment', 'jobs'] as const;
export type Metric = (typeof metrics)[number];

export const metricInfo: Record<Metric, { label: string; unit: string; decimals: number }> = {
  tax: { label: '地方留存税收', unit: '万元', decimals: 2 },
  output: { label: '产值（GDP 统计）', unit: '万元', decimals: 2 },
  investment: { label: '固定资产投资', unit: '万元', decimals: 2 },
  jobs: { label: '就业岗位', unit: '人', decimals: 1 },
};

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

function checkShares(
  shares: Shares,
  parties: readonly string[],
  path: string,
  mustSumToOne: boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const code of parties) {
    if (!(code in shares))
      issues.push({ path: `${path}.${code}`, message: `missing: party ${code} needs a value` });
  }
  for (const [code, value] of Object.entries(shares)) {
    if (!parties.includes(code)) {
      issues.push({ path: `${path}.${code}`, message: `${code} is not a party to this proposal` });
    }
    if (!Number.isFinite(value) || value < 0 || (mustSumToOne && value > 1)) {
      issues.push({
        path: `${path}.${code}`,
        message: mustSumToOne ? 'must be a share between 0 and 1' : 'must be a number ≥ 0',
      });
    }
  }
  const total = sum(Object.values(shares));
  if (mustSumToOne && Math.abs(total - 1) > sharingRules.sumTolerance) {
    issues.push({ path, message: `shares sum to ${Number(total.toFixed(6))}; they must sum to 1` });
  }
  if (!mustSumToOne && !(total > 0)) issues.push({ path, message: 'at least one weight must be positive' });
  return issues;
}

/** Every problem with the terms for these parties, with field paths under `path`. */
export function termsIssues(terms: Terms, parties: readonly string[], path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { split } = terms;
  if (split.basis === 'fixed')
    issues.push(...checkShares(split.shares, parties, `${path}.split.shares`, true));
  if (split.basis === 'weighted') {
    issues.push(...checkShares(split.weights, parties, `${path}.split.weights`, false));
  }
  if (split.basis === 'shapley' && split.shares) {
    issues.push(...checkShares(split.shares, parties, `${path}.split.shares`, true));
  }
  if (terms.taper) {
    issues.push(...checkShares(terms.taper.shares, parties, `${path}.taper.shares`, true));
    if (terms.taper.afterYears >= terms.term.years) {
      issues.push({
        path: `${path}.taper.afterYears`,
        message: `must be less than the term (${terms.term.years} years), or the split never changes`,
      });
    }
  }
  if (terms.stock && !parties.includes(terms.stock.holder)) {
    issues.push({
      path: `${path}.stock.holder`,
      message: `${terms.stock.holder} is not a party to this proposal`,
    });
  }
  if (terms.coordinator) {
    const { beneficiary, share } = terms.coordinator;
    if (beneficiary !== sharingRules.cityBeneficiary && !parties.includes(beneficiary)) {
      issues.push({
        path: `${path}.coordinator.beneficiary`,
        message: `must be "${sharingRules.cityBeneficiary}" or a party; ${beneficiary} is neither`,
      });
    }
    if (!(share >= 0 && share <= sharingRules.maxCoordinatorShare)) {
      issues.push({
        path: `${path}.coordinator.share`,
        message: `a coordinator's token share must be between 0 and ${sharingRules.maxCoordinatorShare}`,
      });
    }
  }
  if (terms.stock && !terms.projection.existing) {
    issues.push({
      path: `${path}.projection.existing`,
      message: 'the stock/increment rule needs the existing (stock) output, tax and jobs',
    });
  }
  return issues;
}

/** The split's shares: fixed as given, weighted normalised, Shapley as computed. */
export function baseShares(split: Split, parties: readonly string[]): Shares {
  switch (split.basis) {
    case 'fixed':
      return split.shares;
    case 'weighted': {
      const total = sum(parties.map((p) => split.weights[p] ?? 0));
      return Object.fromEntries(parties.map((p) => [p, total > 0 ? (split.weights[p] ?? 0) / total : 0]));
    }
    case 'shapley':
      if (!split.shares) throw new Error('Shapley shares must be computed before the terms are used');
      return split.shares;
  }
}

/** The split in force in year t (1-based) of the term. */
export function sharesForYear(terms: Terms, parties: readonly string[], year: number): Shares {
  if (terms.taper && year > terms.taper.afterYears) return terms.taper.shares;
  return baseShares(terms.split, parties);
}

/** Investment in the build years; output, tax and jobs ramping up after them. Year t is 1-based. */
export function projectYear(
  p: Projection,
  year: number,
): { increment: Record<Metric, number>; stock: Record<Metric, number> } {
  const investment = year <= p.buildYears && p.buildYears > 0 ? p.investment / p.buildYears : 0;
  const operating = year - p.buildYears;
  const ramp = operating <= 0 ? 0 : Math.min(1, operating / Math.max(1, p.rampYears));
  const existing = p.existing ?? { annualOutput: 0, annualTax: 0, jobs: 0 };
  return {
    increment: {
      tax: p.annualTax * ramp,
      output: p.annualOutput * ramp,
      investment,
      jobs: p.jobs * ramp,
    },
    stock: { tax: existing.annualTax, output: existing.annualOutput, investment: 0, jobs: existing.jobs },
  };
}

export interface MetricRow {
  /** Calendar year. */
  year: number;
  /** Year of the term, 1-based. */
  termYear: number;
  /** What the project produces this year: stock + increment. */
  total: number;
  stock: number;
  increment: number;
  /** The split in force this year (before any coordinator share). */
  shares: Shares;
  /** What each beneficiary is credited with. */
  credited: Record<string, number>;
}

export interface MetricTable {
  metric: Metric;
  label: string;
  unit: string;
  /** True when the credited amounts add up to the total (split); false for statistics counted in full. */
  zeroSum: boolean;
  rows: MetricRow[];
  /** Over the whole term. */
  totals: { total: number; credited: Record<string, number> };
}

export interface BenefitTable {
  /** Parties, then the city when it coordinates. */
  beneficiaries: { code: string; name: string }[];
  years: number[];
  metrics: MetricTable[];
}

/** Rounds to `decimals`, moving the rounding difference to the largest amount so the sum stays exact. */
export function roundKeepingSum(values: Record<string, number>, decimals: number): Record<string, number> {
  const factor = 10 ** decimals;
  const round = (x: number) => Math.round(x * factor) / factor;
  const rounded = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)]));
  const keys = Object.keys(values);
  if (keys.length === 0) return rounded;
  const target = round(sum(Object.values(values)));
  const diff = round(target - sum(Object.values(rounded)));
  if (diff !== 0) {
    const largest = keys.reduce((a, b) => ((values[b] ?? 0) > (values[a] ?? 0) ? b : a));
    rounded[largest] = round((rounded[largest] ?? 0) + diff);
  }
  return rounded;
}

/** What each beneficiary is credited with, per year and metric, over the term. */
export function benefitTable(terms: Terms, parties: readonly { code: string; name: string }[]): BenefitTable {
  const codes = parties.map((p) => p.code);
  const coordinator = terms.coordinator;
  const beneficiaries = [...parties];
  if (coordinator?.beneficiary === sharingRules.cityBeneficiary) {
    beneficiaries.push({ code: sharingRules.cityBeneficiary, name: `${homeCity.name}（统筹）` });
  }
  const years = Array.from({ length: terms.term.years }, (_, i) => terms.term.startYear + i);
  const stockHolder = terms.stock?.holder ?? null;

  const tables = metrics.map((metric): MetricTable => {
    const info = metricInfo[metric];
    const full = metric !== 'tax' && terms.statistics === 'full';
    const rows = years.map((year, index): MetricRow => {
      const termYear = index + 1;
      const shares = sharesForYear(terms, codes, termYear);
      const projected = projectYear(terms.projection, termYear);
      // Without the stock rule there is no stock: everything the project produces is shared.
      const stock = stockHolder ? projected.stock[metric] : 0;
      const increment = projected.increment[metric];
      const credited: Record<string, number> = Object.fromEntries(beneficiaries.map((b) => [b.code, 0]));
      const token = metric === 'tax' && coordinator ? coordinator.share : 0;
      if (token > 0 && coordinator) {
        credited[coordinator.beneficiary] = (credited[coordinator.beneficiary] ?? 0) + token * increment;
      }
      for (const code of codes) {
        const part = full ? increment : (1 - token) * (shares[code] ?? 0) * increment;
        credited[code] = (credited[code] ?? 0) + part;
      }
      if (stockHolder) credited[stockHolder] = (credited[stockHolder] ?? 0) + stock;
      const factor = 10 ** info.decimals;
      const round = (x: number) => Math.round(x * factor) / factor;
      return {
        year,
        termYear,
        total: round(stock + increment),
        stock: round(stock),
        increment: round(increment),
        shares,
        credited: full
          ? Object.fromEntries(Object.entries(credited).map(([k, v]) => [k, round(v)]))
          : roundKeepingSum(credited, info.decimals),
      };
    });
    const totalCredited = Object.fromEntries(
      beneficiaries.map((b) => [b.code, sum(rows.map((r) => r.credited[b.code] ?? 0))]),
    );
    const factor = 10 ** info.decimals;
    const round = (x: number) => Math.round(x * factor) / factor;
    return {
      metric,
      label: info.label,
      unit: info.unit,
      zeroSum: !full,
      rows,
      totals: {
        total: round(sum(rows.map((r) => r.total))),
        credited: Object.fromEntries(Object.entries(totalCredited).map(([k, v]) => [k, round(v)])),
      },
    };
  });
  return { beneficiaries, years, metrics: tables };
}
