import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';
import type { ProjectBoard } from './api/get-project-board.ts';
import { buildBoardColumns, moveForDrop } from './board-columns.ts';

const label = (zh: string) => ({ zh, en: zh });

const board: ProjectBoard = {
  year: 2026,
  batches: [
    { id: 'attract', label: label('招引洽谈一批') },
    { id: 'landing', label: label('落地投运一批') },
  ],
  stages: [
    { id: 'negotiating', label: label('洽谈') },
    { id: 'signed', label: label('签约') },
    { id: 'started', label: label('开工') },
  ],
  cells: [
    { batch: 'attract', stage: 'negotiating', count: 3, investmentPlannedYi: 10.5 },
    { batch: 'attract', stage: 'signed', count: 2, investmentPlannedYi: 4.25 },
    { batch: 'landing', stage: 'started', count: 1, investmentPlannedYi: 8 },
  ],
};

function project(id: string, batch: 'attract' | 'landing', stage: 'negotiating' | 'signed' | 'started') {
  return {
    id,
    batch,
    stage,
    allowed: {
      batches: batch === 'attract' ? ['landing', 'reserve', 'policy'] : ['grow', 'revive', 'policy'],
      stages: stage === 'signed' ? ['started', 'suspended', 'terminated'] : ['signed', 'planning'],
    },
  } as const satisfies Partial<ProjectSummary>;
}

const projects = [
  project('p1', 'attract', 'negotiating'),
  project('p2', 'attract', 'signed'),
  project('p3', 'landing', 'started'),
] as unknown as ProjectSummary[];

describe('buildBoardColumns', () => {
  it('makes one column per batch with the totals of its cells and its cards', () => {
    const columns = buildBoardColumns(board, projects, { batch: null, stage: null });
    expect(columns.map((c) => [c.id, c.count, c.investmentPlannedYi, c.projects.map((p) => p.id)])).toEqual([
      ['batch-attract', 5, 14.75, ['p1', 'p2']],
      ['batch-landing', 1, 8, ['p3']],
    ]);
  });

  it('makes one column per stage within the batch the board is narrowed to', () => {
    const columns = buildBoardColumns(board, projects, { batch: 'attract', stage: null });
    expect(columns.map((c) => [c.id, c.batch, c.stage, c.count, c.projects.map((p) => p.id)])).toEqual([
      ['stage-negotiating', 'attract', 'negotiating', 3, ['p1']],
      ['stage-signed', 'attract', 'signed', 2, ['p2']],
      ['stage-started', 'attract', 'started', 0, []],
    ]);
  });

  it('counts only the stage asked for when the board is narrowed to a stage', () => {
    const columns = buildBoardColumns(board, projects, { batch: null, stage: 'signed' });
    expect(columns.map((c) => [c.id, c.count])).toEqual([
      ['batch-attract', 2],
      ['batch-landing', 0],
    ]);
  });
});

describe('moveForDrop', () => {
  const [byBatch, byStage] = [
    buildBoardColumns(board, projects, { batch: null, stage: null }),
    buildBoardColumns(board, projects, { batch: 'attract', stage: null }),
  ];
  const p2 = projects[1] as ProjectSummary;

  it('asks for a batch move on a batch column and says whether the rules allow it', () => {
    expect(moveForDrop(p2, byBatch[1] as never)).toEqual({ batch: 'landing', allowed: true });
    expect(moveForDrop(p2, byBatch[0] as never)).toBeNull();
    const landed = projects[2] as ProjectSummary;
    expect(moveForDrop(landed, byBatch[0] as never)).toEqual({ batch: 'attract', allowed: false });
  });

  it('asks for a stage move on a stage column', () => {
    expect(moveForDrop(p2, byStage[2] as never)).toEqual({ stage: 'started', allowed: true });
    expect(moveForDrop(p2, byStage[0] as never)).toEqual({ stage: 'negotiating', allowed: false });
    expect(moveForDrop(p2, byStage[1] as never)).toBeNull();
  });
});
