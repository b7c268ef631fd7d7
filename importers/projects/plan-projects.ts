import { createHash } from 'node:crypto';
import {
  allowedBatches,
  allowedStages,
  type MilestoneStage,
  type ProjectBatch,
  type ProjectStage,
} from '../../api/src/domain/projects/project-lifecycle.ts';
import type { Rejection, RowOutcome } from '../enterprises/plan-batch.ts';
import type { ProjectRow } from './project-row.ts';

/** A project's facts as an import compares and writes them. */
export interface ProjectFactsState {
  name: string;
  year: number;
  /** Lead first. */
  districts: string[];
  enterpriseId: string | null;
  enterpriseName: string | null;
  linkId: string | null;
  team: string | null;
  teamLead: string | null;
  planned: Partial<Record<MilestoneStage, string>>;
  actual: Partial<Record<MilestoneStage, string>>;
  investmentPlannedYi: number | null;
  investmentInPlaceYi: number | null;
  landParcelId: string | null;
  landAreaHa: number | null;
  jobsPlanned: number | null;
}

export interface ProjectState {
  id: string;
  batch: ProjectBatch;
  stage: ProjectStage;
  resumeStage: ProjectStage | null;
  version: number;
  facts: ProjectFactsState;
}

export interface ProjectWrite {
  id: string;
  created: boolean;
  batch: ProjectBatch;
  stage: ProjectStage;
  resumeStage: ProjectStage | null;
  version: number;
  facts: ProjectFactsState;
  /** The batch/stage change this row makes to an existing project, recorded on its timeline. */
  move: { fromBatch: ProjectBatch; fromStage: ProjectStage } | null;
}

/** A project without an id in the file is known by its year, name and lead district. */
export function projectIdOf(year: number, name: string, leadDistrict: string): string {
  const digest = createHash('sha256').update(`${year}\u0000${name}\u0000${leadDistrict}`).digest('hex');
  return `prj-${year}-${digest.slice(0, 10)}`;
}

/** JSON with keys sorted at every level: equal facts give equal text whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameFacts = (a: ProjectFactsState, b: ProjectFactsState) => canonical(a) === canonical(b);

/**
 * What each row does: creates a project, updates the facts it names (facts it leaves empty stay as they
 * were), or leaves it unchanged. A row may move an existing project only as the life-cycle rules allow; a move
 * they do not allow rejects the row, saying which moves are allowed.
 */
export function planProjects(
  rows: readonly { line: number; row: ProjectRow }[],
  existing: readonly ProjectState[],
  ctx: {
    /** The list year when a row gives none. */
    year: number;
    /** Enterprise name, full name, stock code or id → id, for firms in the graph. */
    enterprises: ReadonlyMap<string, string>;
  },
): {
  results: { line: number; outcome: RowOutcome }[];
  rejected: Rejection[];
  writes: ProjectWrite[];
  after: ProjectState[];
} {
  const states = new Map(existing.map((p) => [p.id, p]));
  const changed = new Map<string, ProjectWrite>();
  const results: { line: number; outcome: RowOutcome }[] = [];
  const rejected: Rejection[] = [];
  for (const { line, row } of rows) {
    const year = row.year ?? ctx.year;
    const lead = row.districts[0] ?? '';
    const id = row.id ?? projectIdOf(year, row.name, lead);
    const before = states.get(id);
    const enterpriseId =
      row.enterprise === undefined ? undefined : (ctx.enterprises.get(row.enterprise) ?? null);
    const base = before?.facts;
    const facts: ProjectFactsState = {
      name: row.name,
      year,
      districts: row.districts,
      enterpriseId: enterpriseId === undefined ? (base?.enterpriseId ?? null) : enterpriseId,
      enterpriseName: row.enterprise ?? base?.enterpriseName ?? null,
      linkId: row.link ?? base?.linkId ?? null,
      team: row.team ?? base?.team ?? null,
      teamLead: row.teamLead ?? base?.teamLead ?? null,
      planned: { ...base?.planned, ...row.planned },
      actual: { ...base?.actual, ...row.actual },
      investmentPlannedYi: row.investmentPlannedYi ?? base?.investmentPlannedYi ?? null,
      investmentInPlaceYi: row.investmentInPlaceYi ?? base?.investmentInPlaceYi ?? null,
      landParcelId: row.landParcelId ?? base?.landParcelId ?? null,
      landAreaHa: row.landAreaHa ?? base?.landAreaHa ?? null,
      jobsPlanned: row.jobsPlanned ?? base?.jobsPlanned ?? null,
    };
    if (before === undefined) {
      const write: ProjectWrite = {
        id,
        created: true,
        batch: row.batch,
        stage: row.stage,
        resumeStage: null,
        version: 1,
        facts,
        move: null,
      };
      states.set(id, write);
      changed.set(id, write);
      results.push({ line, outcome: 'created' });
      continue;
    }
    const batchMoves = row.batch !== before.batch;
    const stageMoves = row.stage !== before.stage;
    const batchOk = !batchMoves || allowedBatches(before.batch).includes(row.batch);
    const stageOk = !stageMoves || allowedStages(before.stage, before.resumeStage).includes(row.stage);
    if (!batchOk) {
      rejected.push({
        line,
        field: 'batch',
        reason: `project ${id} cannot move from ${before.batch} to ${row.batch}; allowed: ${allowedBatches(before.batch).join(', ') || 'none'}`,
      });
    }
    if (!stageOk) {
      rejected.push({
        line,
        field: 'stage',
        reason: `project ${id} cannot move from ${before.stage} to ${row.stage}; allowed: ${allowedStages(before.stage, before.resumeStage).join(', ') || 'none'}`,
      });
    }
    if (!batchOk || !stageOk) continue;
    if (!batchMoves && !stageMoves && sameFacts(before.facts, facts)) {
      results.push({ line, outcome: 'unchanged' });
      continue;
    }
    const write: ProjectWrite = {
      id,
      created: changed.get(id)?.created ?? false,
      batch: row.batch,
      stage: row.stage,
      resumeStage:
        row.stage === 'suspended' ? (before.stage === 'suspended' ? before.resumeStage : before.stage) : null,
      version: before.version + 1,
      facts,
      move: batchMoves || stageMoves ? { fromBatch: before.batch, fromStage: before.stage } : null,
    };
    states.set(id, write);
    changed.set(id, write);
    results.push({ line, outcome: 'updated' });
  }
  const writes = [...changed.values()];
  return { results, rejected, writes, after: writes };
}
