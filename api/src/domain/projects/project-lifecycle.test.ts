import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../errors.ts';
import {
  allowedBatches,
  allowedStages,
  decideMove,
  type ProjectSnapshot,
  projectBatches,
  projectStages,
  stageProgress,
} from './project-lifecycle.ts';

const project: ProjectSnapshot = {
  id: 'p1',
  batch: 'attract',
  stage: 'negotiating',
  resumeStage: null,
  version: 4,
};

describe('project life cycle', () => {
  it('moves forward one stage and records the milestone reached', () => {
    expect(decideMove(project, { stage: 'signed', version: 4 })).toEqual({
      batch: 'attract',
      stage: 'signed',
      resumeStage: null,
      reached: 'signed',
      version: 5,
    });
  });

  it('moves a batch and a stage together', () => {
    expect(
      decideMove({ ...project, stage: 'signed' }, { batch: 'landing', stage: 'started', version: 4 }),
    ).toMatchObject({
      batch: 'landing',
      stage: 'started',
      reached: 'started',
    });
  });

  it('refuses a skipped stage with the allowed moves in the details', () => {
    const move = () => decideMove(project, { stage: 'operating', version: 4 });
    expect(move).toThrow(ConflictError);
    try {
      move();
    } catch (error) {
      expect((error as ConflictError).details).toEqual({
        projectId: 'p1',
        batch: 'attract',
        stage: 'negotiating',
        allowed: {
          batches: ['landing', 'reserve', 'policy'],
          stages: ['signed', 'planning', 'suspended', 'terminated'],
        },
      });
    }
  });

  it('refuses a stale version before looking at the move', () => {
    expect(() => decideMove(project, { stage: 'operating', version: 3 })).toThrow(/version 4/);
  });

  it('needs something to move', () => {
    expect(() => decideMove(project, { version: 4 })).toThrow(ValidationError);
  });

  it('suspends a project and resumes it where it stopped, or ends it', () => {
    const suspended = decideMove({ ...project, stage: 'started' }, { stage: 'suspended', version: 4 });
    expect(suspended).toMatchObject({ stage: 'suspended', resumeStage: 'started', reached: null });
    expect(allowedStages('suspended', 'started')).toEqual(['started', 'terminated']);
    const resumed = decideMove(
      { ...project, stage: 'suspended', resumeStage: 'started', version: 5 },
      { stage: 'started', version: 5 },
    );
    expect(resumed).toMatchObject({ stage: 'started', resumeStage: null });
  });

  it('ends nowhere after effective or terminated', () => {
    expect(allowedStages('effective', null)).toEqual([]);
    expect(allowedStages('terminated', null)).toEqual([]);
  });

  it('never allows staying put, and every allowed stage move goes one step forward, back to planning, or aside', () => {
    fc.assert(
      fc.property(fc.constantFrom(...projectStages), fc.constantFrom(...projectStages), (from, resume) => {
        const resumeStage = from === 'suspended' ? resume : null;
        for (const to of allowedStages(from, resumeStage)) {
          expect(to).not.toBe(from);
          if (from === 'suspended') expect([resume, 'terminated']).toContain(to);
          if (from === 'suspended' && to !== 'terminated')
            expect(stageProgress(to)).toBeGreaterThanOrEqual(0);
          else if (to !== 'suspended' && to !== 'terminated')
            expect(Math.abs(stageProgress(to) - stageProgress(from))).toBe(1);
        }
      }),
    );
    for (const b of projectBatches) expect(allowedBatches(b)).not.toContain(b);
  });
});
