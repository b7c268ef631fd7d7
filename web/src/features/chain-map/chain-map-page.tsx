import { useMemo, useState } from 'react';
import type { ChainDetail } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, navigate, overviewHref, type PageProps } from '../../lib/routes.ts';
import { useChainDetail } from './api/get-chain-detail.ts';
import { chainMapMessages } from './chain-map.messages.ts';
import { ChainMapCanvas } from './chain-map-canvas.tsx';
import { ChainMapLegend } from './chain-map-legend.tsx';
import { buildCountScale } from './count-scale.ts';
import { LinkPanel } from './link-panel.tsx';
import { LinkTable } from './link-table.tsx';
import { toElements } from './to-elements.ts';

export function ChainMapPage({ params }: PageProps<'chain-map'>) {
  const { chainId } = params;
  const m = useMessages(chainMapMessages);
  const query = useChainDetail(chainId);

  return (
    <section className="page chain-map-page">
      <nav className="breadcrumb">
        <a href={overviewHref()}>{m.back}</a>
      </nav>
      {query.status === 'loading' && <LoadingNotice label={m.loading} />}
      {query.status === 'error' && (
        <ErrorNotice error={query.error} onRetry={query.retry} notFoundText={m.notFound} />
      )}
      {query.status === 'success' && <ChainMapView chain={query.data} />}
    </section>
  );
}

function ChainMapView({ chain }: { chain: ChainDetail }) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const [selectedLinkId, setSelectedLinkId] = useState<string | null>(null);
  const elements = useMemo(() => toElements(chain, language), [chain, language]);
  const scale = useMemo(() => buildCountScale(chain.links.map((link) => link.localEnterpriseCount)), [chain]);
  const name = pickName(language, chain);
  const secondary = otherName(language, chain);
  const ecosystemName = language === 'en' ? chain.ecosystemNameEn : chain.ecosystemName;

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
        </div>
        <p className="chain-map-meta">
          <span>{m.ecosystem(ecosystemName)}</span>
          {chain.asOf && <span>{m.asOf(chain.asOf)}</span>}
          {chain.sourceNote !== '' && <span>{m.source(chain.sourceNote)}</span>}
        </p>
      </header>
      {chain.links.length === 0 ? (
        <p className="notice">{m.noLinks}</p>
      ) : (
        <>
          <div className="chain-map-layout">
            <div className="chain-map-stage">
              <ChainMapCanvas
                elements={elements}
                selectedLinkId={selectedLinkId}
                onSelectLink={setSelectedLinkId}
                onOpenChain={(chainId) => navigate(chainMapHref(chainId))}
                label={m.mapLabel(name)}
                fitLabel={m.fit}
              />
              <ChainMapLegend scale={scale} />
            </div>
            <LinkPanel
              chain={chain}
              selectedLinkId={selectedLinkId}
              onClose={() => setSelectedLinkId(null)}
            />
          </div>
          <LinkTable links={chain.links} selectedLinkId={selectedLinkId} onSelectLink={setSelectedLinkId} />
        </>
      )}
    </>
  );
}
