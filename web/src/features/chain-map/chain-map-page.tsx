import { useMemo } from 'react';
import type { ChainDetail } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import type { ChainGapsBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, navigate, overviewHref, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useChainDetail } from './api/get-chain-detail.ts';
import { useChainGaps } from './api/get-chain-gaps.ts';
import { ChainChanges } from './chain-changes.tsx';
import { chainMapMessages } from './chain-map.messages.ts';
import { ChainMapCanvas } from './chain-map-canvas.tsx';
import { ChainMapLegend } from './chain-map-legend.tsx';
import { buildCountScale } from './count-scale.ts';
import { LinkPanel } from './link-panel.tsx';
import { LinkTable } from './link-table.tsx';
import { gapInfoByLink, toElements } from './to-elements.ts';
import './chain-map.css';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** `#/chains/<id>?asOf=YYYY-MM-DD&link=<link id>`: the map on a date, with a link selected. */
export function ChainMapPage({ params, query }: PageProps<'chain-map'>) {
  const { chainId } = params;
  const m = useMessages(chainMapMessages);
  const asOfParam = query.get('asOf');
  const asOf = asOfParam !== null && isoDate.test(asOfParam) ? asOfParam : null;
  const selectedLinkId = query.get('link');
  const detail = useChainDetail(chainId, asOf);
  // The gap analysis describes today's map; a past map is coloured by its own counts but keeps the panel facts.
  const gaps = useChainGaps(chainId);

  return (
    <section className="page chain-map-page">
      <nav className="breadcrumb">
        <a href={overviewHref()}>{m.back}</a>
      </nav>
      {detail.status === 'loading' && <LoadingNotice label={m.loading} />}
      {detail.status === 'error' && (
        <ErrorNotice error={detail.error} onRetry={detail.retry} notFoundText={m.notFound} />
      )}
      {detail.status === 'success' &&
        (gaps.status === 'loading' ? (
          <LoadingNotice label={m.loading} />
        ) : (
          <ChainMapView
            chain={detail.data}
            gaps={gaps.status === 'success' ? gaps.data : null}
            gapsFailed={gaps.status === 'error'}
            asOf={asOf}
            selectedLinkId={selectedLinkId}
          />
        ))}
    </section>
  );
}

interface ChainMapViewProps {
  chain: ChainDetail;
  gaps: ChainGapsBody | null;
  gapsFailed: boolean;
  asOf: string | null;
  selectedLinkId: string | null;
}

function ChainMapView({ chain, gaps, gapsFailed, asOf, selectedLinkId }: ChainMapViewProps) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const colourByGap = gaps !== null && asOf === null;
  const gapInfo = useMemo(() => (gaps ? gapInfoByLink(gaps.links) : null), [gaps]);
  const elements = useMemo(
    () => toElements(chain, language, colourByGap && gapInfo ? gapInfo : undefined),
    [chain, language, colourByGap, gapInfo],
  );
  const scale = useMemo(() => buildCountScale(chain.links.map((link) => link.localEnterpriseCount)), [chain]);
  const name = pickName(language, chain);
  const secondary = otherName(language, chain);
  const ecosystemName = language === 'en' ? chain.ecosystemNameEn : chain.ecosystemName;
  const selectLink = (linkId: string | null) => updateQuery({ link: linkId });

  return (
    <>
      <header className="page-header chain-map-header">
        <div className="chain-map-title-row">
          <h1 data-testid="chain-map-title">{name}</h1>
          {secondary !== '' && <span className="chain-map-secondary">{secondary}</span>}
          {!chain.verified && (
            <span className="badge badge-unverified" title={m.unverifiedHint} data-testid="unverified-badge">
              {m.unverified}
            </span>
          )}
          {chain.stale && (
            <span className="badge chain-map-stale-badge" title={m.staleChainHint} data-testid="chain-stale">
              ⚠ {m.staleChain}
            </span>
          )}
        </div>
        <p className="chain-map-meta">
          <span>{m.ecosystem(ecosystemName)}</span>
          {chain.asOf && <span>{m.asOf(chain.asOf)}</span>}
          {chain.sourceNote !== '' && <span>{m.source(chain.sourceNote)}</span>}
        </p>
        <AsOfControl asOf={asOf} />
      </header>
      {asOf !== null && (
        <>
          <p className="notice notice-quiet chain-map-historic" data-testid="chain-map-historic">
            {m.asOfHistoric(asOf)}
          </p>
          <ChainChanges chain={chain} from={asOf} to={today()} />
        </>
      )}
      {gapsFailed && asOf === null && <p className="notice notice-quiet">{m.gapUnavailable}</p>}
      {chain.links.length === 0 ? (
        <p className="notice">{m.noLinks}</p>
      ) : (
        <>
          <div className="chain-map-layout">
            <div className="chain-map-stage">
              <ChainMapCanvas
                elements={elements}
                selectedLinkId={selectedLinkId}
                onSelectLink={selectLink}
                onOpenChain={(chainId) => navigate(chainMapHref(chainId))}
                label={m.mapLabel(name)}
                fitLabel={m.fit}
              />
              <ChainMapLegend scale={scale} gapSummary={colourByGap && gaps ? gaps.summary : null} />
            </div>
            <LinkPanel
              chain={chain}
              gaps={gapInfo && gaps ? gaps.links : []}
              selectedLinkId={selectedLinkId}
              onClose={() => selectLink(null)}
            />
          </div>
          <LinkTable
            links={chain.links}
            gaps={gaps?.links ?? []}
            chainStale={chain.stale}
            selectedLinkId={selectedLinkId}
            onSelectLink={selectLink}
          />
        </>
      )}
    </>
  );
}

function AsOfControl({ asOf }: { asOf: string | null }) {
  const m = useMessages(chainMapMessages);
  return (
    <div className="chain-map-asof">
      <label htmlFor="chain-map-asof-input">{m.asOfLabel}</label>
      <input
        id="chain-map-asof-input"
        type="date"
        value={asOf ?? ''}
        max={today()}
        data-testid="chain-map-asof"
        onChange={(event) => {
          const value = event.target.value;
          if (value === '' || isoDate.test(value)) updateQuery({ asOf: value === '' ? null : value });
        }}
      />
      {asOf !== null && (
        <button
          type="button"
          className="button button-small"
          onClick={() => updateQuery({ asOf: null })}
          data-testid="chain-map-asof-today"
        >
          {m.asOfToday}
        </button>
      )}
    </div>
  );
}
