import type { ChainHealth, ChainSummary } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref } from '../../lib/routes.ts';
import { chainsMessages } from './chains.messages.ts';
import { healthSegments } from './health.ts';
import { UnverifiedBadge } from './unverified-badge.tsx';

interface ChainCardProps {
  chain: ChainSummary;
  /** Undefined while the gap analysis loads or when it failed: the card still opens the map. */
  health?: ChainHealth | undefined;
}

export function ChainCard({ chain, health }: ChainCardProps) {
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
        {health && <HealthBar health={health} />}
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

function HealthBar({ health }: { health: ChainHealth }) {
  const language = useLanguage();
  const m = useMessages(chainsMessages);
  const count = (n: number) => formatCount(language, n);
  return (
    <div className="chains-health" data-testid={`chain-health-${health.chainId}`}>
      <div
        className="chains-health-bar"
        role="img"
        aria-label={m.healthLabel(count(health.strong), count(health.weak), count(health.missing))}
      >
        {healthSegments(health).map((segment) => (
          <span
            key={segment.gapClass}
            className={`chains-health-segment chains-gap-${segment.gapClass}`}
            style={{ width: `${segment.percent}%` }}
          />
        ))}
      </div>
      <ul className="chains-health-counts">
        {(['strong', 'weak', 'missing'] as const).map((gapClass) => (
          <li key={gapClass} data-gap={gapClass}>
            <span className={`chains-health-dot chains-gap-${gapClass}`} aria-hidden="true" />
            {m[gapClass]} <strong>{count(health[gapClass])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
