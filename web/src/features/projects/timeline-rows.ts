import type {
  MilestoneStage,
  ProjectBatch,
  ProjectStage,
} from '../../../../api/src/domain/projects/project-lifecycle.ts';
import type { ProjectEvent, ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';

export interface Change<T> {
  from: T | null;
  to: T;
}

export interface TimelineRow {
  id: string;
  /** The day it happened. */
  date: string;
  /** When it was recorded, when that is another day than `date`. */
  recordedOn: string | null;
  actor: string;
  kind: ProjectEvent['kind'];
  /** Null when the batch stayed the same. */
  batch: Change<ProjectBatch> | null;
  /** Null when the stage stayed the same. */
  stage: Change<ProjectStage> | null;
  reason: string | null;
}

/** The moves of a project, newest first, each saying only what changed. */
export function toTimelineRows(events: readonly ProjectEvent[]): TimelineRow[] {
  return [...events]
    .sort((a, b) => b.version - a.version || b.at.localeCompare(a.at))
    .map((event) => {
      const recorded = event.at.slice(0, 10);
      return {
        id: event.id,
        date: event.date,
        recordedOn: recorded === event.date ? null : recorded,
        actor: event.actor,
        kind: event.kind,
        batch: event.fromBatch === event.toBatch ? null : { from: event.fromBatch, to: event.toBatch },
        stage: event.fromStage === event.toStage ? null : { from: event.fromStage, to: event.toStage },
        reason: event.reason,
      };
    });
}

export type MilestoneState = 'on-time' | 'late' | 'overdue' | 'due' | 'unplanned';

export interface MilestoneRow {
  stage: MilestoneStage;
  planned: string | null;
  actual: string | null;
  state: MilestoneState;
  /** Days past the plan: how late it was reached, or how long it is overdue; 0 otherwise. */
  daysLate: number;
}

/** Planned against actual milestone dates, judged against `today` (YYYY-MM-DD). */
export function toMilestoneRows(milestones: ProjectSummary['milestones'], today: string): MilestoneRow[] {
  return milestones.map(({ stage, planned, actual }) => {
    if (actual !== null) {
      const late = planned === null ? 0 : Math.max(0, daysBetween(planned, actual));
      return { stage, planned, actual, state: late > 0 ? 'late' : 'on-time', daysLate: late };
    }
    if (planned === null) return { stage, planned, actual, state: 'unplanned', daysLate: 0 };
    const overdue = daysBetween(planned, today);
    return overdue > 0
      ? { stage, planned, actual, state: 'overdue', daysLate: overdue }
      : { stage, planned, actual, state: 'due', daysLate: 0 };
  });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
