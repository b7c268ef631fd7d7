/**
 * A sequential colour scale for local enterprise counts. Level 0 means no local firm (a missing link);
 * levels 1–4 grow roughly geometrically up to the chain's largest count, because counts are skewed:
 * a few links hold most firms. Bounds are rounded to 1-2-3-5 steps so the legend reads naturally.
 */

export interface CountLevel {
  /** 0 = none; 1 (few) … 4 (most). */
  level: number;
  min: number;
  /** Null for the open-ended top level. */
  max: number | null;
}

export interface CountScale {
  levels: CountLevel[];
}

const niceSteps = [1, 2, 3, 5];

function niceNumbers(upTo: number): number[] {
  const numbers: number[] = [];
  for (let magnitude = 1; magnitude <= upTo * 10; magnitude *= 10) {
    for (const step of niceSteps) numbers.push(step * magnitude);
  }
  return numbers;
}

function nearestNice(value: number, nice: number[]): number {
  let best = 1;
  for (const candidate of nice) {
    if (Math.abs(Math.log(candidate / value)) < Math.abs(Math.log(best / value))) best = candidate;
  }
  return best;
}

export function buildCountScale(counts: readonly number[]): CountScale {
  const max = Math.max(0, ...counts);
  const levels: CountLevel[] = [{ level: 0, min: 0, max: 0 }];
  if (max === 0) return { levels };

  let lowerBounds: number[];
  if (max <= 4) {
    lowerBounds = Array.from({ length: max }, (_, i) => i + 1);
  } else {
    const nice = niceNumbers(max);
    lowerBounds = [1];
    for (const fraction of [0.25, 0.5, 0.75]) {
      const previous = lowerBounds[lowerBounds.length - 1] ?? 1;
      let bound = nearestNice(max ** fraction, nice);
      if (bound <= previous) bound = nice.find((n) => n > previous) ?? previous + 1;
      if (bound <= max) lowerBounds.push(bound);
    }
  }

  lowerBounds.forEach((min, index) => {
    const next = lowerBounds[index + 1];
    levels.push({ level: index + 1, min, max: next === undefined ? null : next - 1 });
  });
  return { levels };
}

export function levelOf(scale: CountScale, count: number): number {
  let level = 0;
  for (const candidate of scale.levels) if (count >= candidate.min) level = candidate.level;
  return level;
}
