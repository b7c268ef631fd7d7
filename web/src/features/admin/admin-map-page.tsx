import { type FormEvent, useMemo, useRef, useState } from 'react';
import {
  type ChainDetail,
  chainDetailSchema,
  type Stage,
} from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { adminMessages } from './admin.messages.ts';
import { adminMapMessages } from './admin-map.messages.ts';
import { AdminTabs } from './admin-tabs.tsx';
import { useEditedChain } from './api/get-chain-detail.ts';
import { useAdminChains } from './api/get-chains.ts';
import {
  addFeeds,
  addLink,
  type MapChange,
  moveEnterprise,
  removeFeeds,
  renameLink,
  retireLink,
} from './api/map-edits.ts';
import { useEnterpriseSearch } from './api/search-enterprises.ts';
import { ChangeRecord } from './change-record.tsx';
import { MapEditorCanvas } from './map-editor-canvas.tsx';
import { Pagination, pageFrom, pageOf } from './pagination.tsx';
import { editorStages, feedKey, parseFeedKey, toEditorElements } from './to-editor-elements.ts';
import { useAction } from './use-action.ts';
import './admin.css';

export function AdminMapPage({ query }: PageProps<'admin-map'>) {
  const m = useMessages(adminMapMessages);
  const language = useLanguage();
  const chains = useAdminChains();
  const chainId = query.get('chain') ?? '';

  return (
    <section className="page admin-page">
      <AdminTabs current="admin-map" />
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      {chains.status === 'loading' && <LoadingNotice label={m.loadingChains} />}
      {chains.status === 'error' && <ErrorNotice error={chains.error} onRetry={chains.retry} />}
      {chains.status === 'success' && (
        <label className="admin-field admin-field-inline">
          <span>{m.chain}</span>
          <select
            value={chainId}
            data-testid="admin-map-chain"
            onChange={(event) =>
              updateQuery({ chain: event.target.value, link: null, feed: null, lpage: null, fpage: null })
            }
          >
            <option value="">{m.chooseChain}</option>
            {chains.data.items.map((chain) => (
              <option key={chain.id} value={chain.id}>
                {pickName(language, chain)}
              </option>
            ))}
          </select>
        </label>
      )}
      {chainId === '' ? (
        <p className="notice notice-quiet">{m.chooseChain}</p>
      ) : (
        <MapEditor
          key={chainId}
          chainId={chainId}
          linkId={query.get('link')}
          feed={query.get('feed')}
          pages={{ links: pageFrom(query, 'lpage'), feeds: pageFrom(query, 'fpage') }}
        />
      )}
    </section>
  );
}

interface ListPages {
  links: number;
  feeds: number;
}

function MapEditor({
  chainId,
  linkId,
  feed,
  pages,
}: {
  chainId: string;
  linkId: string | null;
  feed: string | null;
  pages: ListPages;
}) {
  const m = useMessages(adminMapMessages);
  const [revision, setRevision] = useState(0);
  const [lastChange, setLastChange] = useState<MapChange | null>(null);
  const query = useEditedChain(chainId, revision);
  // While an edit's reread is under way the last map stays on screen, so the canvas does not blink.
  const shown = useRef<ChainDetail | null>(null);
  if (query.status === 'success') shown.current = query.data;

  const edited = (change: MapChange) => {
    setLastChange(change);
    setRevision((n) => n + 1);
  };

  if (query.status === 'error')
    return <ErrorNotice error={query.error} onRetry={query.retry} notFoundText={m.chainMissing} />;
  if (!shown.current) return <LoadingNotice label={m.loadingChain} />;
  return (
    <ChainEditor
      chain={shown.current}
      refreshing={query.status === 'loading'}
      linkId={linkId}
      feed={feed}
      pages={pages}
      lastChange={lastChange}
      onEdited={edited}
    />
  );
}

interface ChainEditorProps {
  chain: ChainDetail;
  refreshing: boolean;
  linkId: string | null;
  feed: string | null;
  pages: ListPages;
  lastChange: MapChange | null;
  onEdited: (change: MapChange) => void;
}

const listPageSize = 20;

function ChainEditor({ chain, refreshing, linkId, feed, pages, lastChange, onEdited }: ChainEditorProps) {
  const m = useMessages(adminMapMessages);
  const language = useLanguage();
  const elements = useMemo(() => toEditorElements(chain, language), [chain, language]);
  const [drawSource, setDrawSource] = useState<string | null>(null);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const foreign of chain.foreignLinks) map.set(foreign.id, pickName(language, foreign));
    for (const link of chain.links) map.set(link.id, pickName(language, link));
    return map;
  }, [chain, language]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const selectedLink = chain.links.find((link) => link.id === linkId) ?? null;
  const selectedFeed = feed ? parseFeedKey(feed) : null;

  // A FEEDS edit names the version of the supplier's chain, which for a foreign link is another chain.
  const versionOf = async (linkIdOfFrom: string): Promise<number> => {
    if (chain.links.some((link) => link.id === linkIdOfFrom)) return chain.version;
    const foreign = chain.foreignLinks.find((link) => link.id === linkIdOfFrom);
    if (!foreign) return chain.version;
    const other = await apiGet(`/api/chains/${encodeURIComponent(foreign.chainId)}`, chainDetailSchema);
    return other.version;
  };

  const feedAction = useAction(async (kind: 'add' | 'remove', from: string, to: string) => {
    const body = { version: await versionOf(from), from, to };
    const change = kind === 'add' ? await addFeeds(body) : await removeFeeds(body);
    onEdited(change);
    if (kind === 'remove') updateQuery({ feed: null });
    else updateQuery({ feed: feedKey(from, to), link: null });
    return change;
  });

  const tapNode = (id: string) => {
    if (drawSource !== null) {
      if (id !== drawSource) void feedAction.run('add', drawSource, id);
      setDrawSource(null);
      return;
    }
    if (chain.links.some((link) => link.id === id)) updateQuery({ link: id, feed: null });
  };

  return (
    <div className="admin-map" data-testid="admin-map-editor" aria-busy={refreshing}>
      <p className="admin-map-meta">
        <strong>{pickName(language, chain)}</strong>
        <span>{m.version(chain.version)}</span>
      </p>
      {drawSource !== null && (
        <div className="notice admin-draw-hint" data-testid="admin-draw-hint">
          <span>{m.drawHint(nameOf(drawSource))}</span>
          <button type="button" className="button button-small" onClick={() => setDrawSource(null)}>
            {m.drawCancel}
          </button>
        </div>
      )}
      <div className="admin-map-layout">
        <div className="admin-map-stage">
          {chain.links.length === 0 ? (
            <p className="notice notice-quiet">{m.noLinks}</p>
          ) : (
            <MapEditorCanvas
              elements={elements}
              selectedLinkId={linkId}
              selectedFeed={feed}
              drawSource={drawSource}
              onTapNode={tapNode}
              onTapFeed={(from, to) => updateQuery({ feed: feedKey(from, to), link: null })}
              onTapBackground={() => updateQuery({ link: null, feed: null })}
              label={m.mapLabel(pickName(language, chain))}
            />
          )}
        </div>
        <aside className="admin-map-panel" data-testid="admin-map-panel">
          {feedAction.state.status === 'error' && <ErrorNotice error={feedAction.state.error} />}
          {lastChange && <ChangeRecord change={lastChange} />}
          {selectedLink && (
            <LinkEditor
              key={`${selectedLink.id}:${chain.version}`}
              chain={chain}
              link={selectedLink}
              onEdited={onEdited}
              onDraw={() => setDrawSource(selectedLink.id)}
            />
          )}
          {selectedFeed && (
            <section className="admin-card" data-testid="admin-feed-editor">
              <h2>{m.selectedFeed}</h2>
              <p>{m.feedLabel(nameOf(selectedFeed.from), nameOf(selectedFeed.to))}</p>
              <button
                type="button"
                className="button admin-button-danger"
                data-testid="admin-feed-delete"
                disabled={feedAction.state.status === 'running'}
                onClick={() => void feedAction.run('remove', selectedFeed.from, selectedFeed.to)}
              >
                {m.deleteFeed}
              </button>
            </section>
          )}
          <AddLinkForm chain={chain} onEdited={onEdited} />
          <AddFeedForm chain={chain} nameOf={nameOf} onAdd={(from, to) => feedAction.run('add', from, to)} />
          <MoveEnterpriseForm chain={chain} onEdited={onEdited} />
        </aside>
      </div>
      <div className="admin-map-lists">
        <section>
          <h2>{m.links}</h2>
          <ul className="admin-list" data-testid="admin-map-links">
            {pageOf(chain.links, pages.links, listPageSize).map((link) => (
              <li key={link.id} className={link.id === linkId ? 'admin-list-selected' : undefined}>
                <button
                  type="button"
                  className="link-button"
                  data-testid={`admin-map-link-${link.id}`}
                  onClick={() => updateQuery({ link: link.id, feed: null })}
                >
                  {pickName(language, link)}
                </button>
                <span className={`stage-tag stage-tag-${link.stage}`}>
                  <StageName stage={link.stage} />
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            page={pages.links}
            pageSize={listPageSize}
            total={chain.links.length}
            onPage={(p) => updateQuery({ lpage: p })}
            testId="admin-map-links-pages"
          />
        </section>
        <section>
          <h2>{m.feeds}</h2>
          {chain.feeds.length === 0 ? (
            <p className="notice notice-quiet">{m.noFeeds}</p>
          ) : (
            <ul className="admin-list" data-testid="admin-map-feeds">
              {pageOf(chain.feeds, pages.feeds, listPageSize).map((edge) => {
                const key = feedKey(edge.from, edge.to);
                return (
                  <li key={key} className={key === feed ? 'admin-list-selected' : undefined}>
                    <button
                      type="button"
                      className="link-button"
                      data-testid={`admin-map-feed-${key}`}
                      onClick={() => updateQuery({ feed: key, link: null })}
                    >
                      {m.feedLabel(nameOf(edge.from), nameOf(edge.to))}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <Pagination
            page={pages.feeds}
            pageSize={listPageSize}
            total={chain.feeds.length}
            onPage={(p) => updateQuery({ fpage: p })}
            testId="admin-map-feeds-pages"
          />
        </section>
      </div>
    </div>
  );
}

function StageName({ stage }: { stage: Stage }) {
  const m = useMessages(adminMessages);
  return <>{m[stage]}</>;
}

function LinkEditor({
  chain,
  link,
  onEdited,
  onDraw,
}: {
  chain: ChainDetail;
  link: ChainDetail['links'][number];
  onEdited: (change: MapChange) => void;
  onDraw: () => void;
}) {
  const m = useMessages(adminMapMessages);
  const common = useMessages(adminMessages);
  const [name, setName] = useState(link.name);
  const [nameEn, setNameEn] = useState(link.nameEn);
  const [confirming, setConfirming] = useState(false);
  const rename = useAction(async () => {
    const change = await renameLink(link.id, { version: chain.version, name, nameEn });
    onEdited(change);
    return change;
  });
  const retire = useAction(async () => {
    const change = await retireLink(link.id, { version: chain.version });
    onEdited(change);
    updateQuery({ link: null });
    return change;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void rename.run();
  };

  return (
    <section className="admin-card" data-testid="admin-link-editor">
      <h2>
        {m.selectedLink}: <span data-testid="admin-link-editor-name">{link.name}</span>
      </h2>
      <p className="admin-muted">
        <code>{link.id}</code> · <StageName stage={link.stage} />
      </p>
      <form className="admin-form" onSubmit={submit} data-testid="admin-rename-form">
        <label className="admin-field">
          <span>{m.name}</span>
          <input name="name" value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{m.nameEn}</span>
          <input name="nameEn" value={nameEn} maxLength={120} onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={rename.state.status === 'running'}>
          {rename.state.status === 'running' ? common.saving : m.rename}
        </button>
      </form>
      {rename.state.status === 'error' && <ErrorNotice error={rename.state.error} />}
      <div className="admin-actions">
        <button type="button" className="button" data-testid="admin-draw-feed" onClick={onDraw}>
          {m.drawFrom}
        </button>
        {!confirming ? (
          <button
            type="button"
            className="button admin-button-danger"
            data-testid="admin-retire-link"
            onClick={() => setConfirming(true)}
          >
            {m.retire}
          </button>
        ) : (
          <div className="admin-confirm" role="alertdialog" aria-label={m.retire}>
            <p>{m.retireConfirm}</p>
            <button
              type="button"
              className="button admin-button-danger"
              data-testid="admin-retire-confirm"
              disabled={retire.state.status === 'running'}
              onClick={() => void retire.run()}
            >
              {m.confirmRetire}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {common.cancel}
            </button>
          </div>
        )}
      </div>
      {retire.state.status === 'error' && <ErrorNotice error={retire.state.error} />}
    </section>
  );
}

/** A suggested link id: the chain's id and the English name as lower-case words. */
export function suggestLinkId(chainId: string, nameEn: string): string {
  const words = nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words === '' ? '' : `${chainId}-${words}`.slice(0, 80).replace(/-+$/, '');
}

function AddLinkForm({ chain, onEdited }: { chain: ChainDetail; onEdited: (change: MapChange) => void }) {
  const m = useMessages(adminMapMessages);
  const common = useMessages(adminMessages);
  const [stage, setStage] = useState<Stage>('upstream');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const linkId = idTouched ? id : suggestLinkId(chain.id, nameEn);
  const add = useAction(async () => {
    const change = await addLink(chain.id, { version: chain.version, id: linkId, stage, name, nameEn });
    onEdited(change);
    setName('');
    setNameEn('');
    setId('');
    setIdTouched(false);
    updateQuery({ link: linkId, feed: null });
    return change;
  });

  return (
    <details className="admin-card">
      <summary>{m.addLinkTitle}</summary>
      <form
        className="admin-form"
        data-testid="admin-add-link-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add.run();
        }}
      >
        <label className="admin-field">
          <span>{m.stage}</span>
          <select name="stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
            {editorStages.map((s) => (
              <option key={s} value={s}>
                {common[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{m.name}</span>
          <input name="name" value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{m.nameEn}</span>
          <input name="nameEn" value={nameEn} maxLength={120} onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{m.linkId}</span>
          <input
            name="id"
            value={linkId}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            title={m.linkIdHint}
            onChange={(e) => {
              setIdTouched(true);
              setId(e.target.value);
            }}
          />
          <small className="admin-muted">{m.linkIdHint}</small>
        </label>
        <button type="submit" className="button" disabled={add.state.status === 'running'}>
          {add.state.status === 'running' ? common.saving : m.addLink}
        </button>
      </form>
      {add.state.status === 'error' && <ErrorNotice error={add.state.error} />}
    </details>
  );
}

function AddFeedForm({
  chain,
  nameOf,
  onAdd,
}: {
  chain: ChainDetail;
  nameOf: (id: string) => string;
  onAdd: (from: string, to: string) => Promise<unknown>;
}) {
  const m = useMessages(adminMapMessages);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const options = [...chain.links.map((link) => link.id), ...chain.foreignLinks.map((link) => link.id)];
  const unique = [...new Set(options)];
  return (
    <details className="admin-card">
      <summary>{m.addFeedTitle}</summary>
      <form
        className="admin-form"
        data-testid="admin-add-feed-form"
        onSubmit={(event) => {
          event.preventDefault();
          void onAdd(from, to);
        }}
      >
        {(
          [
            ['from', from, setFrom, m.from],
            ['to', to, setTo, m.to],
          ] as const
        ).map(([field, value, set, label]) => (
          <label key={field} className="admin-field">
            <span>{label}</span>
            <select name={field} value={value} required onChange={(e) => set(e.target.value)}>
              <option value="">{m.pickLink}</option>
              {unique.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="button" disabled={from === '' || to === '' || from === to}>
          {m.addFeed}
        </button>
      </form>
    </details>
  );
}

function MoveEnterpriseForm({
  chain,
  onEdited,
}: {
  chain: ChainDetail;
  onEdited: (change: MapChange) => void;
}) {
  const m = useMessages(adminMapMessages);
  const language = useLanguage();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [toLinkId, setToLinkId] = useState('');
  return (
    <details className="admin-card">
      <summary>{m.moveTitle}</summary>
      <form
        className="admin-form admin-form-row"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(text.trim());
          setChosenId(null);
        }}
      >
        <input
          name="q"
          aria-label={m.searchEnterprise}
          placeholder={m.searchEnterprise}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={text.trim() === ''}>
          {m.searchEnterprise}
        </button>
      </form>
      {q !== '' && (
        <EnterpriseResults
          q={q}
          chosenId={chosenId}
          onChoose={setChosenId}
          render={(enterprise) => (
            <MoveForm
              key={enterprise.id}
              enterprise={enterprise}
              toLinkId={toLinkId}
              setToLinkId={setToLinkId}
              links={chain.links.map((link) => ({ id: link.id, name: pickName(language, link) }))}
              onMove={async () => {
                const change = await moveEnterprise(enterprise.id, {
                  toLinkId,
                  expectedLinks: enterprise.links.map((link) => link.id),
                });
                onEdited(change);
                setQ('');
                setChosenId(null);
                return change;
              }}
            />
          )}
        />
      )}
    </details>
  );
}

type FoundEnterprise = {
  id: string;
  name: string;
  fullName: string;
  links: { id: string; name: string; chainId: string }[];
};

function EnterpriseResults({
  q,
  chosenId,
  onChoose,
  render,
}: {
  q: string;
  chosenId: string | null;
  onChoose: (id: string) => void;
  render: (enterprise: FoundEnterprise) => React.ReactNode;
}) {
  const m = useMessages(adminMapMessages);
  const common = useMessages(adminMessages);
  const found = useEnterpriseSearch(q);
  if (found.status === 'loading') return <LoadingNotice label={m.searching} />;
  if (found.status === 'error') return <ErrorNotice error={found.error} onRetry={found.retry} />;
  if (found.data.items.length === 0) return <p className="notice notice-quiet">{m.noEnterprises}</p>;
  const chosen = found.data.items.find((e) => e.id === chosenId);
  if (chosen) return render(chosen);
  return (
    <ul className="admin-list" data-testid="admin-enterprise-results">
      {found.data.items.map((enterprise) => (
        <li key={enterprise.id}>
          <span>
            {enterprise.name}
            <small className="admin-muted">
              {' '}
              {enterprise.links.length === 0
                ? m.noCurrentLinks
                : m.currentLinks(enterprise.links.map((l) => l.name).join('、') || common.none)}
            </small>
          </span>
          <button type="button" className="button button-small" onClick={() => onChoose(enterprise.id)}>
            {m.choose}
          </button>
        </li>
      ))}
    </ul>
  );
}

function MoveForm({
  enterprise,
  links,
  toLinkId,
  setToLinkId,
  onMove,
}: {
  enterprise: FoundEnterprise;
  links: { id: string; name: string }[];
  toLinkId: string;
  setToLinkId: (id: string) => void;
  onMove: () => Promise<MapChange>;
}) {
  const m = useMessages(adminMapMessages);
  const common = useMessages(adminMessages);
  const move = useAction(onMove);
  return (
    <form
      className="admin-form"
      data-testid="admin-move-form"
      onSubmit={(event) => {
        event.preventDefault();
        void move.run();
      }}
    >
      <p>{m.chosen(enterprise.name)}</p>
      <p className="admin-muted">
        {enterprise.links.length === 0
          ? m.noCurrentLinks
          : m.currentLinks(enterprise.links.map((l) => l.name).join('、'))}
      </p>
      <label className="admin-field">
        <span>{m.newLink}</span>
        <select value={toLinkId} required onChange={(e) => setToLinkId(e.target.value)}>
          <option value="">{m.pickLink}</option>
          {links.map((link) => (
            <option key={link.id} value={link.id}>
              {link.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={toLinkId === '' || move.state.status === 'running'}>
        {move.state.status === 'running' ? common.saving : m.move}
      </button>
      {move.state.status === 'error' && <ErrorNotice error={move.state.error} />}
    </form>
  );
}
