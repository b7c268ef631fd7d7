import { useState } from 'react';
import type { ProposalBody } from '../../../../api/src/http/schemas/joint.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { enterpriseHref, href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { actOnProposal, type ProposalActionName, useProposal } from './api/proposal-queries.ts';
import {
  changedLines,
  counterTerms,
  describeTerms,
  type Names,
  sharesAsPercent,
  type TermLabels,
} from './describe-terms.ts';
import { formatTime } from './proposal-inbox-page.tsx';
import { proposalsMessages } from './proposals.messages.ts';
import './proposals.css';

type Messages = (typeof proposalsMessages)['zh-CN'];

function termLabels(m: Messages): TermLabels {
  return {
    fixed: m.fixed,
    weighted: m.weighted,
    shapley: m.shapley,
    taper: m.taper,
    stock: m.stock,
    coordinator: m.coordinatorLine,
    city: m.city,
    statisticsFull: m.statisticsFull,
    statisticsSplit: m.statisticsSplit,
    term: m.term,
    projection: m.projection,
  };
}

export function ProposalPage({ params, query }: PageProps<'proposal'>) {
  const m = useMessages(proposalsMessages);
  const proposal = useProposal(params.proposalId);
  // A successful action answers with the new proposal; it replaces the one read until the next reload.
  const [latest, setLatest] = useState<ProposalBody | null>(null);
  const shown = latest ?? (proposal.status === 'success' ? proposal.data : null);
  const reload = () => {
    setLatest(null);
    proposal.retry();
  };

  return (
    <section className="page proposals-page">
      <nav className="breadcrumb">
        <a href={href('proposals', {})}>{m.back}</a>
      </nav>
      {shown === null && proposal.status === 'loading' && <LoadingNotice />}
      {shown === null &&
        proposal.status === 'error' &&
        (proposal.error instanceof ApiError && proposal.error.status === 403 ? (
          <p className="notice notice-error" role="alert">
            {m.forbidden}
          </p>
        ) : (
          <ErrorNotice error={proposal.error} onRetry={proposal.retry} notFoundText={m.notFound} />
        ))}
      {shown !== null && (
        <ProposalView
          key={shown.version}
          proposal={shown}
          metric={query.get('metric') ?? 'tax'}
          onChanged={setLatest}
          onReload={reload}
        />
      )}
    </section>
  );
}

function ProposalView({
  proposal,
  metric,
  onChanged,
  onReload,
}: {
  proposal: ProposalBody;
  metric: string;
  onChanged: (p: ProposalBody) => void;
  onReload: () => void;
}) {
  const m = useMessages(proposalsMessages);
  const names: Names = Object.fromEntries(proposal.parties.map((p) => [p.code, p.name]));
  const labels = termLabels(m);
  const stepName = (action: string) =>
    ({
      create: m.createAction,
      propose: m.proposeAction,
      counter: m.counterAction,
      accept: m.acceptAction,
      reject: m.rejectAction,
      withdraw: m.withdrawAction,
    })[action] ?? action;

  let previousTerms: string[] | null = null;
  const history = proposal.history.map((step) => {
    const lines = step.terms ? describeTerms(step.terms, names, labels) : null;
    const changes = lines ? changedLines(previousTerms, lines) : [];
    if (lines) previousTerms = lines;
    return { step, changes };
  });

  return (
    <>
      <header className="page-header">
        <div className="proposals-title-row">
          <h1 data-testid="proposal-title">{proposal.title}</h1>
          <span className={`proposals-state proposals-state-${proposal.state}`} data-testid="proposal-state">
            {m[proposal.state]}
          </span>
          <span className="proposals-muted" data-testid="proposal-version">
            {m.version(proposal.version)}
          </span>
        </div>
        <p className="proposals-meta">
          <span>
            {m.target}：
            {proposal.target.kind === 'enterprise' ? (
              <a href={enterpriseHref(proposal.target.id)}>{proposal.target.name ?? proposal.target.id}</a>
            ) : (
              proposal.target.id
            )}
          </span>
          <span>
            {m.initiator}：{proposal.initiator.name}
          </span>
          {proposal.agreement ? (
            <span className="proposals-agreed">{m.agreement(formatTime(proposal.agreement.signedAt))}</span>
          ) : (
            ['draft', 'proposed', 'countered'].includes(proposal.state) && (
              <span>{m.expires(formatTime(proposal.expiresAt))}</span>
            )
          )}
        </p>
      </header>

      <div className="proposals-columns">
        <section className="proposals-section" aria-labelledby="proposal-terms">
          <h2 id="proposal-terms">{m.termsTitle}</h2>
          <ul className="proposals-parties" data-testid="proposal-parties">
            {proposal.parties.map((party) => (
              <li key={party.code} data-testid={`party-${party.code}`}>
                <span className="proposals-role">{m[party.role]}</span>
                <strong>{party.name}</strong>
                <span className={party.accepted ? 'proposals-accepted' : 'proposals-muted'}>
                  {party.accepted ? `✓ ${m.acceptedMark}` : m.pendingMark}
                </span>
              </li>
            ))}
          </ul>
          <ul className="proposals-terms" data-testid="proposal-terms">
            {describeTerms(proposal.terms, names, labels).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <ActionPanel proposal={proposal} names={names} onChanged={onChanged} onReload={onReload} />
      </div>

      <BenefitTable proposal={proposal} metric={metric} />

      <section className="proposals-section" aria-labelledby="proposal-history">
        <h2 id="proposal-history">{m.historyTitle}</h2>
        <ol className="proposals-history" data-testid="proposal-history">
          {history.map(({ step, changes }) => (
            <li key={step.version} data-testid={`step-${step.version}`}>
              <div className="proposals-step-head">
                <span className="proposals-step-version">v{step.version}</span>
                <strong>{stepName(step.action)}</strong>
                <span>{m.step(step.actor, names[step.actingFor] ?? step.actingFor)}</span>
                <span className="proposals-muted">{formatTime(step.at)}</span>
                <span className="proposals-muted">
                  {step.fromState ? `${m[step.fromState]} → ` : ''}
                  {m[step.toState]}
                </span>
              </div>
              {changes.length > 0 && (
                <p className="proposals-step-detail">
                  {step.action === 'create' ? m.initialTerms : m.changed}
                  {(step.action === 'create' ? changes.slice(0, 1) : changes).join('；')}
                </p>
              )}
              {step.note && <p className="proposals-step-detail">{m.note(step.note)}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function BenefitTable({ proposal, metric }: { proposal: ProposalBody; metric: string }) {
  const m = useMessages(proposalsMessages);
  const language = useLanguage();
  const { table } = proposal;
  const current = table.metrics.find((x) => x.metric === metric) ?? table.metrics[0];
  if (!current) return null;
  return (
    <section className="proposals-section" aria-labelledby="proposal-table">
      <h2 id="proposal-table">{m.tableTitle}</h2>
      <div className="proposals-metrics">
        {table.metrics.map((x) => (
          <button
            key={x.metric}
            type="button"
            className={x.metric === current.metric ? 'button button-small is-active' : 'button button-small'}
            onClick={() => updateQuery({ metric: x.metric })}
          >
            {x.label}
          </button>
        ))}
      </div>
      <table className="proposals-table proposals-benefits" data-testid="proposal-benefits">
        <thead>
          <tr>
            <th scope="col">
              {m.year}（{current.unit}）
            </th>
            <th scope="col" className="numeric">
              {m.total}
            </th>
            {table.beneficiaries.map((b) => (
              <th key={b.code} scope="col" className="numeric">
                {b.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {current.rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td className="numeric">{formatCount(language, row.total)}</td>
              {table.beneficiaries.map((b) => (
                <td key={b.code} className="numeric">
                  {formatCount(language, row.credited[b.code] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.termTotal}</th>
            <td className="numeric">{formatCount(language, current.totals.total)}</td>
            {table.beneficiaries.map((b) => (
              <td key={b.code} className="numeric">
                {formatCount(language, current.totals.credited[b.code] ?? 0)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function ActionPanel({
  proposal,
  names,
  onChanged,
  onReload,
}: {
  proposal: ProposalBody;
  names: Names;
  onChanged: (p: ProposalBody) => void;
  onReload: () => void;
}) {
  const m = useMessages(proposalsMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [counterFor, setCounterFor] = useState<string | null>(null);

  const act = (
    action: ProposalActionName,
    district: string,
    extra: { terms?: unknown; note?: string } = {},
  ) => {
    setBusy(true);
    setError(null);
    // Admins act for a party they name; district users for their own district, which the API knows.
    const actingFor = proposal.yourActions.length > 1 ? district : undefined;
    actOnProposal(proposal.id, action, { version: proposal.version, actingFor, ...extra }).then(
      (next) => {
        setBusy(false);
        setCounterFor(null);
        onChanged(next);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  const conflict = error instanceof ApiError && error.status === 409;
  const simple: ProposalActionName[] = ['propose', 'accept', 'reject', 'withdraw'];

  return (
    <section className="proposals-section" aria-labelledby="proposal-actions" data-testid="proposal-actions">
      <h2 id="proposal-actions">{m.actionsTitle}</h2>
      {proposal.yourActions.length === 0 && <p className="proposals-muted">{m.readOnly}</p>}
      {proposal.yourActions.map(({ district, actions }) => (
        <div key={district} className="proposals-acting">
          {proposal.yourActions.length > 1 && <h3>{m.actingFor(names[district] ?? district)}</h3>}
          {actions.length === 0 ? (
            <p className="proposals-muted">{m.noActions}</p>
          ) : (
            <div className="proposals-buttons">
              {simple
                .filter((a) => actions.includes(a))
                .map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={
                      action === 'accept' || action === 'propose' ? 'button proposals-primary' : 'button'
                    }
                    disabled={busy}
                    onClick={() => act(action, district)}
                    data-testid={`action-${action}`}
                  >
                    {m[action]}
                  </button>
                ))}
              {actions.includes('counter') && counterFor !== district && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => setCounterFor(district)}
                  data-testid="action-counter"
                >
                  {m.counter}
                </button>
              )}
            </div>
          )}
          {counterFor === district && (
            <CounterForm
              proposal={proposal}
              names={names}
              busy={busy}
              onCancel={() => setCounterFor(null)}
              onSend={(terms, note) => act('counter', district, { terms, ...(note ? { note } : {}) })}
            />
          )}
        </div>
      ))}
      {busy && <p className="proposals-muted">{m.working}</p>}
      {conflict ? (
        <div className="notice notice-error" role="alert" data-testid="proposal-conflict">
          <p className="notice-headline">{m.conflict(conflictVersion(error, m))}</p>
          <button type="button" className="button" onClick={onReload} data-testid="proposal-reload">
            {m.reload}
          </button>
        </div>
      ) : (
        error !== null && <ErrorNotice error={error} />
      )}
    </section>
  );
}

function conflictVersion(error: ApiError, m: Messages): string {
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'currentVersion' in details) {
    const current = details.currentVersion;
    if (typeof current === 'number') return m.conflictVersion(current);
  }
  return '';
}

function CounterForm({
  proposal,
  names,
  busy,
  onCancel,
  onSend,
}: {
  proposal: ProposalBody;
  names: Names;
  busy: boolean;
  onCancel: () => void;
  onSend: (terms: ProposalBody['terms'], note: string) => void;
}) {
  const m = useMessages(proposalsMessages);
  const codes = proposal.parties.map((p) => p.code);
  const [percents, setPercents] = useState(() => sharesAsPercent(proposal.shares, codes));
  const [useTaper, setUseTaper] = useState(proposal.terms.taper !== undefined);
  const [taperAfter, setTaperAfter] = useState(proposal.terms.taper?.afterYears ?? 5);
  const [taperPercents, setTaperPercents] = useState(() =>
    sharesAsPercent(proposal.terms.taper?.shares ?? proposal.shares, codes),
  );
  const [note, setNote] = useState('');
  const sum = (p: Record<string, number>) =>
    Math.round(codes.reduce((s, c) => s + (p[c] ?? 0), 0) * 100) / 100;
  const valid = sum(percents) === 100 && (!useTaper || sum(taperPercents) === 100);

  return (
    <form
      className="proposals-counter"
      data-testid="counter-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        onSend(
          counterTerms(
            proposal.terms,
            percents,
            useTaper ? { afterYears: taperAfter, percents: taperPercents } : null,
          ),
          note.trim(),
        );
      }}
    >
      <h3>{m.counterTitle}</h3>
      <fieldset>
        <legend>{m.counterShares}</legend>
        {codes.map((code) => (
          <label key={code}>
            <span>{names[code] ?? code}</span>
            <input
              type="number"
              min={0}
              max={100}
              step={0.01}
              value={percents[code] ?? 0}
              onChange={(e) => setPercents({ ...percents, [code]: e.target.valueAsNumber || 0 })}
              data-testid={`counter-share-${code}`}
            />
          </label>
        ))}
        <p className={sum(percents) === 100 ? 'proposals-muted' : 'proposals-wrong'}>
          {m.percentSum(sum(percents))}
          {sum(percents) !== 100 && ` · ${m.percentWrong}`}
        </p>
      </fieldset>
      <fieldset>
        <legend>
          <label>
            <input type="checkbox" checked={useTaper} onChange={(e) => setUseTaper(e.target.checked)} />{' '}
            {m.counterTaper}
          </label>
        </legend>
        {useTaper && (
          <>
            <label>
              <span>{m.counterTaperAfter}</span>
              <input
                type="number"
                min={1}
                max={proposal.terms.term.years - 1}
                value={taperAfter}
                onChange={(e) => setTaperAfter(e.target.valueAsNumber || 1)}
              />
            </label>
            {codes.map((code) => (
              <label key={code}>
                <span>{names[code] ?? code}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={0.01}
                  value={taperPercents[code] ?? 0}
                  onChange={(e) =>
                    setTaperPercents({ ...taperPercents, [code]: e.target.valueAsNumber || 0 })
                  }
                />
              </label>
            ))}
            <p className={sum(taperPercents) === 100 ? 'proposals-muted' : 'proposals-wrong'}>
              {m.percentSum(sum(taperPercents))}
            </p>
          </>
        )}
      </fieldset>
      <label className="proposals-note">
        <span>{m.counterNote}</span>
        <textarea
          value={note}
          maxLength={500}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          data-testid="counter-note"
        />
      </label>
      <div className="proposals-buttons">
        <button
          type="submit"
          className="button proposals-primary"
          disabled={busy || !valid}
          data-testid="counter-send"
        >
          {m.counterSend}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
