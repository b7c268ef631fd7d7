import type { ChainDetail, ChainLink } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import type { LinkGapBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, enterpriseHref } from '../../lib/routes.ts';
import { chainMapMessages, gapClassName } from './chain-map.messages.ts';
import { LinkTargets } from './link-targets.tsx';

interface LinkPanelProps {
  chain: ChainDetail;
  /** Today's gap analysis of the chain's links; empty when unavailable. */
  gaps: readonly LinkGapBody[];
  selectedLinkId: string | null;
  onClose: () => void;
}

/** Details of the clicked link, or an overview of the chain while nothing is selected. */
export function LinkPanel({ chain, gaps, selectedLinkId, onClose }: LinkPanelProps) {
  const link = chain.links.find((candidate) => candidate.id === selectedLinkId);
  const gap = gaps.find((candidate) => candidate.id === selectedLinkId);
  return (
    <aside className="side-panel" data-testid="link-panel" aria-live="polite">
      {link ? (
        <LinkDetails chain={chain} link={link} gap={gap} onClose={onClose} />
      ) : (
        <ChainOverview chain={chain} />
      )}
    </aside>
  );
}

function ChainOverview({ chain }: { chain: ChainDetail }) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const missing = chain.links.filter((link) => link.localEnterpriseCount === 0).length;
  const foreignLinks = [...new Map(chain.foreignLinks.map((foreign) => [foreign.id, foreign])).values()];
  return (
    <>
      <h2 className="side-panel-title">{m.overview}</h2>
      <p className="side-panel-hint">{m.hint}</p>
      <dl className="facts">
        <div>
          <dt>{m.linkCount}</dt>
          <dd>{formatCount(language, chain.links.length)}</dd>
        </div>
        <div>
          <dt>{m.missingCount}</dt>
          <dd className={missing > 0 ? 'fact-alert' : undefined}>{formatCount(language, missing)}</dd>
        </div>
      </dl>
      <h3 className="side-panel-subtitle">{m.leaders}</h3>
      {chain.leaders.length === 0 ? (
        <p className="side-panel-muted">{m.noLeaders}</p>
      ) : (
        <ul className="plain-list" data-testid="chain-leaders">
          {chain.leaders.map((leader) => (
            <li key={leader.id}>
              <a href={enterpriseHref(leader.id)}>{leader.name}</a>
            </li>
          ))}
        </ul>
      )}
      {foreignLinks.length > 0 && (
        <>
          <h3 className="side-panel-subtitle">{m.relatedChains}</h3>
          <ul className="plain-list">
            {foreignLinks.map((foreign) => (
              <li key={foreign.id}>
                <a href={chainMapHref(foreign.chainId)} data-testid={`foreign-link-${foreign.id}`}>
                  {pickName(language, { name: foreign.chainName, nameEn: foreign.chainNameEn })} ›{' '}
                  {pickName(language, foreign)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

interface LinkDetailsProps {
  chain: ChainDetail;
  link: ChainLink;
  gap: LinkGapBody | undefined;
  onClose: () => void;
}

function LinkDetails({ chain, link, gap, onClose }: LinkDetailsProps) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const secondary = otherName(language, link);
  const count = (n: number) => formatCount(language, n);
  // Feeds naming a link the response does not describe are left out, as they are on the map.
  const nameOf = (id: string): string | null => {
    const local = chain.links.find((candidate) => candidate.id === id);
    if (local) return pickName(language, local);
    const foreign = chain.foreignLinks.find((candidate) => candidate.id === id);
    if (!foreign) return null;
    const chainName = pickName(language, { name: foreign.chainName, nameEn: foreign.chainNameEn });
    return `${pickName(language, foreign)}${m.otherChain(chainName)}`;
  };
  const named = (ids: string[]) =>
    [...new Set(ids)].flatMap((id) => {
      const name = nameOf(id);
      return name === null ? [] : [{ id, name }];
    });
  const suppliers = named(chain.feeds.filter((feed) => feed.to === link.id).map((feed) => feed.from));
  const customers = named(chain.feeds.filter((feed) => feed.from === link.id).map((feed) => feed.to));

  return (
    <>
      <div className="side-panel-head">
        <div>
          <h2 className="side-panel-title" data-testid="link-panel-name">
            {pickName(language, link)}
          </h2>
          {secondary !== '' && <p className="side-panel-secondary">{secondary}</p>}
        </div>
        <button type="button" className="button button-small" onClick={onClose}>
          {m.close}
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>{m.stage}</dt>
          <dd>
            <span className={`stage-tag stage-tag-${link.stage}`}>{m[link.stage]}</span>
          </dd>
        </div>
        <div>
          <dt>{m.localEnterprises}</dt>
          <dd className={link.localEnterpriseCount === 0 ? 'fact-alert' : undefined}>
            {count(link.localEnterpriseCount)}
          </dd>
        </div>
        <div>
          <dt>{m.allEnterprises}</dt>
          <dd>{count(link.enterpriseCount)}</dd>
        </div>
        <div>
          <dt>{m.outsideEnterprises}</dt>
          <dd>{count(Math.max(0, link.enterpriseCount - link.localEnterpriseCount))}</dd>
        </div>
      </dl>
      {link.stale && (
        <p className="callout chain-map-stale-callout" data-testid="link-stale">
          ⚠ {m.staleLink}
          {link.asOf ? ` · ${m.asOf(link.asOf)}` : ''}
        </p>
      )}
      {gap ? (
        <div className={`callout chain-map-gap-callout chain-map-gap-${gap.class}`} data-testid="link-gap">
          <strong>{gapClassName(m, gap.class)}</strong> {gap.reason}
        </div>
      ) : (
        link.localEnterpriseCount === 0 && <p className="callout callout-missing">{m.missingLink}</p>
      )}
      {link.description && <p className="side-panel-description">{link.description}</p>}
      {gap && <LocalFirms gap={gap} />}
      <LinkTargets chainId={chain.id} linkId={link.id} />
      <h3 className="side-panel-subtitle">{m.suppliedBy}</h3>
      <NameList names={suppliers} empty={m.none} />
      <h3 className="side-panel-subtitle">{m.suppliesTo}</h3>
      <NameList names={customers} empty={m.none} />
    </>
  );
}

function NameList({ names, empty }: { names: { id: string; name: string }[]; empty: string }) {
  if (names.length === 0) return <p className="side-panel-muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {names.map(({ id, name }) => (
        <li key={id}>{name}</li>
      ))}
    </ul>
  );
}

function LocalFirms({ gap }: { gap: LinkGapBody }) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const leaders = new Set(gap.local.leaders.map((leader) => leader.id));
  return (
    <>
      <h3 className="side-panel-subtitle">{m.localFirmsTitle}</h3>
      {gap.local.firms.length === 0 ? (
        <p className="side-panel-muted">{m.noLocalFirms}</p>
      ) : (
        <>
          <ul className="plain-list chain-map-firms" data-testid="link-local-firms">
            {gap.local.firms.map((firm) => (
              <li key={firm.id}>
                <a href={enterpriseHref(firm.id)} data-testid={`local-firm-${firm.id}`}>
                  {firm.name}
                </a>
                {leaders.has(firm.id) && <span className="badge chain-map-leader-badge">{m.leaderTag}</span>}
              </li>
            ))}
          </ul>
          {gap.local.enterpriseCount > gap.local.firms.length && (
            <p className="side-panel-muted">
              {m.localFirmsShown(
                formatCount(language, gap.local.firms.length),
                formatCount(language, gap.local.enterpriseCount),
              )}
            </p>
          )}
        </>
      )}
    </>
  );
}
