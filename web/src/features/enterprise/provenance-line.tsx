import type { Provenance } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { enterpriseMessages } from './enterprise.messages.ts';
import { viewProvenance } from './provenance.ts';

/** Where a fact comes from: source, date, confidence, and marks for synthetic or stale values. */
export function ProvenanceLine({ provenance }: { provenance: Provenance }) {
  const m = useMessages(enterpriseMessages);
  const language = useLanguage();
  const view = viewProvenance(provenance);
  return (
    <span className="enterprise-provenance" data-testid="provenance">
      <span className="enterprise-provenance-source">
        {m.provenance}: {view.sources.length > 0 ? view.sources.join('、') : m.none}
      </span>
      <span>{view.date ?? m.unknownDate}</span>
      {view.confidencePercent !== null && (
        <span>{m.confidence(formatCount(language, view.confidencePercent))}</span>
      )}
      {view.synthetic && (
        <span className="badge enterprise-synthetic" title={m.syntheticHint} data-testid="synthetic-mark">
          {m.synthetic}
        </span>
      )}
      {view.stale && (
        <span className="badge enterprise-stale" title={m.staleHint} data-testid="stale-mark">
          ⚠ {m.stale}
        </span>
      )}
    </span>
  );
}
