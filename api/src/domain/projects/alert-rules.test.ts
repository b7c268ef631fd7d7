import { describe, expect, it } from 'vitest';
import {
  type AlertRule,
  daysBetween,
  defaultAlertRules,
  evaluateAlerts,
  evaluateRule,
  type ProjectFacts,
  parseAlertRule,
} from './alert-rules.ts';

const today = '2026-06-30';
const rule = (id: string): AlertRule => {
  const found = defaultAlertRules.find((r) => r.id === id);
  if (!found) throw new Error(`no default rule ${id}`);
  return found;
};
const base: ProjectFacts = {
  id: 'p1',
  name: '示例项目',
  stage: 'started',
  lastUpdate: '2026-06-01',
  planned: { signed: '2025-10-01', started: '2026-01-01', operating: '2027-06-30' },
  actual: { signed: '2025-09-20', started: '2025-12-15' },
  investmentPlannedYi: 20,
  investmentInPlaceYi: 8,
  land: null,
};

describe('alert rules', () => {
  it('counts days between calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('flags a project with no update for 60 days, critical after 120', () => {
    expect(evaluateRule(rule('stale'), base, today)).toBeNull();
    expect(evaluateRule(rule('stale'), { ...base, lastUpdate: '2026-04-01' }, today)).toMatchObject({
      key: 'stale:p1',
      severity: 'warning',
      facts: { idleDays: 90 },
    });
    expect(evaluateRule(rule('stale'), { ...base, lastUpdate: '2026-01-01' }, today)?.severity).toBe(
      'critical',
    );
  });

  it('flags the earliest milestone passed and not reached', () => {
    const late = { ...base, stage: 'signed' as const, actual: { signed: '2025-09-20' } };
    expect(evaluateRule(rule('milestone-overdue'), late, today)).toMatchObject({
      severity: 'critical',
      facts: { milestone: 'started', planned: '2026-01-01', overdueDays: 180 },
    });
    expect(evaluateRule(rule('milestone-overdue'), base, today)).toBeNull();
    expect(evaluateRule(rule('milestone-overdue'), late, '2026-01-01')).toBeNull();
    expect(evaluateRule(rule('milestone-overdue'), late, '2026-01-02')?.severity).toBe('warning');
  });

  it('flags investment in place below 30 % of plan after half a year of construction', () => {
    expect(evaluateRule(rule('investment-behind'), base, today)).toBeNull();
    const behind = { ...base, investmentInPlaceYi: 3 };
    expect(evaluateRule(rule('investment-behind'), behind, today)).toMatchObject({
      severity: 'warning',
      facts: { ratio: 0.15, since: '2025-12-15' },
    });
    expect(evaluateRule(rule('investment-behind'), behind, '2026-05-01')).toBeNull();
    expect(
      evaluateRule(rule('investment-behind'), { ...base, investmentInPlaceYi: 1 }, today)?.severity,
    ).toBe('critical');
    expect(evaluateRule(rule('investment-behind'), { ...behind, stage: 'signed' }, today)).toBeNull();
  });

  it('flags land supplied and not built on', () => {
    const waiting: ProjectFacts = {
      ...base,
      stage: 'signed',
      land: { parcelId: 'lp-1', status: 'supplied_unused', suppliedOn: '2025-11-01' },
    };
    expect(evaluateRule(rule('land-unused'), waiting, today)).toMatchObject({ facts: { idleDays: 241 } });
    expect(evaluateRule(rule('land-unused'), waiting, '2026-03-01')).toBeNull();
    expect(evaluateRule(rule('land-unused'), { ...waiting, stage: 'started' }, today)).toBeNull();
    expect(
      evaluateRule(
        rule('land-unused'),
        { ...waiting, land: { parcelId: 'lp-1', status: 'in_use', suppliedOn: null } },
        today,
      ),
    ).toBeNull();
  });

  it('ignores disabled rules and finished projects', () => {
    const stale = { ...base, lastUpdate: '2025-01-01' };
    expect(evaluateRule({ ...rule('stale'), enabled: false }, stale, today)).toBeNull();
    expect(evaluateRule(rule('stale'), { ...stale, stage: 'terminated' }, today)).toBeNull();
    expect(evaluateAlerts(defaultAlertRules, [stale], today).map((f) => f.key)).toEqual(['stale:p1']);
  });

  it('checks rule parameters by kind', () => {
    expect(parseAlertRule({ ...rule('stale'), params: { days: 0 } }).success).toBe(false);
    expect(parseAlertRule({ ...rule('stale'), params: { minRatio: 0.5 } }).success).toBe(false);
    expect(parseAlertRule(rule('investment-behind')).success).toBe(true);
  });
});
