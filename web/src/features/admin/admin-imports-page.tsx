import { useState } from 'react';
import { importKinds, presetNames } from '../../../../importers/mapping/presets.ts';
import { fileFormats } from '../../../../importers/read/record-source.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { adminImportsMessages } from './admin-imports.messages.ts';
import { AdminTabs } from './admin-tabs.tsx';
import { type ImportRequest, type ImportSummary, runImport } from './api/run-import.ts';
import { useAction } from './use-action.ts';
import './admin.css';

type Kind = ImportRequest['kind'];
const kindLabel = {
  enterprises: 'kindEnterprises',
  supplies: 'kindSupplies',
  districts: 'kindDistricts',
  projects: 'kindProjects',
  chains: 'kindChains',
} as const satisfies Record<Kind, string>;

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The options live in the address, so a bookmarked import screen opens with the same choices. */
export function AdminImportsPage({ query }: PageProps<'admin-imports'>) {
  const m = useMessages(adminImportsMessages);
  const kind = pick(importKinds, query.get('kind')) ?? 'enterprises';
  const format = pick(fileFormats, query.get('format'));
  const preset = pick(presetNames, query.get('preset'));
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // The dry run a commit would repeat for real; a different file or option needs a new dry run.
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const request = (dryRun: boolean): ImportRequest | null =>
    file ? { kind, format, preset, source, asOf, dryRun, file } : null;
  const fingerprint = file
    ? [kind, format, preset, source, asOf, file.name, file.size, file.lastModified].join('|')
    : null;
  const action = useAction(async (dryRun: boolean) => {
    const input = request(dryRun);
    if (!input) throw new Error(m.chooseFile);
    const summary = await runImport(input);
    setDryRunOf(dryRun ? fingerprint : null);
    return summary;
  });
  const canCommit = dryRunOf !== null && dryRunOf === fingerprint && action.state.status === 'done';

  return (
    <section className="page admin-page">
      <AdminTabs current="admin-imports" />
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      <form
        className="admin-card admin-form"
        data-testid="admin-import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(true);
        }}
      >
        <div className="admin-filters">
          <label className="admin-field">
            <span>{m.kind}</span>
            <select
              name="kind"
              value={kind}
              onChange={(e) =>
                updateQuery({ kind: e.target.value === 'enterprises' ? null : e.target.value })
              }
            >
              {importKinds.map((k) => (
                <option key={k} value={k}>
                  {m[kindLabel[k]]}
                </option>
              ))}
            </select>
          </label>
          <label className="admin-field">
            <span>{m.format}</span>
            <select
              name="format"
              value={format ?? ''}
              onChange={(e) => updateQuery({ format: e.target.value })}
            >
              <option value="">{m.formatAuto}</option>
              {fileFormats.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="admin-field">
            <span>{m.preset}</span>
            <select
              name="preset"
              value={preset ?? ''}
              onChange={(e) => updateQuery({ preset: e.target.value })}
            >
              <option value="">{m.presetNone}</option>
              {presetNames.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="admin-field">
            <span>{m.source}</span>
            <input name="source" value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} />
          </label>
          <label className="admin-field">
            <span>{m.asOf}</span>
            <input name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </label>
        </div>
        <p className="admin-muted">{m.mappingNote}</p>
        <label className="admin-field">
          <span>{m.file}</span>
          <input
            type="file"
            name="file"
            data-testid="admin-import-file"
            accept=".csv,.xlsx,.json,.jsonl,.yaml,.yml,.txt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            data-testid="admin-import-dry-run"
            disabled={file === null || action.state.status === 'running'}
          >
            {m.dryRun}
          </button>
          <button
            type="button"
            className="button"
            data-testid="admin-import-commit"
            disabled={!canCommit}
            onClick={() => void action.run(false)}
          >
            {m.commit}
          </button>
        </div>
        {dryRunOf !== null && dryRunOf !== fingerprint && <p className="admin-muted">{m.fileChanged}</p>}
      </form>
      {action.state.status === 'running' && <LoadingNotice label={m.running} />}
      {action.state.status === 'error' && <ErrorNotice error={action.state.error} />}
      {action.state.status === 'done' && <ImportReport summary={action.state.result} />}
    </section>
  );
}

function ImportReport({ summary }: { summary: ImportSummary }) {
  const m = useMessages(adminImportsMessages);
  const language = useLanguage();
  const counts = [
    ['accepted', summary.accepted],
    ['created', summary.created],
    ['updated', summary.updated],
    ['unchanged', summary.unchanged],
    ['rejectedRows', summary.rejectedRows],
    ['unplaced', summary.unplaced],
    ['located', summary.located],
  ] as const;
  return (
    <section
      className="admin-card"
      data-testid={summary.dryRun ? 'admin-import-dry-run-report' : 'admin-import-final-report'}
    >
      <h2>{summary.dryRun ? m.dryRunReport : m.finalReport}</h2>
      <p className="admin-muted">
        {m.fileLine(summary.file, summary.format, summary.encoding, summary.rows, summary.seconds)}
      </p>
      <dl className="admin-counts">
        {counts.map(([key, value]) => (
          <div
            key={key}
            className={key === 'rejectedRows' && value > 0 ? 'admin-count admin-count-bad' : 'admin-count'}
            data-testid={`admin-import-count-${key}`}
          >
            <dt>{m[key]}</dt>
            <dd>{formatCount(language, value)}</dd>
          </div>
        ))}
      </dl>
      {summary.importId && <p className="admin-muted">{m.importId(summary.importId)}</p>}
      <h3>{m.rejectedTitle}</h3>
      {summary.rejected.length === 0 ? (
        <p className="notice notice-quiet">{m.noRejected}</p>
      ) : (
        <table className="admin-table" data-testid="admin-import-rejected">
          <thead>
            <tr>
              <th className="admin-number">{m.line}</th>
              <th>{m.field}</th>
              <th>{m.reason}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rejected.map((row, index) => (
              // A line can be rejected for several fields; the position keeps keys unique.
              <tr key={`${row.line}:${row.field}:${index}`}>
                <td className="admin-number">{row.line}</td>
                <td>{row.field}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.review.length > 0 && (
        <>
          <h3>{m.reviewTitle(summary.review.length, summary.reviewTotal)}</h3>
          <table className="admin-table" data-testid="admin-import-review">
            <thead>
              <tr>
                <th className="admin-number">{m.line}</th>
                <th>{m.name}</th>
                <th>{m.reason}</th>
                <th>{m.similar}</th>
              </tr>
            </thead>
            <tbody>
              {summary.review.map((item) => (
                <tr key={`${item.line}:${item.id}`}>
                  <td className="admin-number">{item.line}</td>
                  <td>{item.name}</td>
                  <td>{item.reason}</td>
                  <td>{item.similar.map((s) => s.name).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {summary.dryRun && <p className="admin-muted">{m.commitHint}</p>}
    </section>
  );
}
