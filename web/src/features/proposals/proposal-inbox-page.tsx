import { proposalSummarySchema } from '../../../../api/src/http/schemas/joint.schemas.ts';
import { PageNav } from '../../components/page-nav.tsx';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { inboxPageSize, useProposalList } from './api/proposal-queries.ts';
import { proposalsMessages } from './proposals.messages.ts';
import './proposals.css';

const boxes = ['awaiting', 'mine', 'all'] as const;
const proposalStates = proposalSummarySchema.shape.state.options;

export function ProposalInboxPage({ query }: PageProps<'proposals'>) {
  const m = useMessages(proposalsMessages);
  const session = useSession();
  const isDistrict = session?.user.role === 'district';
  // Boxes are a district's folders; analysts and admins read everything.
  const boxParam = query.get('box') ?? '';
  const box = isDistrict ? (boxes.find((b) => b === boxParam) ?? 'awaiting') : 'all';
  const stateParam = query.get('state') ?? '';
  const state = proposalStates.find((s) => s === stateParam) ?? '';
  const pageNumber = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const list = useProposalList({ box, state, page: pageNumber });

  return (
    <section className="page proposals-page">
      <header className="page-header">
        <h1>{m.inboxTitle}</h1>
        <p className="page-intro">{m.inboxIntro}</p>
      </header>
      <div className="proposals-toolbar">
        {isDistrict && (
          <div className="proposals-boxes" role="tablist">
            {boxes.map((b) => (
              <button
                key={b}
                type="button"
                role="tab"
                aria-selected={b === box}
                className={b === box ? 'button button-small is-active' : 'button button-small'}
                onClick={() => updateQuery({ box: b, page: null })}
                data-testid={`box-${b}`}
              >
                {m[b]}
              </button>
            ))}
          </div>
        )}
        <label>
          <span>{m.state}</span>
          <select
            value={state}
            onChange={(e) => updateQuery({ state: e.target.value, page: null })}
            data-testid="proposals-state"
          >
            <option value="">{m.anyState}</option>
            {proposalStates.map((s) => (
              <option key={s} value={s}>
                {m[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.status === 'loading' && <LoadingNotice />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.retry} />}
      {list.status === 'success' &&
        (list.data.items.length === 0 ? (
          <div className="notice" data-testid="proposals-empty">
            <p>{box === 'awaiting' ? m.emptyAwaiting : m.empty}</p>
            <p className="proposals-muted">{m.startHint}</p>
          </div>
        ) : (
          <>
            <table className="proposals-table" data-testid="proposals-table">
              <thead>
                <tr>
                  <th scope="col">{m.colTitle}</th>
                  <th scope="col">{m.colParties}</th>
                  <th scope="col">{m.colState}</th>
                  <th scope="col">{m.colUpdated}</th>
                  <th scope="col" className="numeric">
                    {m.colVersion}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id} data-testid={`proposal-row-${p.id}`}>
                    <td>
                      <a href={href('proposal', { proposalId: p.id })}>{p.title}</a>
                      <span className="proposals-muted proposals-block">
                        {m.initiator}：{p.initiator.name}
                      </span>
                    </td>
                    <td>
                      {p.parties.map((party) => (
                        <span
                          key={party.code}
                          className={party.accepted ? 'proposals-party is-accepted' : 'proposals-party'}
                          title={party.accepted ? m.acceptedMark : m.pendingMark}
                        >
                          {party.accepted ? '✓ ' : ''}
                          {party.name}
                        </span>
                      ))}
                    </td>
                    <td>
                      <span className={`proposals-state proposals-state-${p.state}`}>{m[p.state]}</span>
                    </td>
                    <td>{formatTime(p.updatedAt)}</td>
                    <td className="numeric">{p.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <PageNav
              page={list.data.page}
              pageSize={inboxPageSize}
              total={list.data.total}
              onPage={(page) => updateQuery({ page })}
              testId="proposals-pages"
            />
          </>
        ))}
    </section>
  );
}

/** `2026-11-29T05:40:12.345Z` → `2026-11-29 13:40` in the reader's time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
