import { describe, expect, it } from 'vitest';
import { checkWeightDraft, type WeightDraft } from './weights-form.ts';

const draft = (patch: Partial<WeightDraft> = {}): WeightDraft => ({
  name: 'supply-first',
  description: '',
  weights: { gapFit: '0.4', supplyTies: '0.3', quality: '0.2', momentum: '0.1' },
  version: 3,
  ...patch,
});

describe('checkWeightDraft', () => {
  it('turns a valid form into the request body', () => {
    expect(checkWeightDraft(draft({ description: ' 供应优先 ' }))).toEqual({
      ok: true,
      name: 'supply-first',
      body: {
        weights: { gapFit: 0.4, supplyTies: 0.3, quality: 0.2, momentum: 0.1 },
        description: '供应优先',
        version: 3,
      },
    });
  });

  it('names each out-of-range or missing weight', () => {
    const result = checkWeightDraft(
      draft({ weights: { gapFit: '1.5', supplyTies: '', quality: '-1', momentum: '0' } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual([
      'weights.gapFit',
      'weights.quality',
      'weights.supplyTies',
    ]);
    expect(result.problems['weights.gapFit']).toMatch(/at most 1/);
  });

  it('refuses all weights at zero and a name that is not a slug', () => {
    const result = checkWeightDraft(
      draft({ name: 'Supply First', weights: { gapFit: '0', supplyTies: '0', quality: '0', momentum: '0' } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.name).toMatch(/slug/);
    expect(result.problems.weights).toMatch(/above 0/);
  });
});
