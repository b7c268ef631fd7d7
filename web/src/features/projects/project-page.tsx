import { useState } from 'react';
import type { ProjectDetail } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, type Language, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, enterpriseHref, href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { useLifecycle } from './api/get-lifecycle.ts';
import { useProject } from './api/get-project.ts';
import { formatNumber, formatPercent, pickLabel, today } from './format.ts';
import { MoveDialog } from './move-dialog.tsx';
import { mayMove } from './permissions.ts';
import { projectsMessages } from './projects.messages.ts';
import { toMilestoneRows, toTimelineRows } from './timeline-rows.ts';
import './projects.css';

export function ProjectPage({ params, query }: PageProps<'project'>) {
  const m = useMessages(projectsMessages);
  const [version, setVersion] = useState(0);
  const project = useProject(params.projectId, version);
  const moving = query.get('move') === '1';

  return (
    <section className="page projects-page project-detail-page">
      <nav className="breadcrumb">
        <a href={href('projects', {})}>{m.backToBoard}</a>
      </nav>
      {project.status === 'loading' && <LoadingNotice label={m.loadingProject} />}
      {project.status === 'error' && (
        <ErrorNotice error={project.error} onRetry={project.retry} notFoundText={m.projectNotFound} />
      )}
      {project.status === 'success' && <ProjectView project={project.data} />}
      {moving && (
        <MoveDialog
          projectId={params.projectId}
          target={{}}
          onClose={() => updateQuery({ move: null })}
          onMoved={() => {
            setVersion((n) => n + 1);
            updateQuery({ move: null });
          }}
        />
      )}
    </section>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const yi = (value: number | null) => (value === null ? m.unknown : m.yi(formatNumber(language, value)));
  const lead = project.districts.find((d) => d.role === 'lead');
  const user = useSession()?.user ?? null;

  return (
    <>
      <header className="page-header projects-header">
        <div>
          <h1 data-testid="project-title">{project.name}</h1>
          <p className="projects-meta">
            <span className="badge projects-badge-batch">{pickLabel(language, project.batchLabel)}</span>
            <span className={`projects-stage projects-stage-${project.stage}`} data-testid="project-stage">
              {pickLabel(language, project.stageLabel)}
            </span>
            <span>{project.year}</span>
            <span>
              {m.origin}：{m.originLabel(project.origin)}
            </span>
          </p>
        </div>
        {mayMove(
          user,
          project.districts.map((d) => d.code),
        ) && (
          <button
            type="button"
            className="button projects-button-primary"
            onClick={() => updateQuery({ move: '1' })}
            data-testid="project-move"
          >
            {m.move}
          </button>
        )}
      </header>

      <div className="projects-detail-grid">
        <section className="projects-box" aria-labelledby="facts-title">
          <h2 id="facts-title" className="projects-visually-hidden">
            {m.details}
          </h2>
          <dl className="projects-facts">
            <dt>{m.investor}</dt>
            <dd>
              {project.enterprise ? (
                <a href={enterpriseHref(project.enterprise.id)} data-testid="project-enterprise">
                  {project.enterprise.name}
                </a>
              ) : (
                (project.investorName ?? m.unknown)
              )}
            </dd>
            <dt>{m.districts}</dt>
            <dd>
              {project.districts.map((d, index) => (
                <span key={d.code}>
                  {index > 0 && '、'}
                  <a
                    href={href('district', { districtCode: d.code })}
                    data-testid={`project-district-${d.code}`}
                  >
                    {d.name}
                  </a>
                  <span className="projects-muted">（{d.role === 'lead' ? m.lead : m.partner}）</span>
                </span>
              ))}
            </dd>
            <dt>{m.chain}</dt>
            <dd>
              {project.link ? (
                <a href={chainMapHref(project.link.chainId)}>
                  {project.link.chainName} · {project.link.name}
                </a>
              ) : (
                m.unknown
              )}
            </dd>
            <dt>{m.team}</dt>
            <dd>
              {project.team ?? m.unknown}
              {project.teamLead !== null && (
                <span className="projects-muted">
                  {' '}
                  · {m.teamLead} {project.teamLead}
                </span>
              )}
            </dd>
            <dt>{m.land}</dt>
            <dd>
              {project.land.areaHa === null
                ? m.unknown
                : m.landValue(
                    formatNumber(language, project.land.areaHa),
                    project.land.status === null ? m.unknown : m.parcelStatusLabel(project.land.status),
                  )}
              {project.land.parcelId !== null && lead && (
                <>
                  {' '}
                  <a href={href('land-parcels', {}, { district: lead.code })}>{project.land.parcelId}</a>
                </>
              )}
            </dd>
            <dt>{m.jobs}</dt>
            <dd>
              {project.jobsPlanned === null
                ? m.unknown
                : m.jobsValue(formatCount(language, project.jobsPlanned))}
            </dd>
          </dl>
          <p className="projects-muted projects-small">
            {m.provenance(project.provenance.source, project.provenance.asOf ?? '')} ·{' '}
            {m.lastUpdate(project.lastUpdate.slice(0, 10))}
          </p>
        </section>
        <section className="projects-box" aria-labelledby="investment-title">
          <h2 id="investment-title">{m.investment}</h2>
          <InvestmentBars
            planned={project.investment.planned}
            inPlace={project.investment.inPlace}
            language={language}
          />
          <dl className="projects-facts">
            <dt>{m.investmentPlanned}</dt>
            <dd data-testid="investment-planned">{yi(project.investment.planned)}</dd>
            <dt>{m.investmentInPlace}</dt>
            <dd data-testid="investment-in-place">{yi(project.investment.inPlace)}</dd>
          </dl>
        </section>
      </div>

      <MilestoneTable project={project} />
      <Timeline project={project} />
      <ProjectAlerts project={project} />
    </>
  );
}

/** Planned against in-place investment as two bars on one scale. */
function InvestmentBars({
  planned,
  inPlace,
  language,
}: {
  planned: number | null;
  inPlace: number | null;
  language: Language;
}) {
  const m = useMessages(projectsMessages);
  const width = 320;
  const max = Math.max(planned ?? 0, inPlace ?? 0);
  if (max <= 0) return null;
  const scale = (value: number | null) => ((value ?? 0) / max) * width;
  const ratio = planned !== null && planned > 0 && inPlace !== null ? inPlace / planned : null;
  return (
    <figure className="projects-investment-chart">
      <svg
        viewBox={`0 0 ${width} 52`}
        width="100%"
        role="img"
        aria-label={m.investmentChartLabel(
          m.yi(formatNumber(language, inPlace ?? 0)),
          m.yi(formatNumber(language, planned ?? 0)),
        )}
      >
        <rect x="0" y="4" width={scale(planned)} height="18" rx="3" className="projects-bar-planned" />
        <rect x="0" y="30" width={scale(inPlace)} height="18" rx="3" className="projects-bar-in-place" />
      </svg>
      <figcaption className="projects-legend">
        <span>
          <i className="projects-swatch projects-bar-planned" /> {m.investmentPlanned}
        </span>
        <span>
          <i className="projects-swatch projects-bar-in-place" /> {m.investmentInPlace}
        </span>
        {ratio !== null && <strong>{m.investmentRatio(formatPercent(language, ratio))}</strong>}
      </figcaption>
    </figure>
  );
}

function MilestoneTable({ project }: { project: ProjectDetail }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const lifecycle = useLifecycle();
  const stageName = (id: string) => {
    const stage = lifecycle.status === 'success' ? lifecycle.data.stages.find((s) => s.id === id) : undefined;
    return stage ? pickLabel(language, stage.label) : id;
  };
  const rows = toMilestoneRows(project.milestones, today());
  return (
    <section className="projects-section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{m.milestones}</h2>
      <table className="projects-table" data-testid="milestones">
        <thead>
          <tr>
            <th scope="col">{m.milestone}</th>
            <th scope="col">{m.planned}</th>
            <th scope="col">{m.actual}</th>
            <th scope="col">{m.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage} data-testid={`milestone-${row.stage}`}>
              <td>{stageName(row.stage)}</td>
              <td>{row.planned ?? m.unknown}</td>
              <td>{row.actual ?? m.unknown}</td>
              <td className={row.state === 'overdue' || row.state === 'late' ? 'fact-alert' : undefined}>
                {m.milestoneStateLabel(row.state)}
                {row.daysLate > 0 && ` · ${m.daysLate(formatCount(language, row.daysLate))}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Timeline({ project }: { project: ProjectDetail }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const lifecycle = useLifecycle();
  const label = (axis: 'batches' | 'stages', id: string | null) => {
    if (id === null) return '';
    const entry = lifecycle.status === 'success' ? lifecycle.data[axis].find((e) => e.id === id) : undefined;
    return entry ? pickLabel(language, entry.label) : id;
  };
  const rows = toTimelineRows(project.timeline);
  const change = (axis: 'batches' | 'stages', value: { from: string | null; to: string } | null) =>
    value === null
      ? null
      : value.from === null
        ? label(axis, value.to)
        : `${label(axis, value.from)} → ${label(axis, value.to)}`;
  return (
    <section className="projects-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{m.timeline}</h2>
      {rows.length === 0 ? (
        <p className="notice notice-quiet">{m.noTimeline}</p>
      ) : (
        <ol className="projects-timeline" data-testid="timeline">
          {rows.map((row) => (
            <li key={row.id} className="projects-timeline-item" data-testid={`timeline-${row.id}`}>
              <div className="projects-timeline-when">
                <strong>{row.date}</strong>
                {row.recordedOn !== null && (
                  <span className="projects-muted">{m.recordedOn(row.recordedOn)}</span>
                )}
              </div>
              <div className="projects-timeline-body">
                <p>
                  <span className="badge projects-badge-kind">{m.kindLabel(row.kind)}</span>{' '}
                  {[change('batches', row.batch), change('stages', row.stage)].filter(Boolean).join('；')}
                </p>
                {row.reason !== null && <p className="projects-timeline-reason">{row.reason}</p>}
                <p className="projects-muted projects-small">
                  {m.who}：{row.actor}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ProjectAlerts({ project }: { project: ProjectDetail }) {
  const m = useMessages(projectsMessages);
  return (
    <section className="projects-section" aria-labelledby="project-alerts-title">
      <h2 id="project-alerts-title">{m.projectAlerts}</h2>
      {project.alerts.length === 0 ? (
        <p className="notice notice-quiet">{m.noProjectAlerts}</p>
      ) : (
        <ul className="projects-alert-list" data-testid="project-alerts">
          {project.alerts.map((alert) => (
            <li key={alert.id} className={`projects-alert projects-severity-${alert.severity}`}>
              <span className={`badge projects-severity-badge-${alert.severity}`}>
                {m.severityLabel(alert.severity)}
              </span>{' '}
              <span className="badge projects-status-badge">{m.statusLabel(alert.status)}</span>{' '}
              {alert.message}{' '}
              <a href={href('alerts', {}, { project: project.id, alert: alert.id })}>{m.openAlerts}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
