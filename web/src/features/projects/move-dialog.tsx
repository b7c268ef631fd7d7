import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  type ProjectBatch,
  type ProjectStage,
  projectBatches,
  projectStages,
} from '../../../../api/src/domain/projects/project-lifecycle.ts';
import type { ProjectDetail, ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { type Language, useLanguage, useMessages } from '../../lib/i18n.ts';
import { type Lifecycle, useLifecycle } from './api/get-lifecycle.ts';
import { getProject, useProject } from './api/get-project.ts';
import { moveProject } from './api/move-project.ts';
import { pickLabel, today } from './format.ts';
import { explainMoveConflict } from './move-conflict.ts';
import { projectsMessages } from './projects.messages.ts';

export interface MoveTarget {
  batch?: ProjectBatch;
  stage?: ProjectStage;
}

interface MoveDialogProps {
  projectId: string;
  /** Preselected target, e.g. the column a card was dropped on. */
  target: MoveTarget;
  onClose: () => void;
  onMoved: (project: ProjectDetail) => void;
}

/**
 * Moves a project to another batch and/or stage, with a required reason; a refusal is explained. The
 * project is read afresh, so the move is made against its current version even from a deep link.
 */
export function MoveDialog({ projectId, target, onClose, onMoved }: MoveDialogProps) {
  const m = useMessages(projectsMessages);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const project = useProject(projectId);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="projects-dialog"
      aria-labelledby="move-dialog-title"
      data-testid="move-dialog"
      onCancel={onClose}
    >
      {project.status === 'loading' && <LoadingNotice label={m.loadingProject} />}
      {project.status === 'error' && (
        <>
          <ErrorNotice error={project.error} onRetry={project.retry} notFoundText={m.projectNotFound} />
          <button type="button" className="button" onClick={onClose}>
            {m.close}
          </button>
        </>
      )}
      {project.status === 'success' && (
        <MoveForm initial={project.data} target={target} onClose={onClose} onMoved={onMoved} />
      )}
    </dialog>
  );
}

interface MoveFormProps {
  initial: ProjectSummary;
  target: MoveTarget;
  onClose: () => void;
  onMoved: (project: ProjectDetail) => void;
}

function MoveForm({ initial, target, onClose, onMoved }: MoveFormProps) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const lifecycle = useLifecycle();
  const [project, setProject] = useState<ProjectSummary>(initial);
  const [batch, setBatch] = useState<ProjectBatch>(target.batch ?? initial.batch);
  const [stage, setStage] = useState<ProjectStage>(target.stage ?? initial.stage);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const batchLabel = (id: ProjectBatch) =>
    labelIn(lifecycle.status === 'success' ? lifecycle.data : null, 'batches', id, language);
  const stageLabel = (id: ProjectStage) =>
    labelIn(lifecycle.status === 'success' ? lifecycle.data : null, 'stages', id, language);
  const list = (labels: string[]) => labels.join(language === 'en' ? ', ' : '、');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < 2) return setProblem(m.reasonRequired);
    if (batch === project.batch && stage === project.stage) return setProblem(m.nothingToMove);
    setProblem(null);
    setPending(true);
    try {
      const moved = await moveProject(project.id, {
        ...(batch === project.batch ? {} : { batch }),
        ...(stage === project.stage ? {} : { stage }),
        reason: reason.trim(),
        version: project.version,
        ...(date === '' ? {} : { date }),
      });
      onMoved(moved);
    } catch (caught) {
      const conflict = explainMoveConflict(caught);
      if (conflict?.kind === 'stale') {
        // Read the project again so the next try is made against what is stored now.
        setProject(await getProject(project.id).catch(() => project));
        setProblem(m.conflictStale);
      } else if (conflict?.kind === 'rules') {
        const { from } = conflict;
        setProblem(
          [
            m.conflictRules(batchLabel(from.batch), stageLabel(from.stage)),
            m.conflictAllowedBatches(list(from.allowed.batches.map(batchLabel))),
            m.conflictAllowedStages(list(from.allowed.stages.map(stageLabel))),
          ].join(language === 'en' ? ' ' : ''),
        );
      } else if (caught instanceof ApiError && caught.status === 403) {
        setProblem(m.forbiddenMove);
      } else {
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  }

  // Until the labels arrive every id is an option, so a preselected target (a dropped card) shows at once.
  const batches = lifecycle.status === 'success' ? lifecycle.data.batches.map((b) => b.id) : projectBatches;
  const stages = lifecycle.status === 'success' ? lifecycle.data.stages.map((s) => s.id) : projectStages;
  const optionLabel = <T extends string>(id: T, current: T, allowed: readonly T[], label: string) =>
    id === current ? m.unchanged(label) : allowed.includes(id) ? label : m.notAllowedOption(label);

  return (
    <form onSubmit={submit} className="projects-form">
      <h2 id="move-dialog-title">{m.moveTitle(project.name)}</h2>
      <p className="projects-muted">
        {m.moveCurrent(pickLabel(language, project.batchLabel), pickLabel(language, project.stageLabel))}
      </p>
      <label>
        <span>{m.targetBatch}</span>
        <select
          name="batch"
          value={batch}
          onChange={(event) => setBatch(event.target.value as ProjectBatch)}
          data-testid="move-batch"
        >
          {batches.map((id) => (
            <option key={id} value={id}>
              {optionLabel(id, project.batch, project.allowed.batches, batchLabel(id))}
            </option>
          ))}
        </select>
        <small>{m.allowedHint(list(project.allowed.batches.map(batchLabel)))}</small>
      </label>
      <label>
        <span>{m.targetStage}</span>
        <select
          name="stage"
          value={stage}
          onChange={(event) => setStage(event.target.value as ProjectStage)}
          data-testid="move-stage"
        >
          {stages.map((id) => (
            <option key={id} value={id}>
              {optionLabel(id, project.stage, project.allowed.stages, stageLabel(id))}
            </option>
          ))}
        </select>
        <small>{m.allowedHint(list(project.allowed.stages.map(stageLabel)))}</small>
      </label>
      <label>
        <span>{m.moveDate}</span>
        <input
          type="date"
          name="date"
          value={date}
          max={today()}
          onChange={(event) => setDate(event.target.value)}
        />
        <small>{m.moveDateHint}</small>
      </label>
      <label>
        <span>{m.reason}</span>
        <textarea
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={m.reasonPlaceholder}
          onChange={(event) => setReason(event.target.value)}
          data-testid="move-reason"
        />
      </label>
      {problem !== null && (
        <p className="projects-problem" role="alert" data-testid="move-problem">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="projects-form-actions">
        <button type="button" className="button" onClick={onClose}>
          {m.cancel}
        </button>
        <button
          type="submit"
          className="button projects-button-primary"
          disabled={pending}
          data-testid="move-submit"
        >
          {pending ? m.moving : m.confirmMove}
        </button>
      </div>
    </form>
  );
}

function labelIn(
  lifecycle: Lifecycle | null,
  axis: 'batches' | 'stages',
  id: string,
  language: Language,
): string {
  const entry = lifecycle?.[axis].find((item) => item.id === id);
  return entry ? pickLabel(language, entry.label) : id;
}
