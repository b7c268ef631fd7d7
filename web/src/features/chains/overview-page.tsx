import type { ReactNode } from 'react';
import type { ChainHealth } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import type { PageProps } from '../../lib/routes.ts';
import { useChainHealth } from './api/get-chain-health.ts';
import { useChains } from './api/get-chains.ts';
import { useEcosystems } from './api/get-ecosystems.ts';
import { ChainCard } from './chain-card.tsx';
import { chainsMessages } from './chains.messages.ts';
import { type EcosystemGroup, groupChainsByEcosystem } from './group-chains.ts';
import { healthByChain, totalHealth } from './health.ts';
import { OverviewSearch } from './overview-search.tsx';
import { UnverifiedBadge } from './unverified-badge.tsx';
import './chains.css';

/** The landing page: a search over the whole map, then every ecosystem's chains with their health. */
export function OverviewPage({ query }: PageProps<'overview'>) {
  const m = useMessages(chainsMessages);
  const language = useLanguage();
  const ecosystems = useEcosystems();
  const chains = useChains();
  // Health is extra: the chain cards show without it if the gap analysis fails.
  const health = useChainHealth();
  const healthIndex = health.status === 'success' ? healthByChain(health.data.items) : null;

  let body: ReactNode;
  if (ecosystems.status === 'error') {
    body = <ErrorNotice error={ecosystems.error} onRetry={ecosystems.retry} />;
  } else if (chains.status === 'error') {
    body = <ErrorNotice error={chains.error} onRetry={chains.retry} />;
  } else if (ecosystems.status === 'loading' || chains.status === 'loading') {
    body = <LoadingNotice label={m.loading} />;
  } else {
    const groups = groupChainsByEcosystem(ecosystems.data.items, chains.data.items);
    const totals = health.status === 'success' ? totalHealth(health.data.items) : null;
    const count = (n: number) => formatCount(language, n);
    body =
      groups.length === 0 ? (
        <p className="notice">{m.empty}</p>
      ) : (
        <>
          <div className="chains-summary-row">
            <p className="page-summary" data-testid="chain-list-summary">
              {m.summary(count(groups.length), count(chains.data.items.length))}
            </p>
            {totals && (
              <p className="page-summary chains-totals" data-testid="chain-health-totals">
                {m.healthTotals(count(totals.strong), count(totals.weak), count(totals.missing))}
              </p>
            )}
            {health.status === 'error' && (
              <output className="chains-health-error">
                {m.healthUnavailable}{' '}
                <button type="button" className="button button-small" onClick={health.retry}>
                  {m.retry}
                </button>
              </output>
            )}
          </div>
          {groups.map((group) => (
            <EcosystemSection key={group.id} group={group} health={healthIndex} />
          ))}
        </>
      );
  }

  return (
    <section className="page chains-overview-page" aria-labelledby="chain-list-title">
      <header className="page-header">
        <h1 id="chain-list-title">{m.overviewTitle}</h1>
        <p className="page-intro">{m.overviewIntro}</p>
      </header>
      <OverviewSearch q={query.get('q') ?? ''} limit={Number(query.get('limit')) || 0} />
      {body}
    </section>
  );
}

function EcosystemSection({
  group,
  health,
}: {
  group: EcosystemGroup;
  health: Map<string, ChainHealth> | null;
}) {
  const m = useMessages(chainsMessages);
  const language = useLanguage();
  const headingId = `ecosystem-title-${group.id}`;
  const secondary = otherName(language, group);
  return (
    <section className="ecosystem" data-testid={`ecosystem-${group.id}`} aria-labelledby={headingId}>
      <header className="ecosystem-header">
        <h2 id={headingId}>{pickName(language, group)}</h2>
        {secondary !== '' && <span className="ecosystem-secondary">{secondary}</span>}
        <span className="ecosystem-count">{m.chainCount(formatCount(language, group.chains.length))}</span>
        {!group.verified && <UnverifiedBadge title={group.known ? undefined : m.unknownEcosystem} />}
      </header>
      {group.chains.length === 0 ? (
        <p className="notice notice-quiet">{m.noChains}</p>
      ) : (
        <ul className="chain-grid">
          {group.chains.map((chain) => (
            <ChainCard key={chain.id} chain={chain} health={health?.get(chain.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
