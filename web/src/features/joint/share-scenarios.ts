import type { ShareComparisonBody } from '../../../../api/src/http/schemas/joint.schemas.ts';

/**
 * The share calculator's pure side: the rules compared (as API terms) from one set of inputs, and the API's
 * answer turned into chart rows and tables.
 */

export const ruleKeys = ['shapley', 'fixed', 'weighted', 'stock', 'taper'] as const;
export type RuleKey = (typeof ruleKeys)[number];

export const metricKeys = ['tax', 'output', 'investment', 'jobs'] as const;
export type MetricKey = (typeof metricKeys)[number];

export interface Party {
  code: string;
  name: string;
  role: 'host' | 'partner';
}

export interface CalculatorInputs {
  /** 万元 */
  investment: number;
  buildYears: number;
  annualOutput: number;
  annualTax: number;
  jobs: number;
  rampYears: number;
  startYear: number;
  years: number;
  /** Percent per party for the fixed split (and the first phase of the taper). */
  fixedPercent: Record<string, number>;
  /** What each party puts in (e.g. investment, 万元) for the weighted split. */
  weights: Record<string, number>;
  /** The taper: after this many years the split moves to `taperPercent`. */
  taperAfter: number;
  taperPercent: Record<string, number>;
  /** The stock the target already has in the host district, per year. */
  existingOutput: number;
  existingTax: number;
  existingJobs: number;
  /** The city's token of new retained tax, percent (0–10). */
  cityTokenPercent: number;
}

function evenPercents(parties: readonly Party[]): Record<string, number> {
  const base = Math.floor(100 / Math.max(1, parties.length));
  return Object.fromEntries(
    parties.map((p, i) => [p.code, i === 0 ? 100 - base * (parties.length - 1) : base]),
  );
}

/** Sensible starting values: the worked example of docs/joint-attraction.md, split evenly. */
export function defaultInputs(parties: readonly Party[], startYear: number): CalculatorInputs {
  const host = parties.find((p) => p.role === 'host') ?? parties[0];
  return {
    investment: 200_000,
    buildYears: 2,
    annualOutput: 500_000,
    annualTax: 20_000,
    jobs: 1_200,
    rampYears: 2,
    startYear,
    years: 8,
    fixedPercent: evenPercents(parties),
    weights: Object.fromEntries(parties.map((p) => [p.code, p.code === host?.code ? 51 : 49])),
    taperAfter: 5,
    taperPercent: Object.fromEntries(
      parties.map((p) => [
        p.code,
        p.code === host?.code ? 70 : Math.round(30 / Math.max(1, parties.length - 1)),
      ]),
    ),
    existingOutput: 80_000,
    existingTax: 3_000,
    existingJobs: 300,
    cityTokenPercent: 0,
  };
}

/** Percentages → shares that sum to exactly 1 when the percentages sum to 100. */
function toShares(percent: Record<string, number>, parties: readonly Party[]): Record<string, number> {
  return Object.fromEntries(parties.map((p) => [p.code, Math.round((percent[p.code] ?? 0) * 1e4) / 1e6]));
}

/** The five rules side by side, each as the terms the API takes. */
export function buildScenarios(inputs: CalculatorInputs, parties: readonly Party[]) {
  const host = parties.find((p) => p.role === 'host') ?? parties[0];
  const projection = {
    investment: inputs.investment,
    buildYears: inputs.buildYears,
    annualOutput: inputs.annualOutput,
    annualTax: inputs.annualTax,
    jobs: inputs.jobs,
    rampYears: inputs.rampYears,
  };
  const common = {
    statistics: 'split' as const,
    term: { startYear: inputs.startYear, years: inputs.years },
    projection,
    ...(inputs.cityTokenPercent > 0
      ? { coordinator: { beneficiary: 'city', share: inputs.cityTokenPercent / 100 } }
      : {}),
  };
  const fixed = { basis: 'fixed' as const, shares: toShares(inputs.fixedPercent, parties) };
  return [
    { key: 'shapley', terms: { ...common, split: { basis: 'shapley' as const } } },
    { key: 'fixed', terms: { ...common, split: fixed } },
    {
      key: 'weighted',
      terms: {
        ...common,
        split: { basis: 'weighted' as const, weights: { ...inputs.weights }, weightsOf: 'investment' },
      },
    },
    {
      key: 'stock',
      terms: {
        ...common,
        split: fixed,
        stock: { holder: host?.code ?? '' },
        projection: {
          ...projection,
          existing: {
            annualOutput: inputs.existingOutput,
            annualTax: inputs.existingTax,
            jobs: inputs.existingJobs,
          },
        },
      },
    },
    {
      key: 'taper',
      terms: {
        ...common,
        split: fixed,
        taper: { afterYears: inputs.taperAfter, shares: toShares(inputs.taperPercent, parties) },
      },
    },
  ] satisfies { key: RuleKey; terms: unknown }[];
}

export interface ChartSegment {
  code: string;
  name: string;
  value: number;
  /** Of the scenario's credited total, 0–1. */
  fraction: number;
}

export interface ChartRow {
  key: string;
  /** Credited in all, over the term (more than the project total when statistics count in full). */
  total: number;
  segments: ChartSegment[];
  /** Why this rule could not be computed; empty when it could. */
  problems: string[];
}

/** Term totals of one metric, per scenario and beneficiary: the rows of the comparison chart. */
export function toChartRows(comparison: ShareComparisonBody, metric: MetricKey): ChartRow[] {
  return comparison.scenarios.map((scenario) => {
    const table = scenario.table;
    const found = table?.metrics.find((m) => m.metric === metric);
    if (!table || !found) {
      return { key: scenario.key, total: 0, segments: [], problems: scenario.issues.map((i) => i.message) };
    }
    const values = table.beneficiaries.map((b) => ({
      code: b.code,
      name: b.name,
      value: found.totals.credited[b.code] ?? 0,
    }));
    const total = values.reduce((sum, v) => sum + v.value, 0);
    return {
      key: scenario.key,
      total,
      segments: values.map((v) => ({ ...v, fraction: total > 0 ? v.value / total : 0 })),
      problems: [],
    };
  });
}

export interface YearRow {
  year: number;
  /** Per metric, what this beneficiary is credited with that year. */
  values: Record<MetricKey, number>;
}

/** One beneficiary's year-by-year credits under one scenario, every metric side by side. */
export function toYearRows(
  table: NonNullable<ShareComparisonBody['scenarios'][number]['table']>,
  code: string,
): YearRow[] {
  const credited = (metric: MetricKey, index: number) =>
    table.metrics.find((m) => m.metric === metric)?.rows[index]?.credited[code] ?? 0;
  return table.years.map((year, index) => ({
    year,
    values: {
      tax: credited('tax', index),
      output: credited('output', index),
      investment: credited('investment', index),
      jobs: credited('jobs', index),
    },
  }));
}
