import type { ChainDetail } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { enterpriseHref } from '../../lib/routes.ts';
import { useChainChanges } from './api/get-chain-changes.ts';
import { chainMapMessages } from './chain-map.messages.ts';
import { changeSections } from './change-sections.ts';

/** What changed in the chain between the date shown and today, from the map's own history. */
export function ChainChanges({ chain, from, to }: { chain: ChainDetail; from: string; to: string }) {
  const m = useMessages(chainMapMessages);
  const changes = useChainChanges(chain.id, from, to);

  let body: React.ReactNode;
  if (changes.status === 'loading') body = <LoadingNotice label={m.changesLoading} />;
  else if (changes.status === 'error') body = <ErrorNotice error={changes.error} onRetry={changes.retry} />;
  else {
    const names = new Map([...chain.links, ...chain.foreignLinks].map((link) => [link.id, link.name]));
    const sections = changeSections(changes.data, (id) => names.get(id) ?? id);
    body =
      sections.length === 0 ? (
        <p className="side-panel-muted">{m.changesNone}</p>
      ) : (
        <div className="chain-map-changes-grid">
          {sections.map((section) => (
            <div key={section.kind} data-testid={`chain-change-${section.kind}`}>
              <h3 className="side-panel-subtitle">{m[section.kind]}</h3>
              <ul className="plain-list">
                {section.items.map((item) => (
                  <li key={item.key}>
                    {item.enterpriseId ? (
                      <a href={enterpriseHref(item.enterpriseId)}>{item.text}</a>
                    ) : (
                      item.text
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      );
  }

  return (
    <section className="chain-map-changes" data-testid="chain-map-changes" aria-live="polite">
      <h2 className="side-panel-title">{m.changesTitle(from)}</h2>
      {body}
    </section>
  );
}
