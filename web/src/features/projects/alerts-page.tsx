import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { alertSeverities } from '../../../../api/src/domain/projects/alert-rules.ts';
import { type Alert, alertStatuses } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { type AlertActionInput, actOnAlert } from './api/act-on-alert.ts';
import { type AlertFilter, type AlertList, alertsQuery, useAlerts } from './api/get-alerts.ts';
import { queryChoice, queryPage } from './format.ts';
import { mayHandleAlert } from './permissions.ts';
import { projectsMessages } from './projects.messages.ts';
import { DistrictFilter, FilterBar, FilterSelect, Pager } from './projects-filters.tsx';
import './projects.css';

const limit = 20;

export function AlertsPage({ query }: PageProps<'alerts'>) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const [version, setVersion] = useState(0);
  // The answer of the last action: shown even when the alert no longer matches the filters.
  const [acted, setActed] = useState<Alert | null>(null);
  const filter: AlertFilter = {
    severity: queryChoice(alertSeverities, query.get('severity')),
    district: query.get('district') || null,
    status: queryChoice(alertStatuses, query.get('status')),
    project: query.get('project') || null,
    page: queryPage(query.get('page')),
    limit,
  };
  const selectedId = query.get('alert');
  const alerts = useAlerts(filter, version);
  // While the list is read again after an action, keep showing the last answer for the same filters.
  const filterKey = alertsQuery(filter).key;
  const last = useRef<{ key: string; data: AlertList } | null>(null);
  if (alerts.status === 'success') last.current = { key: filterKey, data: alerts.data };
  const data =
    alerts.status === 'success'
      ? alerts.data
      : alerts.status === 'loading' && last.current?.key === filterKey
        ? last.current.data
        : null;

  let body: ReactNode;
  if (alerts.status === 'error') body = <ErrorNotice error={alerts.error} onRetry={alerts.retry} />;
  else if (data === null) body = <LoadingNotice label={m.loadingAlerts} />;
  else {
    const { total, counts, evaluatedOn } = data;
    // The answer of an action is newer than a list read before it.
    const items = data.items.map((a) =>
      acted !== null && acted.id === a.id && acted.version > a.version ? acted : a,
    );
    const selected =
      selectedId === null
        ? null
        : acted?.id === selectedId
          ? acted
          : (items.find((a) => a.id === selectedId) ?? null);
    body = (
      <>
        <p className="page-summary projects-counts" data-testid="alert-counts">
          <span>{m.evaluatedOn(evaluatedOn)}</span>
          {alertSeverities.map((severity) => (
            <span key={severity} className={`badge projects-severity-badge-${severity}`}>
              {m.severityLabel(severity)} {formatCount(language, counts.bySeverity[severity] ?? 0)}
            </span>
          ))}
          {alertStatuses.map((status) => (
            <span key={status} className="badge projects-status-badge">
              {m.statusLabel(status)} {formatCount(language, counts.byStatus[status] ?? 0)}
            </span>
          ))}
        </p>
        <div className={selected ? 'projects-split' : undefined}>
          <div>
            {items.length === 0 ? (
              <p className="notice">{m.noAlerts}</p>
            ) : (
              <AlertTable items={items} selectedId={selectedId} />
            )}
            <Pager page={filter.page} total={total} limit={limit} />
          </div>
          {selected && (
            <AlertPanel
              key={selected.id}
              alert={selected}
              onActed={(alert) => {
                setActed(alert);
                setVersion((n) => n + 1);
              }}
            />
          )}
        </div>
      </>
    );
  }

  return (
    <section className="page projects-page alerts-page" aria-labelledby="alerts-title">
      <header className="page-header">
        <h1 id="alerts-title">{m.alertsTitle}</h1>
        <p className="page-intro">{m.alertsIntro}</p>
      </header>
      <FilterBar>
        <FilterSelect
          name="severity"
          label={m.severity}
          value={filter.severity ?? ''}
          allLabel={m.allSeverities}
          options={alertSeverities.map((s) => ({ value: s, label: m.severityLabel(s) }))}
        />
        <FilterSelect
          name="status"
          label={m.status}
          value={filter.status ?? ''}
          allLabel={m.allStatuses}
          options={alertStatuses.map((s) => ({ value: s, label: m.statusLabel(s) }))}
        />
        <DistrictFilter value={filter.district ?? ''} />
        {filter.project !== null && (
          <button
            type="button"
            className="button button-small"
            onClick={() => updateQuery({ project: null, page: null })}
          >
            {m.projectFilter(filter.project)}
          </button>
        )}
      </FilterBar>
      {body}
    </section>
  );
}

function AlertTable({ items, selectedId }: { items: Alert[]; selectedId: string | null }) {
  const m = useMessages(projectsMessages);
  return (
    <div className="projects-table-wrap">
      <table className="projects-table" data-testid="alert-table">
        <thead>
          <tr>
            <th scope="col">{m.severity}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.project}</th>
            <th scope="col">{m.message}</th>
            <th scope="col">{m.raised}</th>
            <th scope="col">{m.assignee}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((alert) => (
            <tr
              key={alert.id}
              className={alert.id === selectedId ? 'is-selected' : undefined}
              data-testid={`alert-row-${alert.id}`}
            >
              <td>
                <span className={`badge projects-severity-badge-${alert.severity}`}>
                  {m.severityLabel(alert.severity)}
                </span>
              </td>
              <td data-testid="alert-status">{m.statusLabel(alert.status)}</td>
              <td>
                <a href={href('project', { projectId: alert.projectId })}>{alert.projectName}</a>
              </td>
              <td>
                <span className="projects-muted">{alert.ruleName}</span> {alert.message}
              </td>
              <td>{alert.firstRaised.slice(0, 10)}</td>
              <td>{alert.assignee ?? m.unknown}</td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => updateQuery({ alert: alert.id })}
                  data-testid={`alert-open-${alert.id}`}
                >
                  {m.details}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ActionKind = AlertActionInput['action'];

function AlertPanel({ alert, onActed }: { alert: Alert; onActed: (alert: Alert) => void }) {
  const m = useMessages(projectsMessages);
  const [action, setAction] = useState<ActionKind>(alert.status === 'open' ? 'ack' : 'resolve');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState(alert.assignee ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const closed = alert.status === 'resolved' || alert.status === 'cleared';
  const user = useSession()?.user ?? null;
  const mayAct = mayHandleAlert(user, alert.districtCodes);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setError(null);
    setDone(false);
    const trimmed = note.trim();
    let input: AlertActionInput;
    if (action === 'resolve') {
      if (trimmed.length < 2) return setProblem(m.resolveNoteRequired);
      input = { action, note: trimmed };
    } else if (action === 'assign') {
      if (assignee.trim() === '') return setProblem(m.assigneeRequired);
      input = { action, assignee: assignee.trim(), ...(trimmed === '' ? {} : { note: trimmed }) };
    } else {
      input = { action, ...(trimmed === '' ? {} : { note: trimmed }) };
    }
    setPending(true);
    try {
      const updated = await actOnAlert(alert.id, input);
      setNote('');
      setDone(true);
      onActed(updated);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setProblem(m.alertClosed);
      else if (caught instanceof ApiError && caught.status === 403) setProblem(m.forbiddenAlert);
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <aside
      className="projects-box projects-alert-panel"
      aria-labelledby="alert-panel-title"
      data-testid="alert-panel"
    >
      <header className="projects-panel-head">
        <h2 id="alert-panel-title">{alert.ruleName}</h2>
        <button type="button" className="button button-small" onClick={() => updateQuery({ alert: null })}>
          {m.closeDetails}
        </button>
      </header>
      <p>
        <span className={`badge projects-severity-badge-${alert.severity}`}>
          {m.severityLabel(alert.severity)}
        </span>{' '}
        <span className="badge projects-status-badge" data-testid="alert-panel-status">
          {m.statusLabel(alert.status)}
        </span>
      </p>
      <p>
        <a href={href('project', { projectId: alert.projectId })}>{alert.projectName}</a>
      </p>
      <p>{alert.message}</p>
      <dl className="projects-facts projects-small">
        {Object.entries(alert.facts).map(([key, value]) => (
          <div key={key} className="projects-fact-pair">
            <dt>{m.factLabel(key)}</dt>
            <dd>
              {value === null ? m.unknown : key === 'milestone' ? m.milestoneName(String(value)) : value}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{m.history}</h3>
      <ol className="projects-history" data-testid="alert-history">
        {alert.history.map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <strong>{m.actionLabel(step.action)}</strong> · {step.at.slice(0, 16).replace('T', ' ')} ·{' '}
            {step.actor}
            {step.assignee !== null && ` → ${step.assignee}`}
            {step.note !== null && step.note !== '' && <p className="projects-history-note">{step.note}</p>}
          </li>
        ))}
      </ol>
      {closed ? (
        <p className="notice notice-quiet">{m.alertClosed}</p>
      ) : !mayAct ? (
        <p className="notice notice-quiet">{m.forbiddenAlert}</p>
      ) : (
        <form className="projects-form" onSubmit={submit} data-testid="alert-action-form">
          <div className="projects-tabs" role="radiogroup">
            {(['ack', 'assign', 'resolve'] as const).map((kind) => (
              <label key={kind} className={action === kind ? 'projects-tab is-active' : 'projects-tab'}>
                <input
                  type="radio"
                  name="action"
                  value={kind}
                  checked={action === kind}
                  onChange={() => setAction(kind)}
                  data-testid={`alert-action-${kind}`}
                />
                {kind === 'ack' ? m.acknowledge : kind === 'assign' ? m.assign : m.resolve}
              </label>
            ))}
          </div>
          {action === 'assign' && (
            <label>
              <span>{m.assignee}</span>
              <input
                value={assignee}
                placeholder={m.assigneePlaceholder}
                onChange={(event) => setAssignee(event.target.value)}
                data-testid="alert-assignee"
              />
            </label>
          )}
          <label>
            <span>{action === 'resolve' ? m.resolveNote : m.note}</span>
            <textarea
              rows={3}
              value={note}
              maxLength={1000}
              onChange={(event) => setNote(event.target.value)}
              data-testid="alert-note"
            />
          </label>
          {problem !== null && (
            <p className="projects-problem" role="alert">
              {problem}
            </p>
          )}
          {error !== null && <ErrorNotice error={error} />}
          {done && <output className="projects-done">{m.alertDone}</output>}
          <div className="projects-form-actions">
            <button
              type="submit"
              className="button projects-button-primary"
              disabled={pending}
              data-testid="alert-submit"
            >
              {pending
                ? m.acting
                : action === 'ack'
                  ? m.acknowledge
                  : action === 'assign'
                    ? m.assign
                    : m.resolve}
            </button>
          </div>
        </form>
      )}
    </aside>
  );
}
