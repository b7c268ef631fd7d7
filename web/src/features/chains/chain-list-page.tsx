import type { ReactNode } from 'react';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { useChains } from './api/get-chains.ts';
import { useEcosystems } from './api/get-ecosystems.ts';
import { ChainCard } from './chain-card.tsx';
import { chainsMessages } from './chains.messages.ts';
import { type EcosystemGroup, groupChainsByEcosystem } from './group-chains.ts';
import { UnverifiedBadge } from './unverified-badge.tsx';

export function ChainListPage() {
  const m = useMessages(chainsMessages);
  const language = useLanguage();
  const ecosystems = useEcosystems();
  const chains = useChains();

  let body: ReactNode;
  if (ecosystems.status === 'error') {
    body = <ErrorNotice error={ecosystems.error} onRetry={ecosystems.retry} />;
  } else if (chains.status === 'error') {
    body = <ErrorNotice error={chains.error} onRetry={chains.retry} />;
  } else if (ecosystems.status === 'loading' || chains.status === 'loading') {
    body = <LoadingNotice label={m.loading} />;
  } else {
    const groups = groupChainsByEcosystem(ecosystems.data.items, chains.data.items);
    body =
      groups.length === 0 ? (
        <p className="notice">{m.empty}</p>
      ) : (
        <>
          <p className="page-summary" data-testid="chain-list-summary">
            {m.summary(formatCount(language, groups.length), formatCount(language, chains.data.items.length))}
          </p>
          {groups.map((group) => (
            <EcosystemSection key={group.id} group={group} />
          ))}
        </>
      );
  }

  return (
    <section className="page chain-list-page" aria-labelledby="chain-list-title">
      <header className="page-header">
        <h1 id="chain-list-title">{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      {body}
    </section>
  );
}

function EcosystemSection({ group }: { group: EcosystemGroup }) {
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
            <ChainCard key={chain.id} chain={chain} />
          ))}
        </ul>
      )}
    </section>
  );
}
