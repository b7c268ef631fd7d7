import type { EnterpriseDetail } from '../../../../api/src/http/schemas/enterprise.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { overviewHref, type PageProps } from '../../lib/routes.ts';
import { useEnterprise } from './api/get-enterprise.ts';
import { enterpriseMessages } from './enterprise.messages.ts';
import { EnterpriseProfile } from './enterprise-profile.tsx';
import { NeighbourhoodPanel } from './neighbourhood-panel.tsx';
import { viewProvenance } from './provenance.ts';
import './enterprise.css';

/** A number from the address within bounds; anything else (missing, garbled) gives the default. */
function boundedInt(value: string | null, min: number, max: number, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

/** `#/enterprises/<id>?q=&depth=&limit=&sp=&bp=`: profile with provenance, and the relationship canvas. */
export function EnterprisePage({ params, query }: PageProps<'enterprise'>) {
  const m = useMessages(enterpriseMessages);
  const enterprise = useEnterprise(params.enterpriseId);

  return (
    <section className="page enterprise-page">
      <nav className="breadcrumb">
        <a href={overviewHref()}>{m.back}</a>
      </nav>
      {enterprise.status === 'loading' && <LoadingNotice label={m.loading} />}
      {enterprise.status === 'error' && (
        <ErrorNotice error={enterprise.error} onRetry={enterprise.retry} notFoundText={m.notFound} />
      )}
      {enterprise.status === 'success' && <EnterpriseView enterprise={enterprise.data} query={query} />}
    </section>
  );
}

function EnterpriseView({ enterprise, query }: { enterprise: EnterpriseDetail; query: URLSearchParams }) {
  const m = useMessages(enterpriseMessages);
  const profile = viewProvenance(enterprise.provenance);
  return (
    <>
      <header className="page-header enterprise-header">
        <div className="enterprise-title-row">
          <h1 data-testid="enterprise-name">{enterprise.name}</h1>
          <span className={`badge enterprise-locality ${enterprise.local ? 'is-local' : ''}`}>
            {enterprise.local ? m.local : m.elsewhere}
          </span>
          {enterprise.leads.length > 0 && <span className="badge enterprise-leader">{m.leader}</span>}
          {enterprise.listed && enterprise.board && (
            <span className="badge">{m.listed(enterprise.board)}</span>
          )}
          {profile.synthetic && (
            <span className="badge enterprise-synthetic" title={m.syntheticHint}>
              {m.synthetic}
            </span>
          )}
          {profile.stale && (
            <span className="badge enterprise-stale" title={m.staleHint}>
              ⚠ {m.stale}
            </span>
          )}
        </div>
        {enterprise.fullName !== enterprise.name && <p className="page-intro">{enterprise.fullName}</p>}
      </header>
      <section
        className="enterprise-section enterprise-network-section"
        aria-labelledby="enterprise-network-title"
      >
        <h2 id="enterprise-network-title">{m.canvasTitle}</h2>
        <NeighbourhoodPanel
          enterpriseId={enterprise.id}
          name={enterprise.name}
          depth={boundedInt(query.get('depth'), 1, 3, 1)}
          limit={boundedInt(query.get('limit'), 1, 500, 20)}
          q={query.get('q') ?? ''}
        />
      </section>
      <EnterpriseProfile
        enterprise={enterprise}
        suppliesPage={boundedInt(query.get('sp'), 1, 10_000, 1)}
        suppliedByPage={boundedInt(query.get('bp'), 1, 10_000, 1)}
      />
    </>
  );
}
