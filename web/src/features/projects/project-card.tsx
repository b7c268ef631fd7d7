import type { DragEvent } from 'react';
import type { ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { href } from '../../lib/routes.ts';
import { formatNumber, pickLabel } from './format.ts';
import { projectsMessages } from './projects.messages.ts';

interface ProjectCardProps {
  project: ProjectSummary;
  /** Null when the user may not move this project: no button, no dragging. */
  onMove: (() => void) | null;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

export function ProjectCard({ project, onMove, onDragStart, onDragEnd }: ProjectCardProps) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const yi = (value: number | null) => (value === null ? m.unknown : formatNumber(language, value));
  return (
    <li
      draggable={onMove !== null}
      className={onMove === null ? 'projects-card is-fixed' : 'projects-card'}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      data-testid={`project-card-${project.id}`}
    >
      <div className="projects-card-head">
        <a href={href('project', { projectId: project.id })} className="projects-card-name">
          {project.name}
        </a>
        {project.activeAlerts > 0 && (
          <span className="badge projects-badge-alert" title={m.alerts}>
            {m.alertCount(formatCount(language, project.activeAlerts))}
          </span>
        )}
      </div>
      <p className="projects-card-line">{project.investorName ?? m.unknown}</p>
      <p className="projects-card-line projects-muted">{project.districts.map((d) => d.name).join(' · ')}</p>
      <p className="projects-card-line">
        {m.yi(m.investmentShort(yi(project.investment.inPlace), yi(project.investment.planned)))}
      </p>
      <div className="projects-card-foot">
        <span className={`projects-stage projects-stage-${project.stage}`}>
          {pickLabel(language, project.stageLabel)}
        </span>
        {onMove !== null && (
          <button
            type="button"
            className="button button-small"
            onClick={onMove}
            aria-label={m.moveProjectLabel(project.name)}
            data-testid={`move-${project.id}`}
          >
            {m.move}
          </button>
        )}
      </div>
    </li>
  );
}
