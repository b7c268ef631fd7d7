import { type DragEvent, type ReactNode, useState } from 'react';
import { projectBatches, projectStages } from '../../../../api/src/domain/projects/project-lifecycle.ts';
import type { ProjectDetail, ProjectSummary } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { useLifecycle } from './api/get-lifecycle.ts';
import { useProjectBoard } from './api/get-project-board.ts';
import { type ProjectFilter, useProjects } from './api/get-projects.ts';
import { type BoardColumn, buildBoardColumns, moveForDrop } from './board-columns.ts';
import { formatNumber, pickLabel, queryChoice, queryPage, queryYear } from './format.ts';
import { MoveDialog } from './move-dialog.tsx';
import { NewProjectPanel } from './new-project-panel.tsx';
import { mayMove } from './permissions.ts';
import { ProjectCard } from './project-card.tsx';
import { projectsMessages } from './projects.messages.ts';
import { DistrictFilter, FilterBar, FilterSelect, Pager } from './projects-filters.tsx';
import './projects.css';

/** Cards on the board: the lists of a year fit; beyond this the list view pages through them. */
const boardLimit = 200;
const listLimit = 20;

export function ProjectBoardPage({ query }: PageProps<'projects'>) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const lifecycle = useLifecycle();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const role = useSession()?.user.role ?? null;

  const yearChoice = queryYear(query.get('year'));
  const year = yearChoice === 'all' ? null : (yearChoice ?? new Date().getFullYear());
  const batch = queryChoice(projectBatches, query.get('batch'));
  const stage = queryChoice(projectStages, query.get('stage'));
  const district = query.get('district') ?? '';
  const view = query.get('view') === 'list' ? 'list' : 'board';
  const page = queryPage(query.get('page'));
  const creating = queryChoice(['target', 'proposal'] as const, query.get('new'));
  const moving = query.get('move');
  const toBatch = queryChoice(projectBatches, query.get('toBatch'));
  const toStage = queryChoice(projectStages, query.get('toStage'));
  const moveTarget = {
    ...(toBatch === null ? {} : { batch: toBatch }),
    ...(toStage === null ? {} : { stage: toStage }),
  };

  const thisYear = new Date().getFullYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  const batchOptions =
    lifecycle.status === 'success'
      ? lifecycle.data.batches.map((b) => ({ value: b.id, label: pickLabel(language, b.label) }))
      : projectBatches.map((id) => ({ value: id, label: id }));
  const stageOptions =
    lifecycle.status === 'success'
      ? lifecycle.data.stages.map((s) => ({ value: s.id, label: pickLabel(language, s.label) }))
      : projectStages.map((id) => ({ value: id, label: id }));

  const onMoved = (project: ProjectDetail) => {
    setNotice(m.moved(project.name));
    setVersion((n) => n + 1);
    updateQuery({ move: null, toBatch: null, toStage: null });
  };

  return (
    <section className="page projects-page" aria-labelledby="projects-title">
      <header className="page-header projects-header">
        <div>
          <h1 id="projects-title">{m.boardTitle}</h1>
          <p className="page-intro">{m.boardIntro}</p>
        </div>
        {/* Analysts read the lists; projects are made by admins and districts. */}
        {role !== 'analyst' && (
          <button
            type="button"
            className="button projects-button-primary"
            onClick={() => updateQuery({ new: creating === null ? 'target' : null })}
            data-testid="new-project"
          >
            {m.newProject}
          </button>
        )}
      </header>
      {creating !== null && role !== 'analyst' && (
        <NewProjectPanel
          mode={creating}
          defaultDistrict={district}
          onClose={() => updateQuery({ new: null })}
        />
      )}
      <FilterBar>
        <FilterSelect
          name="year"
          label={m.year}
          value={yearChoice === 'all' ? 'all' : String(year)}
          options={[
            ...years.map((y) => ({ value: String(y), label: String(y) })),
            { value: 'all', label: m.allYears },
          ]}
        />
        <FilterSelect
          name="batch"
          label={m.batch}
          value={batch ?? ''}
          allLabel={m.allBatches}
          options={batchOptions}
        />
        <FilterSelect
          name="stage"
          label={m.stage}
          value={stage ?? ''}
          allLabel={m.allStages}
          options={stageOptions}
        />
        <DistrictFilter value={district} />
        <div className="projects-view-switch">
          <button
            type="button"
            className={view === 'board' ? 'button button-small is-active' : 'button button-small'}
            aria-pressed={view === 'board'}
            onClick={() => updateQuery({ view: null, page: null })}
            data-testid="view-board"
          >
            {m.viewBoard}
          </button>
          <button
            type="button"
            className={view === 'list' ? 'button button-small is-active' : 'button button-small'}
            aria-pressed={view === 'list'}
            onClick={() => updateQuery({ view: 'list' })}
            data-testid="view-list"
          >
            {m.viewList}
          </button>
        </div>
      </FilterBar>
      {notice !== null && (
        <output className="notice projects-success" data-testid="projects-notice">
          {notice}
        </output>
      )}
      {view === 'board' ? (
        <ProjectBoard
          filter={{ year, batch, stage, district: district || null, page: 1, limit: boardLimit }}
          version={version}
        />
      ) : (
        <ProjectTable
          filter={{ year, batch, stage, district: district || null, page, limit: listLimit }}
          version={version}
        />
      )}
      {moving !== null && (
        <MoveDialog
          key={moving}
          projectId={moving}
          target={moveTarget}
          onClose={() => updateQuery({ move: null, toBatch: null, toStage: null })}
          onMoved={onMoved}
        />
      )}
    </section>
  );
}

const openMove = (project: ProjectSummary, target: { batch?: string; stage?: string } = {}) =>
  updateQuery({ move: project.id, toBatch: target.batch ?? null, toStage: target.stage ?? null });

function ProjectBoard({ filter, version }: { filter: ProjectFilter; version: number }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const user = useSession()?.user ?? null;
  const board = useProjectBoard({ year: filter.year, district: filter.district }, version);
  const projects = useProjects(filter, version);
  const [dragging, setDragging] = useState<ProjectSummary | null>(null);
  const [over, setOver] = useState<string | null>(null);

  if (board.status === 'error') return <ErrorNotice error={board.error} onRetry={board.retry} />;
  if (projects.status === 'error') return <ErrorNotice error={projects.error} onRetry={projects.retry} />;
  if (board.status === 'loading' || projects.status === 'loading')
    return <LoadingNotice label={m.loadingProjects} />;

  const columns = buildBoardColumns(board.data, projects.data.items, {
    batch: filter.batch,
    stage: filter.stage,
  });
  const drop = (column: BoardColumn) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain');
    const project = projects.data.items.find((p) => p.id === id) ?? dragging;
    setDragging(null);
    if (!project) return;
    const move = moveForDrop(project, column);
    if (move) openMove(project, move);
  };

  let truncated: ReactNode = null;
  if (projects.data.total > projects.data.items.length) {
    truncated = (
      <p className="notice notice-quiet">
        {m.boardTruncated(
          formatCount(language, projects.data.items.length),
          formatCount(language, projects.data.total),
        )}
      </p>
    );
  }

  return (
    <>
      {truncated}
      <div className="projects-board" data-testid="project-board">
        {columns.map((column) => {
          const proposed = dragging ? moveForDrop(dragging, column) : null;
          const state = proposed === null ? '' : proposed.allowed ? ' is-allowed' : ' is-refused';
          return (
            <section
              key={column.id}
              className={`projects-column${state}${over === column.id ? ' is-over' : ''}`}
              data-testid={`column-${column.id}`}
              aria-labelledby={`column-title-${column.id}`}
              onDragOver={(event) => {
                event.preventDefault();
                if (over !== column.id) setOver(column.id);
              }}
              onDragLeave={() => setOver((current) => (current === column.id ? null : current))}
              onDrop={drop(column)}
            >
              <header className="projects-column-head">
                <h2 id={`column-title-${column.id}`}>{pickLabel(language, column.label)}</h2>
                <p>
                  {m.columnSummary(
                    formatCount(language, column.count),
                    m.yi(formatNumber(language, column.investmentPlannedYi)),
                  )}
                </p>
                {proposed !== null && (
                  <p className="projects-drop-hint">{proposed.allowed ? m.dropHint : m.dropNotAllowed}</p>
                )}
              </header>
              {column.projects.length === 0 ? (
                <p className="projects-column-empty">{m.emptyColumn}</p>
              ) : (
                <ul className="projects-card-list">
                  {column.projects.map((project) => (
                    <ProjectCard
                      key={project.id}
                      project={project}
                      onMove={
                        mayMove(
                          user,
                          project.districts.map((d) => d.code),
                        )
                          ? () => openMove(project)
                          : null
                      }
                      onDragStart={(event) => {
                        event.dataTransfer.setData('text/plain', project.id);
                        event.dataTransfer.effectAllowed = 'move';
                        setDragging(project);
                      }}
                      onDragEnd={() => {
                        setDragging(null);
                        setOver(null);
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

function ProjectTable({ filter, version }: { filter: ProjectFilter; version: number }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const user = useSession()?.user ?? null;
  const projects = useProjects(filter, version);
  if (projects.status === 'error') return <ErrorNotice error={projects.error} onRetry={projects.retry} />;
  if (projects.status === 'loading') return <LoadingNotice label={m.loadingProjects} />;
  const { items, total } = projects.data;
  if (items.length === 0) return <p className="notice">{m.noProjects}</p>;
  const yi = (value: number | null) => (value === null ? m.unknown : formatNumber(language, value));
  return (
    <>
      <p className="page-summary" data-testid="projects-summary">
        {m.listSummary(formatCount(language, total))}
      </p>
      <div className="projects-table-wrap">
        <table className="projects-table" data-testid="project-table">
          <thead>
            <tr>
              <th scope="col">{m.name}</th>
              <th scope="col">{m.investor}</th>
              <th scope="col">{m.districts}</th>
              <th scope="col">{m.batch}</th>
              <th scope="col">{m.stage}</th>
              <th scope="col" className="numeric">
                {m.withUnit(m.investmentPlanned, m.unitYi)}
              </th>
              <th scope="col" className="numeric">
                {m.withUnit(m.investmentInPlace, m.unitYi)}
              </th>
              <th scope="col" className="numeric">
                {m.alerts}
              </th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((project) => (
              <tr key={project.id} data-testid={`project-row-${project.id}`}>
                <td>
                  <a href={href('project', { projectId: project.id })}>{project.name}</a>
                </td>
                <td>{project.investorName ?? m.unknown}</td>
                <td>{project.districts.map((d) => d.name).join(' · ')}</td>
                <td>{pickLabel(language, project.batchLabel)}</td>
                <td>
                  <span className={`projects-stage projects-stage-${project.stage}`}>
                    {pickLabel(language, project.stageLabel)}
                  </span>
                </td>
                <td className="numeric">{yi(project.investment.planned)}</td>
                <td className="numeric">{yi(project.investment.inPlace)}</td>
                <td className={project.activeAlerts > 0 ? 'numeric fact-alert' : 'numeric'}>
                  {formatCount(language, project.activeAlerts)}
                </td>
                <td>
                  {mayMove(
                    user,
                    project.districts.map((d) => d.code),
                  ) && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => openMove(project)}
                      aria-label={m.moveProjectLabel(project.name)}
                      data-testid={`move-${project.id}`}
                    >
                      {m.move}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={filter.page} total={total} limit={filter.limit} />
    </>
  );
}
