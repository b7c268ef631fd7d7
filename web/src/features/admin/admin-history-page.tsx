import { type FormEvent, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { adminHistoryMessages } from './admin-history.messages.ts';
import { AdminTabs } from './admin-tabs.tsx';
import { useAuditChanges } from './api/get-audit-changes.ts';
import type { MapChange } from './api/map-edits.ts';
import { type MapDiff, revertMapChange, useMapChanges, useMapDiff } from './api/map-history.ts';
import { dateFrom, daysBefore, todayIso } from './history-dates.ts';
import { Pagination, pageFrom, pageOf } from './pagination.tsx';
import { useAction } from './use-action.ts';
import './admin.css';

const pageSize = 20;
const tabs = ['map', 'audit', 'diff'] as const;
type Tab = (typeof tabs)[number];
const tabLabel = { map: 'tabMap', audit: 'tabAudit', diff: 'tabDiff' } as const;

export function AdminHistoryPage({ query }: PageProps<'admin-history'>) {
  const m = useMessages(adminHistoryMessages);
  const tab: Tab = tabs.find((t) => t === query.get('tab')) ?? 'map';
  const today = todayIso();
  const from = dateFrom(query.get('from'), daysBefore(today, 365));
  const to = dateFrom(query.get('to'), today);
  const page = pageFrom(query);

  return (
    <section className="page admin-page">
      <AdminTabs current="admin-history" />
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      <div className="admin-subtabs">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            className="button"
            aria-pressed={t === tab}
            data-testid={`admin-history-tab-${t}`}
            onClick={() => updateQuery({ tab: t, page: null })}
          >
            {m[tabLabel[t]]}
          </button>
        ))}
      </div>
      {tab !== 'audit' && <DateRangeForm key={`${from}:${to}`} from={from} to={to} />}
      {tab === 'map' && <MapChanges from={from} to={to} page={page} />}
      {tab === 'diff' && <MapDiffView from={from} to={to} />}
      {tab === 'audit' && (
        <AuditLog
          key={query.toString()}
          filter={{
            entityType: query.get('type') ?? '',
            actor: query.get('actor') ?? '',
            from: query.get('from') ?? '',
            to: query.get('to') ?? '',
            page,
            limit: pageSize,
          }}
        />
      )}
    </section>
  );
}

function DateRangeForm({ from, to }: { from: string; to: string }) {
  const m = useMessages(adminHistoryMessages);
  const [draftFrom, setFrom] = useState(from);
  const [draftTo, setTo] = useState(to);
  const invalid = draftFrom > draftTo;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) updateQuery({ from: draftFrom, to: draftTo, page: null });
  };
  return (
    <form className="admin-filters" onSubmit={submit} data-testid="admin-history-range">
      <label className="admin-field">
        <span>{m.from}</span>
        <input type="date" name="from" value={draftFrom} required onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="admin-field">
        <span>{m.to}</span>
        <input type="date" name="to" value={draftTo} required onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={invalid}>
        {m.apply}
      </button>
      {invalid && <span className="admin-field-error">{m.rangeInvalid}</span>}
    </form>
  );
}

function MapChanges({ from, to, page }: { from: string; to: string; page: number }) {
  const m = useMessages(adminHistoryMessages);
  const [revision, setRevision] = useState(0);
  const [reverted, setReverted] = useState<MapChange | null>(null);
  const changes = useMapChanges(from, to, revision);
  if (changes.status === 'loading') return <LoadingNotice label={m.loading} />;
  if (changes.status === 'error') return <ErrorNotice error={changes.error} onRetry={changes.retry} />;
  // The API lists changes in the order they were made; the newest matter most here.
  const newestFirst = [...changes.data.items].reverse();
  return (
    <>
      {reverted && (
        <output className="admin-change" data-testid="admin-revert-done">
          {m.revertedNow(reverted.summary)}
        </output>
      )}
      {newestFirst.length === 0 ? (
        <p className="notice notice-quiet">{m.noChanges}</p>
      ) : (
        <table className="admin-table" data-testid="admin-map-changes">
          <thead>
            <tr>
              <th>{m.effective}</th>
              <th>{m.summary}</th>
              <th>{m.action}</th>
              <th>{m.actor}</th>
              <th>{m.at}</th>
              <th>{m.status}</th>
            </tr>
          </thead>
          <tbody>
            {pageOf(newestFirst, page, pageSize).map((change) => (
              <MapChangeRow
                key={change.id}
                change={change}
                onReverted={(revert) => {
                  setReverted(revert);
                  setRevision((n) => n + 1);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        pageSize={pageSize}
        total={newestFirst.length}
        onPage={(p) => updateQuery({ page: p })}
        testId="admin-map-changes-pages"
      />
    </>
  );
}

function MapChangeRow({
  change,
  onReverted,
}: {
  change: MapChange;
  onReverted: (revert: MapChange) => void;
}) {
  const m = useMessages(adminHistoryMessages);
  const [confirming, setConfirming] = useState(false);
  const revert = useAction(async () => {
    const result = await revertMapChange(change.id);
    onReverted(result);
    return result;
  });
  return (
    <tr data-testid={`admin-map-change-${change.id}`}>
      <td>{change.effectiveDate}</td>
      <td>
        {change.summary}
        {change.note && <div className="admin-muted">{change.note}</div>}
      </td>
      <td>
        <code>{change.action}</code>
      </td>
      <td>{change.actor}</td>
      <td>{change.at.slice(0, 19).replace('T', ' ')}</td>
      <td>
        {change.revertedBy !== null ? (
          <span className="badge admin-status-off">{m.reverted}</span>
        ) : change.action === 'revert' ? (
          <span className="badge">{m.isRevert}</span>
        ) : confirming ? (
          <div className="admin-confirm" role="alertdialog" aria-label={m.revert}>
            <p>{m.revertConfirm}</p>
            <button
              type="button"
              className="button button-small admin-button-danger"
              data-testid="admin-revert-confirm"
              disabled={revert.state.status === 'running'}
              onClick={() => void revert.run()}
            >
              {m.confirmRevert}
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              ×
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="button button-small"
            data-testid="admin-revert"
            onClick={() => setConfirming(true)}
          >
            {m.revert}
          </button>
        )}
        {revert.state.status === 'error' && <ErrorNotice error={revert.state.error} />}
      </td>
    </tr>
  );
}

function MapDiffView({ from, to }: { from: string; to: string }) {
  const m = useMessages(adminHistoryMessages);
  const diff = useMapDiff(from, to, 0);
  if (diff.status === 'loading') return <LoadingNotice label={m.loading} />;
  if (diff.status === 'error') return <ErrorNotice error={diff.error} onRetry={diff.retry} />;
  const sections = diffSections(diff.data);
  return (
    <section className="admin-card" data-testid="admin-map-diff">
      <h2>{m.diffTitle(from, to)}</h2>
      {sections.every((s) => s.lines.length === 0) ? (
        <p className="notice notice-quiet">{m.diffEmpty}</p>
      ) : (
        sections
          .filter((s) => s.lines.length > 0)
          .map((s) => (
            <div key={s.label}>
              <h3>
                {m[s.label]} ({s.lines.length})
              </h3>
              <ul className="admin-list">
                {s.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))
      )}
    </section>
  );
}

type DiffLabel =
  | 'chainsAdded'
  | 'chainsRetired'
  | 'chainsRenamed'
  | 'linksAdded'
  | 'linksRetired'
  | 'linksRenamed'
  | 'feedsAdded'
  | 'feedsRemoved'
  | 'enterprisesMoved';

/** The diff as labelled lists of one line each. */
export function diffSections(diff: MapDiff): { label: DiffLabel; lines: string[] }[] {
  const named = (items: { id: string; name: string }[]) => items.map((i) => `${i.name} (${i.id})`);
  const renamed = (items: { id: string; from: string; to: string }[]) =>
    items.map((i) => `${i.from} → ${i.to} (${i.id})`);
  return [
    { label: 'chainsAdded', lines: named(diff.chains.added) },
    { label: 'chainsRetired', lines: named(diff.chains.retired) },
    { label: 'chainsRenamed', lines: renamed(diff.chains.renamed) },
    { label: 'linksAdded', lines: named(diff.links.added) },
    { label: 'linksRetired', lines: named(diff.links.retired) },
    { label: 'linksRenamed', lines: renamed(diff.links.renamed) },
    { label: 'feedsAdded', lines: diff.feeds.added.map((f) => `${f.from} → ${f.to}`) },
    { label: 'feedsRemoved', lines: diff.feeds.removed.map((f) => `${f.from} → ${f.to}`) },
    {
      label: 'enterprisesMoved',
      lines: diff.enterprisesMoved.map((e) => `${e.date} ${e.summary}`),
    },
  ];
}

const auditTypes = [
  'Chain',
  'Link',
  'FEEDS',
  'IN_LINK',
  'User',
  'WeightProfile',
  'Import',
  'Project',
  'Proposal',
];

function AuditLog({
  filter,
}: {
  filter: { entityType: string; actor: string; from: string; to: string; page: number; limit: number };
}) {
  const m = useMessages(adminHistoryMessages);
  const [type, setType] = useState(filter.entityType);
  const [actor, setActor] = useState(filter.actor);
  const [from, setFrom] = useState(filter.from);
  const [to, setTo] = useState(filter.to);
  const changes = useAuditChanges(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateQuery({ type, actor: actor.trim(), from, to, page: null });
  };
  return (
    <>
      <form className="admin-filters" onSubmit={submit} data-testid="admin-audit-filters">
        <label className="admin-field">
          <span>{m.entityType}</span>
          <select name="type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{m.allTypes}</option>
            {auditTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{m.actor}</span>
          <input name="actor" value={actor} maxLength={60} onChange={(e) => setActor(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{m.from}</span>
          <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{m.to}</span>
          <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {m.apply}
        </button>
      </form>
      {changes.status === 'loading' && <LoadingNotice label={m.loading} />}
      {changes.status === 'error' && <ErrorNotice error={changes.error} onRetry={changes.retry} />}
      {changes.status === 'success' &&
        (changes.data.items.length === 0 ? (
          <p className="notice notice-quiet">{m.noChanges}</p>
        ) : (
          <>
            <table className="admin-table" data-testid="admin-audit">
              <thead>
                <tr>
                  <th>{m.at}</th>
                  <th>{m.actor}</th>
                  <th>{m.action}</th>
                  <th>{m.entity}</th>
                  <th>{m.summary}</th>
                  <th>{m.before}</th>
                  <th>{m.after}</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.items.map((change) => (
                  <tr key={change.id}>
                    <td>{change.at.slice(0, 19).replace('T', ' ')}</td>
                    <td>{change.actor ?? 'system'}</td>
                    <td>
                      <code>{change.action}</code>
                    </td>
                    <td>
                      {change.entityType} <code>{change.entityId}</code>
                    </td>
                    <td>{change.summary}</td>
                    <td>
                      <JsonValue value={change.before} />
                    </td>
                    <td>
                      <JsonValue value={change.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              page={changes.data.page}
              pageSize={changes.data.limit}
              total={changes.data.total}
              onPage={(p) => updateQuery({ page: p })}
              testId="admin-audit-pages"
            />
          </>
        ))}
    </>
  );
}

function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="admin-muted">—</span>;
  return <pre className="admin-json">{JSON.stringify(value, null, 1)}</pre>;
}
