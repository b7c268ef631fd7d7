import type { ProposalBody } from '../../../../api/src/http/schemas/joint.schemas.ts';

type Terms = ProposalBody['terms'];
export type Names = Record<string, string>;

const percent = (share: number) => `${(share * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

function sharesText(shares: Record<string, number>, names: Names): string {
  return Object.entries(shares)
    .map(([code, share]) => `${names[code] ?? code} ${percent(share)}`)
    .join(' : ');
}

/** The split as a person says it: basis and shares. */
export function splitText(terms: Terms, names: Names, labels: SplitLabels): string {
  const { split } = terms;
  switch (split.basis) {
    case 'fixed':
      return `${labels.fixed} ${sharesText(split.shares, names)}`;
    case 'weighted':
      return `${labels.weighted(split.weightsOf)} ${Object.entries(split.weights)
        .map(([code, w]) => `${names[code] ?? code} ${w}`)
        .join(' : ')}`;
    case 'shapley':
      return `${labels.shapley} ${split.shares ? sharesText(split.shares, names) : ''}`.trim();
  }
}

export interface SplitLabels {
  fixed: string;
  weighted: (of: string) => string;
  shapley: string;
}

export interface TermLabels extends SplitLabels {
  taper: (years: number, shares: string) => string;
  stock: (holder: string) => string;
  coordinator: (who: string, share: string) => string;
  city: string;
  statisticsFull: string;
  statisticsSplit: string;
  term: (start: number, end: number) => string;
  projection: (investment: number, output: number, tax: number, jobs: number) => string;
}

/** One line per part of the terms, in the order a reader checks them. */
export function describeTerms(terms: Terms, names: Names, labels: TermLabels): string[] {
  const lines = [splitText(terms, names, labels)];
  if (terms.taper) lines.push(labels.taper(terms.taper.afterYears, sharesText(terms.taper.shares, names)));
  if (terms.stock) lines.push(labels.stock(names[terms.stock.holder] ?? terms.stock.holder));
  if (terms.coordinator) {
    const who =
      terms.coordinator.beneficiary === 'city'
        ? labels.city
        : (names[terms.coordinator.beneficiary] ?? terms.coordinator.beneficiary);
    lines.push(labels.coordinator(who, percent(terms.coordinator.share)));
  }
  lines.push(terms.statistics === 'full' ? labels.statisticsFull : labels.statisticsSplit);
  lines.push(labels.term(terms.term.startYear, terms.term.startYear + terms.term.years - 1));
  const p = terms.projection;
  lines.push(labels.projection(p.investment, p.annualOutput, p.annualTax, p.jobs));
  return lines;
}

/** The lines of `next` that differ from `previous`: what a counter changed. */
export function changedLines(previous: string[] | null, next: string[]): string[] {
  if (previous === null) return next;
  return next.filter((line) => !previous.includes(line));
}

/** Shares of the current split as whole percentages per party, for editing in a counter. */
export function sharesAsPercent(shares: Record<string, number>, codes: string[]): Record<string, number> {
  return Object.fromEntries(codes.map((code) => [code, Math.round((shares[code] ?? 0) * 10_000) / 100]));
}

/** Counter terms: the current terms with a new fixed split (and taper), computed values dropped. */
export function counterTerms(
  current: Terms,
  percents: Record<string, number>,
  taper: { afterYears: number; percents: Record<string, number> } | null,
): Terms {
  const toShares = (p: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(p).map(([code, value]) => [code, Math.round(value * 10_000) / 1_000_000]),
    );
  const { taper: _old, ...rest } = current;
  return {
    ...rest,
    split: { basis: 'fixed', shares: toShares(percents) },
    ...(taper ? { taper: { afterYears: taper.afterYears, shares: toShares(taper.percents) } } : {}),
  };
}
