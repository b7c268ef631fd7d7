import { describe, expect, it } from 'vitest';
import type { AlertFinding } from './alert-rules.ts';
import { decideAlertAction, planAlertSync } from './alert-sync.ts';

const finding = (key: string): AlertFinding => ({
  ruleId: key.split(':')[0] ?? '',
  projectId: key.split(':')[1] ?? '',
  key,
  severity: 'warning',
  message: 'm',
  facts: {},
});

describe('alert sync', () => {
  it('raises new findings, keeps handling, reopens returning ones and clears the gone', () => {
    const plan = planAlertSync(
      [
        { id: 'stale:a', status: 'acknowledged', active: true },
        { id: 'stale:b', status: 'cleared', active: false },
        { id: 'stale:c', status: 'open', active: true },
        { id: 'stale:d', status: 'resolved', active: true },
        { id: 'stale:e', status: 'resolved', active: false },
        { id: 'stale:f', status: 'resolved', active: true },
      ],
      ['stale:a', 'stale:b', 'stale:new', 'stale:e', 'stale:f'].map(finding),
    );
    expect(plan.upserts.map((u) => [u.finding.key, u.status, u.transition])).toEqual([
      ['stale:a', 'acknowledged', null],
      ['stale:b', 'open', 'reopened'],
      ['stale:new', 'open', 'raised'],
      ['stale:e', 'open', 'reopened'],
      ['stale:f', 'resolved', null],
    ]);
    expect(plan.clears).toEqual([
      { id: 'stale:c', status: 'cleared', transition: 'cleared' },
      { id: 'stale:d', status: 'resolved', transition: null },
    ]);
  });

  it('lets people act on open and acknowledged alerts only', () => {
    expect(decideAlertAction({ id: 'x', status: 'open' }, 'assign')).toBe('acknowledged');
    expect(decideAlertAction({ id: 'x', status: 'acknowledged' }, 'resolve')).toBe('resolved');
    expect(() => decideAlertAction({ id: 'x', status: 'resolved' }, 'acknowledge')).toThrow(/resolved/);
  });
});
