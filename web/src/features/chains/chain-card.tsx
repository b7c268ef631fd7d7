import type { ChainSummary } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref } from '../../lib/routes.ts';
import { chainsMessages } from './chains.messages.ts';
import { UnverifiedBadge } from './unverified-badge.tsx';

export function ChainCard({ chain }: { chain: ChainSummary }) {
  const language = useLanguage();
  const m = useMessages(chainsMessages);
  const name = pickName(language, chain);
  const secondary = otherName(language, chain);
  const stats = [
    { key: 'links', label: m.links, value: chain.linkCount },
    { key: 'local', label: m.localEnterprises, value: chain.localEnterpriseCount },
    { key: 'leaders', label: m.leaders, value: chain.leaderCount },
  ];

  return (
    <li className="chain-card-item">
      <a
        className="chain-card"
        href={chainMapHref(chain.id)}
        data-testid={`chain-card-${chain.id}`}
        aria-label={m.openMap(name)}
      >
        <div className="chain-card-head">
          <h3 className="chain-card-name" lang={language === 'en' ? 'en' : 'zh-CN'}>
            {name}
          </h3>
          {!chain.verified && <UnverifiedBadge />}
        </div>
        {secondary !== '' && (
          <p className="chain-card-secondary" lang={language === 'en' ? 'zh-CN' : 'en'}>
            {secondary}
          </p>
        )}
        <dl className="chain-card-stats">
          {stats.map((stat) => (
            <div key={stat.key} className="chain-card-stat" data-stat={stat.key}>
              <dt>{stat.label}</dt>
              <dd>{formatCount(language, stat.value)}</dd>
            </div>
          ))}
        </dl>
      </a>
    </li>
  );
}
