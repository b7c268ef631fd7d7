import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { explainMoveConflict } from './move-conflict.ts';

const conflict = (details: unknown, status = 409) =>
  new ApiError({ kind: 'http', status, code: 'CONFLICT', message: 'no', details, fromServer: true });

describe('explainMoveConflict', () => {
  it('reads the allowed moves from a rules conflict', () => {
    expect(
      explainMoveConflict(
        conflict({
          projectId: 'p',
          batch: 'attract',
          stage: 'signed',
          allowed: { batches: ['landing'], stages: ['started', 'suspended'] },
        }),
      ),
    ).toEqual({
      kind: 'rules',
      from: {
        batch: 'attract',
        stage: 'signed',
        allowed: { batches: ['landing'], stages: ['started', 'suspended'] },
      },
    });
  });

  it('tells a stale version apart, and ignores what is not a conflict', () => {
    expect(explainMoveConflict(conflict({ expectedVersion: 1, currentVersion: 2 }))).toEqual({
      kind: 'stale',
      currentVersion: 2,
    });
    expect(explainMoveConflict(conflict(undefined))).toEqual({ kind: 'other' });
    expect(explainMoveConflict(conflict({}, 403))).toBeNull();
    expect(explainMoveConflict(new Error('x'))).toBeNull();
  });
});
