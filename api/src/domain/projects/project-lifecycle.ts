import { ConflictError, ValidationError } from '../errors.ts';

/**
 * The life of a project: the yearly 六个一批 list it sits on (its batch) and where it stands (its stage), and
 * which moves between them are allowed. Pure: the repository reads the project, asks `decideMove`, and writes.
 */

export const projectBatches = ['reserve', 'attract', 'landing', 'grow', 'revive', 'policy'] as const;
export type ProjectBatch = (typeof projectBatches)[number];

export const batchLabels: Record<ProjectBatch, { zh: string; en: string }> = {
  reserve: { zh: '谋划储备一批', en: 'Planned and reserve' },
  attract: { zh: '招引洽谈一批', en: 'Being attracted and negotiated' },
  landing: { zh: '落地投运一批', en: 'Landing and entering operation' },
  grow: { zh: '培优育强一批', en: 'Operating firms being grown' },
  revive: { zh: '激活提升一批', en: 'Low-efficiency land and projects revived' },
  policy: { zh: '政策扶持一批', en: 'Receiving policy support' },
};

/** In life order; `suspended` and `terminated` stand apart from it. */
export const projectStages = [
  'planning',
  'negotiating',
  'signed',
  'started',
  'operating',
  'effective',
  'suspended',
  'terminated',
] as const;
export type ProjectStage = (typeof projectStages)[number];

export const stageLabels: Record<ProjectStage, { zh: string; en: string }> = {
  planning: { zh: '谋划', en: 'Planning' },
  negotiating: { zh: '洽谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Construction started' },
  operating: { zh: '投产', en: 'In operation' },
  effective: { zh: '达效', en: 'At full effect' },
  suspended: { zh: '停滞', en: 'Suspended' },
  terminated: { zh: '终止', en: 'Terminated' },
};

/** Stages with a milestone date (planned and actual): the day a project reached it. */
export const milestoneStages = ['signed', 'started', 'operating', 'effective'] as const;
export type MilestoneStage = (typeof milestoneStages)[number];

export const terminalStages: readonly ProjectStage[] = ['terminated'];

/** The stages of the ordinary life, in order; index = progress. */
const lifeOrder: readonly ProjectStage[] = [
  'planning',
  'negotiating',
  'signed',
  'started',
  'operating',
  'effective',
];

/** 0 for planning … 5 for effective; -1 for suspended and terminated. */
export function stageProgress(stage: ProjectStage): number {
  return lifeOrder.indexOf(stage);
}

/** True when a project at `stage` has reached `milestone` (it is at it or beyond it in the ordinary life). */
export function hasReached(stage: ProjectStage, milestone: MilestoneStage): boolean {
  const progress = stageProgress(stage);
  return progress >= 0 && progress >= stageProgress(milestone);
}

/**
 * Forward one step, or back one step before anything is signed (a negotiation may fall back to planning);
 * any live stage may be suspended or terminated; a suspended project resumes where it stopped, or ends.
 * `effective` is the successful end, `terminated` the unsuccessful one: neither moves on.
 */
const stageMoves: Record<Exclude<ProjectStage, 'suspended'>, readonly ProjectStage[]> = {
  planning: ['negotiating', 'suspended', 'terminated'],
  negotiating: ['signed', 'planning', 'suspended', 'terminated'],
  signed: ['started', 'suspended', 'terminated'],
  started: ['operating', 'suspended', 'terminated'],
  operating: ['effective', 'suspended', 'terminated'],
  effective: [],
  terminated: [],
};

/** The stages a project may move to from where it stands; `resumeStage` is where a suspended one stopped. */
export function allowedStages(stage: ProjectStage, resumeStage: ProjectStage | null): ProjectStage[] {
  if (stage === 'suspended') {
    const resumable = resumeStage !== null && stageProgress(resumeStage) >= 0 && resumeStage !== 'effective';
    return [...(resumable ? [resumeStage] : []), 'terminated'];
  }
  return [...stageMoves[stage]];
}

/**
 * Batches follow the life too: a reserve idea is taken up for attraction, an attracted project lands, a
 * landed one is grown or (when it stalls) revived, a revived one lands again or grows. Policy support can be
 * given to, and taken back from, any list; a project that did not land may go back to the reserve.
 */
const batchMoves: Record<ProjectBatch, readonly ProjectBatch[]> = {
  reserve: ['attract', 'policy'],
  attract: ['landing', 'reserve', 'policy'],
  landing: ['grow', 'revive', 'policy'],
  grow: ['revive', 'policy'],
  revive: ['landing', 'grow', 'policy'],
  policy: ['reserve', 'attract', 'landing', 'grow', 'revive'],
};

export function allowedBatches(batch: ProjectBatch): ProjectBatch[] {
  return [...batchMoves[batch]];
}

/** What the repository read of a project before moving it. */
export interface ProjectSnapshot {
  id: string;
  batch: ProjectBatch;
  stage: ProjectStage;
  /** Where a suspended project stopped; null otherwise. */
  resumeStage: ProjectStage | null;
  version: number;
}

export interface MoveRequest {
  batch?: ProjectBatch | undefined;
  stage?: ProjectStage | undefined;
  version: number;
}

export interface MoveDecision {
  batch: ProjectBatch;
  stage: ProjectStage;
  resumeStage: ProjectStage | null;
  /** Milestone reached by this move: its actual date is set to the move's date when not yet known. */
  reached: MilestoneStage | null;
  version: number;
}

/**
 * Decides a move of batch and/or stage. A stale version or a move the rules do not allow is a conflict; the
 * details list what is allowed from where the project stands, so a client can offer exactly those.
 */
export function decideMove(project: ProjectSnapshot, move: MoveRequest): MoveDecision {
  if (move.batch === undefined && move.stage === undefined) {
    throw new ValidationError('A move needs a batch, a stage or both', [
      { path: 'body', message: 'give batch and/or stage' },
    ]);
  }
  if (move.version !== project.version) {
    throw new ConflictError(
      `Project "${project.id}" is at version ${project.version}, the move was made against version ${move.version}: reload it and move again`,
      { projectId: project.id, expectedVersion: move.version, currentVersion: project.version },
    );
  }
  const allowed = {
    batches: allowedBatches(project.batch),
    stages: allowedStages(project.stage, project.resumeStage),
  };
  const batchOk = move.batch === undefined || allowed.batches.includes(move.batch);
  const stageOk = move.stage === undefined || allowed.stages.includes(move.stage);
  if (!batchOk || !stageOk) {
    const parts = [
      batchOk ? null : `batch ${project.batch} → ${move.batch}`,
      stageOk ? null : `stage ${project.stage} → ${move.stage}`,
    ].filter((p) => p !== null);
    throw new ConflictError(`Project "${project.id}" cannot move ${parts.join(' and ')}`, {
      projectId: project.id,
      batch: project.batch,
      stage: project.stage,
      allowed,
    });
  }
  const stage = move.stage ?? project.stage;
  const reached = milestoneStages.find((m) => m === move.stage) ?? null;
  return {
    batch: move.batch ?? project.batch,
    stage,
    resumeStage:
      stage === 'suspended' ? (project.stage === 'suspended' ? project.resumeStage : project.stage) : null,
    reached,
    version: project.version + 1,
  };
}

/** The batch a new project starts in by default, from its stage. */
export function defaultBatchOf(stage: ProjectStage): ProjectBatch {
  if (stage === 'planning') return 'reserve';
  if (stage === 'negotiating' || stage === 'signed') return 'attract';
  if (stage === 'started' || stage === 'operating') return 'landing';
  return 'grow';
}
