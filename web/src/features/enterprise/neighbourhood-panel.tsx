import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeKind } from '../../../../api/src/http/schemas/graph.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { isAbortError } from '../../lib/api-client.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { updateQuery } from '../../lib/routes.ts';
import { useApiQuery } from '../../lib/use-api-query.ts';
import { getNeighbourhood } from './api/get-neighbourhood.ts';
import { useSearchNodes } from './api/search-nodes.ts';
import { enterpriseMessages } from './enterprise.messages.ts';
import {
  type CanvasStatus,
  NeighbourhoodCanvas,
  type NeighbourhoodCanvasHandle,
} from './neighbourhood-canvas.tsx';
import {
  type CanvasNodeData,
  type Expansion,
  expansionStep,
  expansions,
  expansionTypes,
  initialElements,
  planExpansion,
  requestLimit,
} from './neighbourhood-elements.ts';
import { kindColours } from './neighbourhood-style.ts';
import { toDroppableNodes } from './search-nodes.ts';

interface NeighbourhoodPanelProps {
  enterpriseId: string;
  name: string;
  /** First picture: hops and node cap from the address (`?depth=`, `?limit=`). */
  depth: number;
  limit: number;
  /** The canvas search text (`?q=`). */
  q: string;
}

const expansionLabel = (m: (typeof enterpriseMessages)['zh-CN'], expansion: Expansion) =>
  ({
    supplies: m.expandSupplies,
    suppliedBy: m.expandSuppliedBy,
    links: m.expandLinks,
    district: m.expandDistrict,
  })[expansion];

/** The expansions that make sense for a kind of node: firms trade, links hold firms, districts hold parks. */
const expansionsFor = (kind: NodeKind): readonly Expansion[] =>
  kind === 'enterprise'
    ? expansions
    : kind === 'district' || kind === 'park'
      ? ['district', 'links']
      : ['links'];

export function NeighbourhoodPanel({ enterpriseId, name, depth, limit, q }: NeighbourhoodPanelProps) {
  const m = useMessages(enterpriseMessages);
  const language = useLanguage();
  const centreId = `enterprise:${enterpriseId}`;
  const initial = useApiQuery({
    key: `neighbourhood:${centreId}:${depth}:${limit}`,
    fetch: (signal) => getNeighbourhood({ id: centreId, depth, limit }, signal),
  });
  // The query's state object is new on every render; its data only changes with a new answer, and a new
  // `elements` array rebuilds the canvas, dropping every expansion.
  const initialData = initial.status === 'success' ? initial.data : null;
  const elements = useMemo(() => (initialData ? initialElements(initialData) : null), [initialData]);
  const canvas = useRef<NeighbourhoodCanvasHandle>(null);
  const [focus, setFocus] = useState<Pick<CanvasNodeData, 'id' | 'label' | 'kind'>>({
    id: centreId,
    label: name,
    kind: 'enterprise',
  });
  const [status, setStatus] = useState<CanvasStatus>({ nodes: 0, edges: 0, selected: 0, undoDepth: 0 });
  const [last, setLast] = useState<{ anchorId: string; expansion: Expansion; hasMore: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => () => pending.current?.abort(), []);

  const run = async (work: (signal: AbortSignal) => Promise<void>) => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setFailure(null);
    try {
      await work(controller.signal);
    } catch (error) {
      if (!isAbortError(error)) setFailure(error);
    } finally {
      if (pending.current === controller) setBusy(false);
    }
  };

  const expand = (expansion: Expansion) =>
    run(async (signal) => {
      const handle = canvas.current;
      if (!handle) return;
      const anchorId = focus.id;
      const answer = await getNeighbourhood(
        {
          id: anchorId,
          depth: 1,
          limit: requestLimit(handle.neighbourCount(anchorId), expansionStep, expansion),
          types: expansionTypes[expansion],
        },
        signal,
      );
      const plan = planExpansion(answer, anchorId, expansion, handle.nodeIds(), expansionStep);
      handle.addAround(anchorId, plan.nodes, plan.edges);
      setLast({ anchorId, expansion, hasMore: plan.hasMore && plan.nodes.length > 0 });
    });

  const exportPng = async () => {
    const blob = await canvas.current?.png();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `neighbourhood-${enterpriseId}.png`;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started by now; the object URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  if (initial.status === 'loading') return <LoadingNotice label={m.canvasLoading} />;
  if (initial.status === 'error') return <ErrorNotice error={initial.error} onRetry={initial.retry} />;

  const count = (n: number) => formatCount(language, n);
  const showMore = last?.hasMore === true && last.anchorId === focus.id;

  return (
    <div className="enterprise-network">
      <div className="enterprise-toolbar" data-testid="enterprise-toolbar">
        <p className="enterprise-focus" data-testid="canvas-focus">
          {m.focus(focus.label)}
        </p>
        <div className="enterprise-toolbar-row">
          {expansionsFor(focus.kind).map((expansion) => (
            <button
              key={expansion}
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => expand(expansion)}
              data-testid={`expand-${expansion}`}
            >
              + {expansionLabel(m, expansion)}
            </button>
          ))}
          {showMore && last && (
            <button
              type="button"
              className="button button-small enterprise-more"
              disabled={busy}
              onClick={() => expand(last.expansion)}
              data-testid="show-more"
            >
              {m.showMore}
            </button>
          )}
        </div>
        <div className="enterprise-toolbar-row">
          <button
            type="button"
            className="button button-small"
            disabled={status.selected === 0}
            onClick={() => canvas.current?.hideSelected()}
            data-testid="hide-selected"
          >
            {m.hideSelected}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={status.undoDepth === 0}
            onClick={() => canvas.current?.undo()}
            data-testid="undo"
          >
            {m.undo}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => canvas.current?.fit()}
            data-testid="fit"
          >
            {m.fit}
          </button>
          <button type="button" className="button button-small" onClick={exportPng} data-testid="export-png">
            {m.exportPng}
          </button>
          <span className="enterprise-counts" data-testid="canvas-counts" data-nodes={status.nodes}>
            {busy ? m.expanding : m.counts(count(status.nodes), count(status.edges))}
          </span>
        </div>
        {last && !last.hasMore && last.anchorId === focus.id && !busy && (
          <p className="side-panel-muted" data-testid="nothing-more">
            {m.nothingMore}
          </p>
        )}
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <div className="enterprise-canvas-row">
        {elements && (
          <NeighbourhoodCanvas
            ref={canvas}
            initial={elements}
            centreId={centreId}
            label={m.canvasLabel(name)}
            onFocus={(node) => {
              setFocus(node);
              setLast(null);
            }}
            onStatus={setStatus}
          />
        )}
        <aside className="enterprise-canvas-side">
          <CanvasSearch
            q={q}
            onCanvas={status.nodes}
            isOnCanvas={(id) => canvas.current?.nodeIds().has(id) ?? false}
            onDrop={(node) =>
              run(async (signal) => {
                const answer = await getNeighbourhood({ id: node.id, depth: 1, limit: 200 }, signal);
                canvas.current?.drop(node, answer.edges);
                setLast(null);
              })
            }
          />
          <CanvasLegend />
        </aside>
      </div>
    </div>
  );
}

interface CanvasSearchProps {
  q: string;
  /** Changes when the canvas does, so "on canvas" marks are redrawn. */
  onCanvas: number;
  isOnCanvas: (id: string) => boolean;
  onDrop: (node: ReturnType<typeof toDroppableNodes>[number]) => void;
}

function CanvasSearch({ q, isOnCanvas, onDrop }: CanvasSearchProps) {
  const m = useMessages(enterpriseMessages);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === q) return;
    const timer = window.setTimeout(() => updateQuery({ q: trimmed }), 300);
    return () => window.clearTimeout(timer);
  }, [text, q]);

  return (
    <section className="enterprise-search" aria-label={m.searchLabel}>
      <label htmlFor="enterprise-search-input" className="enterprise-search-label">
        {m.searchLabel}
      </label>
      <input
        id="enterprise-search-input"
        type="search"
        className="enterprise-search-input"
        value={text}
        placeholder={m.searchPlaceholder}
        onChange={(event) => setText(event.target.value)}
        data-testid="canvas-search"
        autoComplete="off"
      />
      {q !== '' && <SearchHits q={q} isOnCanvas={isOnCanvas} onDrop={onDrop} />}
    </section>
  );
}

function SearchHits({ q, isOnCanvas, onDrop }: Omit<CanvasSearchProps, 'onCanvas' | 'q'> & { q: string }) {
  const m = useMessages(enterpriseMessages);
  const result = useSearchNodes(q);
  if (result.status === 'loading') return <LoadingNotice label={m.searching} />;
  if (result.status === 'error') return <ErrorNotice error={result.error} onRetry={result.retry} />;
  const nodes = toDroppableNodes(result.data);
  if (nodes.length === 0) return <p className="side-panel-muted">{m.searchNone}</p>;
  return (
    <ul className="enterprise-search-hits" data-testid="canvas-search-hits">
      {nodes.map((node) => {
        const present = isOnCanvas(node.id);
        return (
          <li key={node.id}>
            <span className={`enterprise-kind-dot enterprise-kind-${node.kind}`} aria-hidden="true" />
            <span className="enterprise-search-name">
              {node.label}
              {node.detail !== '' && <small>{node.detail}</small>}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={present}
              onClick={() => onDrop(node)}
              data-testid={`drop-${node.id}`}
            >
              {present ? m.onCanvas : m.addToCanvas}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function CanvasLegend() {
  const m = useMessages(enterpriseMessages);
  const items = [
    { key: 'local', label: m.legendLocal, colour: kindColours.local, shape: 'circle' },
    { key: 'elsewhere', label: m.legendElsewhere, colour: kindColours.elsewhere, shape: 'circle' },
    { key: 'link', label: m.legendLink, colour: kindColours.link, shape: 'square' },
    { key: 'chain', label: m.legendChain, colour: kindColours.chain, shape: 'square' },
    { key: 'district', label: m.legendDistrict, colour: kindColours.district, shape: 'diamond' },
  ];
  return (
    <ul className="legend-list enterprise-legend" data-testid="canvas-legend">
      {items.map((item) => (
        <li key={item.key}>
          <span
            className={`enterprise-legend-swatch enterprise-legend-${item.shape}`}
            style={{ background: item.colour.fill, borderColor: item.colour.border }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
