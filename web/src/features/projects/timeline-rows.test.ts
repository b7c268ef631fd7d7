import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from '../../../../api/src/http/schemas/project.schemas.ts';
import { toMilestoneRows, toTimelineRows } from './timeline-rows.ts';

const event = (overrides: Partial<ProjectEvent>): ProjectEvent => ({
  id: 'prj-x:1',
  at: '2026-03-01T08:00:00.000Z',
  date: '2026-03-01',
  actor: 'system',
  kind: 'create',
  fromBatch: null,
  toBatch: 'attract',
  fromStage: null,
  toStage: 'negotiating',
  reason: null,
  version: 1,
  ...overrides,
});

describe('toTimelineRows', () => {
  it('lists moves newest first, saying only what changed and when it was recorded late', () => {
    const rows = toTimelineRows([
      event({}),
      event({
        id: 'prj-x:2',
        at: '2026-05-03T09:00:00.000Z',
        date: '2026-05-01',
        actor: 'test-admin',
        kind: 'move',
        fromBatch: 'attract',
        toBatch: 'attract',
        fromStage: 'negotiating',
        toStage: 'signed',
        reason: '合同已签',
        version: 2,
      }),
      event({
        id: 'prj-x:3',
        at: '2026-06-01T09:00:00.000Z',
        date: '2026-06-01',
        kind: 'move',
        fromBatch: 'attract',
        toBatch: 'landing',
        fromStage: 'signed',
        toStage: 'started',
        reason: '开工',
        version: 3,
      }),
    ]);
    expect(rows.map((r) => [r.id, r.date, r.recordedOn, r.batch, r.stage, r.reason])).toEqual([
      [
        'prj-x:3',
        '2026-06-01',
        null,
        { from: 'attract', to: 'landing' },
        { from: 'signed', to: 'started' },
        '开工',
      ],
      ['prj-x:2', '2026-05-01', '2026-05-03', null, { from: 'negotiating', to: 'signed' }, '合同已签'],
      ['prj-x:1', '2026-03-01', null, { from: null, to: 'attract' }, { from: null, to: 'negotiating' }, null],
    ]);
  });
});

describe('toMilestoneRows', () => {
  it('judges each milestone against its plan and today', () => {
    const rows = toMilestoneRows(
      [
        { stage: 'signed', planned: '2026-01-10', actual: '2026-01-05' },
        { stage: 'started', planned: '2026-03-01', actual: '2026-03-11' },
        { stage: 'operating', planned: '2026-11-01', actual: null },
        { stage: 'effective', planned: '2027-06-01', actual: null },
      ],
      '2026-11-29',
    );
    expect(rows.map((r) => [r.stage, r.state, r.daysLate])).toEqual([
      ['signed', 'on-time', 0],
      ['started', 'late', 10],
      ['operating', 'overdue', 28],
      ['effective', 'due', 0],
    ]);
    expect(toMilestoneRows([{ stage: 'signed', planned: null, actual: null }], '2026-01-01')[0]?.state).toBe(
      'unplanned',
    );
  });
});
