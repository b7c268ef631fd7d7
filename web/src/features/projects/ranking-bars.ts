import type { Ranking } from '../../../../api/src/http/schemas/project.schemas.ts';

export type RankingItem = Ranking['items'][number];
export type RankingMetric = RankingItem['metrics'][number];

export interface ScoreBar {
  districtCode: string;
  districtName: string;
  /** Top of the bar's row. */
  y: number;
  /** Length of the bar; 0 for a district without a score. */
  width: number;
  score: number | null;
  rank: number | null;
  mark: 'red' | 'black' | null;
}

export interface BarLayout {
  /** Length of a full bar (score 1). */
  width: number;
  rowHeight: number;
}

/** Horizontal bars of the districts' scores, best first; districts without a score come last, empty. */
export function toScoreBars(items: readonly RankingItem[], layout: BarLayout): ScoreBar[] {
  return [...items]
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        a.districtCode.localeCompare(b.districtCode),
    )
    .map((item, index) => ({
      districtCode: item.districtCode,
      districtName: item.districtName,
      y: index * layout.rowHeight,
      width: item.score === null ? 0 : clamp01(item.score) * layout.width,
      score: item.score,
      rank: item.rank,
      mark: item.mark,
    }));
}

export interface RatioBar {
  /** Length of the filled part. */
  filled: number;
  /** Whether there was anything to measure (denominator > 0). */
  measured: boolean;
}

/** A metric as a bar of `width`: its value as a share of the whole. */
export function toRatioBar(metric: RankingMetric, width: number): RatioBar {
  if (metric.value === null || metric.denominator <= 0) return { filled: 0, measured: false };
  return { filled: clamp01(metric.value) * width, measured: true };
}

/** The API period of a year and a part of it: `2026` or `2026-Q3`. */
export function toPeriod(year: number, part: string | null): string {
  return part !== null && /^Q[1-4]$/.test(part) ? `${year}-${part}` : String(year);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
