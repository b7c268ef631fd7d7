import type { TargetBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';

export const componentKeys = ['gapFit', 'supplyTies', 'quality', 'momentum'] as const;
export type ComponentKey = (typeof componentKeys)[number] | 'veto';

export interface ScoreBar {
  key: ComponentKey;
  /** The component, 0–1. */
  value: number;
  /** Its weight in the profile, 0–1 of the weight sum (0 for the veto, which is not weighted). */
  weight: number;
  /** What it adds to the score: value × weight (for the veto, what it takes away). */
  contribution: number;
  /** Bar width in percent. */
  width: number;
}

/**
 * One bar per score component, with what it adds to the score under the profile's weights, so a reader sees
 * why a firm ranks where it does. The veto is shown as its own bar: when set, it zeroes the score.
 */
export function toScoreBars(
  target: Pick<TargetBody, 'components' | 'score'>,
  weights: Record<(typeof componentKeys)[number], number>,
): ScoreBar[] {
  const total = componentKeys.reduce((sum, key) => sum + weights[key], 0);
  const bars: ScoreBar[] = componentKeys.map((key) => {
    const value = target.components[key];
    const weight = total > 0 ? weights[key] / total : 0;
    return { key, value, weight, contribution: value * weight, width: Math.round(value * 1000) / 10 };
  });
  const veto = target.components.veto;
  bars.push({
    key: 'veto',
    value: veto,
    weight: 0,
    contribution: -veto,
    width: Math.round(veto * 1000) / 10,
  });
  return bars;
}

export function formatPercent(value: number, digits = 0): string {
  return `${(value * 100).toFixed(digits)}%`;
}
