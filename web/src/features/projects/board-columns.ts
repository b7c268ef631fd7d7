import type { ProjectBatch, ProjectStage } from '../../../../api/src/domain/projects/project-lifecycle.ts';
import type { ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';
import type { ProjectBoard } from './api/get-project-board.ts';

export interface Label {
  zh: string;
  en: string;
}

/**
 * A column of the board: a whole batch (六个一批), or one stage within the batch the board is narrowed to.
 * `count` and `investmentPlannedYi` come from the board's cells, so they stay right when the cards are one
 * page of a longer list.
 */
export interface BoardColumn {
  id: string;
  kind: 'batch' | 'stage';
  batch: ProjectBatch;
  stage: ProjectStage | null;
  label: Label;
  count: number;
  investmentPlannedYi: number;
  projects: ProjectSummary[];
}

/** One column per batch, or, when the board is narrowed to a batch, one per stage within it. */
export function buildBoardColumns(
  board: ProjectBoard,
  projects: readonly ProjectSummary[],
  narrowTo: { batch: ProjectBatch | null; stage: ProjectStage | null },
): BoardColumn[] {
  const cellsFor = (batch: ProjectBatch, stage: ProjectStage | null) =>
    board.cells.filter(
      (cell) =>
        cell.batch === batch &&
        (stage === null || cell.stage === stage) &&
        (narrowTo.stage === null || cell.stage === narrowTo.stage),
    );
  const sum = (cells: ProjectBoard['cells']) => ({
    count: cells.reduce((n, cell) => n + cell.count, 0),
    investmentPlannedYi: round(cells.reduce((n, cell) => n + cell.investmentPlannedYi, 0)),
  });

  const { batch } = narrowTo;
  if (batch === null) {
    return board.batches.map(({ id, label }) => ({
      id: `batch-${id}`,
      kind: 'batch',
      batch: id,
      stage: null,
      label,
      ...sum(cellsFor(id, null)),
      projects: projects.filter((p) => p.batch === id),
    }));
  }
  return board.stages
    .filter(({ id }) => narrowTo.stage === null || id === narrowTo.stage)
    .map(({ id, label }) => ({
      id: `stage-${id}`,
      kind: 'stage',
      batch,
      stage: id,
      label,
      ...sum(cellsFor(batch, id)),
      projects: projects.filter((p) => p.batch === batch && p.stage === id),
    }));
}

export interface ProposedMove {
  batch?: ProjectBatch;
  stage?: ProjectStage;
  /** Whether the rules allow it from where the project stands (the server decides in the end). */
  allowed: boolean;
}

/** The move a card dropped on a column asks for; null when it is dropped where it already is. */
export function moveForDrop(project: ProjectSummary, column: BoardColumn): ProposedMove | null {
  if (column.kind === 'batch') {
    if (column.batch === project.batch) return null;
    return { batch: column.batch, allowed: project.allowed.batches.includes(column.batch) };
  }
  if (column.stage === null || column.stage === project.stage) return null;
  const stage = column.stage;
  if (column.batch !== project.batch) {
    return {
      batch: column.batch,
      stage,
      allowed: project.allowed.batches.includes(column.batch) && project.allowed.stages.includes(stage),
    };
  }
  return { stage, allowed: project.allowed.stages.includes(stage) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
