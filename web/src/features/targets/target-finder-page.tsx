import { useMemo, useState } from 'react';
import type { ShortlistBody, TargetPageBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { maxExportRows } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { PageNav } from '../../components/page-nav.tsx';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { downloadTargets } from './api/export-targets.ts';
import { useChainLinks, useChainOptions, useDistrictOptions } from './api/get-scope-options.ts';
import { useTargets } from './api/get-targets.ts';
import { useWeightProfiles } from './api/get-weight-profiles.ts';
import { addToShortlist, removeFromShortlist, useShortlist } from './api/shortlist.ts';
import { ShortlistPanel } from './shortlist-panel.tsx';
import { TargetCard } from './target-card.tsx';
import {
  boards,
  filterPatch,
  hasScope,
  provinces,
  qualityThresholds,
  readTargetFilters,
  type TargetFilters,
  targetPageSize,
} from './target-filters.ts';
import { targetsMessages } from './targets.messages.ts';
import './targets.css';

export function TargetFinderPage({ query }: PageProps<'targets'>) {
  const m = useMessages(targetsMessages);
  const filters = useMemo(() => readTargetFilters(query), [query]);
  const openId = query.get('open') ?? '';
  const shortlist = useShortlistState();

  return (
    <section className="page targets-page">
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      <TargetFilterBar filters={filters} />
      <div className="targets-layout">
        <div className="targets-main">
          {hasScope(filters) ? (
            <TargetResults filters={filters} openId={openId} shortlist={shortlist} />
          ) : (
            <p className="notice" data-testid="targets-choose-scope">
              {m.chooseScope}
            </p>
          )}
        </div>
        <ShortlistPanel shortlist={shortlist} />
      </div>
    </section>
  );
}

export interface ShortlistState {
  status: 'loading' | 'error' | 'success';
  error: unknown;
  items: ShortlistBody['items'];
  ids: Set<string>;
  pending: string | null;
  changeError: unknown;
  toggle: (enterpriseId: string) => void;
  retry: () => void;
}

/** The server's shortlist, replaced by the list each change answers with. */
function useShortlistState(): ShortlistState {
  const query = useShortlist();
  const [changed, setChanged] = useState<ShortlistBody | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [changeError, setChangeError] = useState<unknown>(null);
  const current = changed ?? (query.status === 'success' ? query.data : null);
  const items = current?.items ?? [];
  const ids = new Set(items.map((item) => item.enterpriseId));
  const toggle = (enterpriseId: string) => {
    setPending(enterpriseId);
    setChangeError(null);
    const change = ids.has(enterpriseId) ? removeFromShortlist : addToShortlist;
    change(enterpriseId).then(
      (list) => {
        setChanged(list);
        setPending(null);
      },
      (error: unknown) => {
        setChangeError(error);
        setPending(null);
      },
    );
  };
  return {
    status: current ? 'success' : query.status,
    error: query.status === 'error' ? query.error : null,
    items,
    ids,
    pending,
    changeError,
    toggle,
    retry: query.retry,
  };
}

function TargetFilterBar({ filters }: { filters: TargetFilters }) {
  const m = useMessages(targetsMessages);
  const language = useLanguage();
  const chains = useChainOptions();
  const districts = useDistrictOptions();
  const links = useChainLinks(filters.chain);
  const profiles = useWeightProfiles();
  const set = (key: keyof Omit<TargetFilters, 'page'>) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    updateQuery(filterPatch(key, event.target.value));

  return (
    <form className="targets-filters" data-testid="targets-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{m.chain}</span>
        <select value={filters.chain} onChange={set('chain')} data-testid="filter-chain">
          <option value="">{m.any}</option>
          {chains.status === 'success' &&
            chains.data.items.map((chain) => (
              <option key={chain.id} value={chain.id}>
                {pickName(language, chain)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span>{m.link}</span>
        <select
          value={filters.link}
          onChange={set('link')}
          disabled={filters.chain === ''}
          data-testid="filter-link"
        >
          <option value="">{m.allLinks}</option>
          {links.status === 'success' &&
            links.data.map((link) => (
              <option key={link.id} value={link.id}>
                {pickName(language, link)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span>{m.district}</span>
        <select value={filters.district} onChange={set('district')} data-testid="filter-district">
          <option value="">{m.cityWide}</option>
          {districts.status === 'success' &&
            districts.data.items.map((district) => (
              <option key={district.code} value={district.code}>
                {pickName(language, district)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span>{m.province}</span>
        <select value={filters.province} onChange={set('province')} data-testid="filter-province">
          <option value="">{m.any}</option>
          {withCurrent(provinces, filters.province).map((province) => (
            <option key={province} value={province}>
              {province}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{m.board}</span>
        <select value={filters.board} onChange={set('board')} data-testid="filter-board">
          <option value="">{m.any}</option>
          {withCurrent(boards, filters.board).map((board) => (
            <option key={board} value={board}>
              {board}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{m.minQuality}</span>
        <select value={filters.minQuality} onChange={set('minQuality')} data-testid="filter-quality">
          <option value="">{m.any}</option>
          {withCurrent(qualityThresholds, filters.minQuality).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{m.profile}</span>
        <select value={filters.profile} onChange={set('profile')} data-testid="filter-profile">
          {profiles.status === 'success' ? (
            withCurrent(
              profiles.data.items.map((p) => p.name),
              filters.profile === '' ? 'default' : filters.profile,
            ).map((name) => (
              <option key={name} value={name === 'default' ? '' : name}>
                {name}
              </option>
            ))
          ) : (
            <option value="">default</option>
          )}
        </select>
      </label>
    </form>
  );
}

/** The options, plus a value from the address that is not among them, so the select shows what is applied. */
function withCurrent(options: readonly string[], current: string): string[] {
  return current === '' || options.includes(current) ? [...options] : [...options, current];
}

function TargetResults({
  filters,
  openId,
  shortlist,
}: {
  filters: TargetFilters;
  openId: string;
  shortlist: ShortlistState;
}) {
  const m = useMessages(targetsMessages);
  const targets = useTargets(filters);
  if (targets.status === 'loading') return <LoadingNotice label={m.loading} />;
  if (targets.status === 'error') return <ErrorNotice error={targets.error} onRetry={targets.retry} />;
  return <TargetList page={targets.data} filters={filters} openId={openId} shortlist={shortlist} />;
}

function TargetList({
  page,
  filters,
  openId,
  shortlist,
}: {
  page: TargetPageBody;
  filters: TargetFilters;
  openId: string;
  shortlist: ShortlistState;
}) {
  const m = useMessages(targetsMessages);
  return (
    <>
      <div className="targets-toolbar">
        <div>
          <p className="page-summary targets-summary" data-testid="targets-summary">
            {m.summary(page.total, page.vetoedCount)}
          </p>
          <p className="targets-profile">
            {m.profileUsed(page.profile.name, page.profile.version)} · {page.scope.name}
            {page.scope.link ? ` · ${page.scope.link.name}` : ''}
          </p>
        </div>
        <ExportButtons filters={filters} disabled={page.total === 0} />
      </div>
      {page.items.length === 0 ? (
        <p className="notice" data-testid="targets-empty">
          {m.empty}
        </p>
      ) : (
        <ol className="targets-list" data-testid="targets-list">
          {page.items.map((target) => (
            <TargetCard
              key={target.id}
              target={target}
              weights={page.profile.weights}
              open={openId === target.id}
              onToggleOpen={() => updateQuery({ open: openId === target.id ? null : target.id })}
              shortlisted={shortlist.ids.has(target.id)}
              shortlistBusy={shortlist.pending === target.id}
              onToggleShortlist={() => shortlist.toggle(target.id)}
            />
          ))}
        </ol>
      )}
      <PageNav
        page={page.page}
        pageSize={targetPageSize}
        total={page.total}
        onPage={(next) => updateQuery({ page: next, open: null })}
        testId="targets-pages"
      />
    </>
  );
}

function ExportButtons({ filters, disabled }: { filters: TargetFilters; disabled: boolean }) {
  const m = useMessages(targetsMessages);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setError(null);
    downloadTargets(filters, format).then(
      () => setBusy(null),
      (failure: unknown) => {
        setBusy(null);
        setError(failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));
      },
    );
  };
  return (
    <div className="targets-export" title={m.exportHint(maxExportRows)}>
      <button
        type="button"
        className="button button-small"
        disabled={disabled || busy !== null}
        onClick={() => run('csv')}
        data-testid="export-csv"
      >
        {busy === 'csv' ? m.exporting : m.exportCsv}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={disabled || busy !== null}
        onClick={() => run('xlsx')}
        data-testid="export-xlsx"
      >
        {busy === 'xlsx' ? m.exporting : m.exportXlsx}
      </button>
      {error && (
        <p className="targets-export-error" role="alert">
          {m.exportFailed}
          {error}
        </p>
      )}
    </div>
  );
}
