import type { EnterpriseDetail } from '../../../../api/src/http/schemas/enterprise.schemas.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, enterpriseHref, href, updateQuery } from '../../lib/routes.ts';
import { enterpriseMessages } from './enterprise.messages.ts';
import { pageOf } from './provenance.ts';
import { ProvenanceLine } from './provenance-line.tsx';

const tiesPerPage = 8;

interface EnterpriseProfileProps {
  enterprise: EnterpriseDetail;
  /** Pages of the two supply-tie lists, from the address (`?sp=`, `?bp=`). */
  suppliesPage: number;
  suppliedByPage: number;
}

/** Every fact of the profile with its provenance. */
export function EnterpriseProfile({ enterprise, suppliesPage, suppliedByPage }: EnterpriseProfileProps) {
  const m = useMessages(enterpriseMessages);
  const location = [enterprise.province, enterprise.city, enterprise.address].filter(Boolean).join(' ');
  const facts: { key: string; label: string; value: string }[] = [
    { key: 'fullName', label: m.fullName, value: enterprise.fullName },
    { key: 'aliases', label: m.aliases, value: enterprise.aliases.join('、') },
    {
      key: 'stockCode',
      label: m.stockCode,
      value: [enterprise.stockCode, enterprise.exchange].filter(Boolean).join(' · '),
    },
    { key: 'listDate', label: m.listDate, value: enterprise.listDate ?? '' },
    { key: 'location', label: m.location, value: location },
    {
      key: 'industry',
      label: m.industry,
      value: [enterprise.industry, enterprise.swIndustry].filter(Boolean).join(' · '),
    },
    { key: 'mainProducts', label: m.mainProducts, value: enterprise.mainProducts.join('、') },
  ];

  return (
    <div className="enterprise-profile" data-testid="enterprise-profile">
      <section className="enterprise-section">
        <h2>{m.profileTitle}</h2>
        <p className="enterprise-section-provenance">
          <ProvenanceLine provenance={enterprise.provenance} />
        </p>
        <dl className="enterprise-facts">
          {facts
            .filter((fact) => fact.value !== '')
            .map((fact) => (
              <div key={fact.key}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          <div>
            <dt>{m.district}</dt>
            <dd>
              {enterprise.district ? (
                <>
                  <a href={href('district', { districtCode: enterprise.district.code })}>
                    {enterprise.district.name}
                  </a>
                  <br />
                  <ProvenanceLine provenance={enterprise.district.provenance} />
                </>
              ) : (
                m.none
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section className="enterprise-section">
        <h2>{m.linksTitle}</h2>
        {enterprise.links.length === 0 ? (
          <p className="side-panel-muted">{m.noLinks}</p>
        ) : (
          <ul className="enterprise-list" data-testid="enterprise-links">
            {enterprise.links.map((link) => (
              <li key={link.id}>
                <a href={chainMapHref(link.chainId, { link: link.id })}>
                  {link.chainName} › {link.name}
                </a>
                {link.evidence && <p className="enterprise-evidence">{link.evidence}</p>}
                <ProvenanceLine provenance={link.provenance} />
              </li>
            ))}
          </ul>
        )}
        {enterprise.leads.length > 0 && (
          <>
            <h3>{m.leadsTitle}</h3>
            <ul className="enterprise-list" data-testid="enterprise-leads">
              {enterprise.leads.map((lead) => (
                <li key={lead.chainId}>
                  <a href={chainMapHref(lead.chainId)}>{lead.chainName}</a>
                  <ProvenanceLine provenance={lead.provenance} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="enterprise-ties">
        <TieList
          title={m.suppliesTitle}
          ties={enterprise.suppliesTo}
          page={suppliesPage}
          onPage={(page) => updateQuery({ sp: page === 1 ? null : page })}
          testId="enterprise-supplies"
        />
        <TieList
          title={m.suppliedByTitle}
          ties={enterprise.suppliedBy}
          page={suppliedByPage}
          onPage={(page) => updateQuery({ bp: page === 1 ? null : page })}
          testId="enterprise-supplied-by"
        />
      </div>
    </div>
  );
}

interface TieListProps {
  title: string;
  ties: EnterpriseDetail['suppliesTo'];
  page: number;
  onPage: (page: number) => void;
  testId: string;
}

function TieList({ title, ties, page, onPage, testId }: TieListProps) {
  const m = useMessages(enterpriseMessages);
  const language = useLanguage();
  const shown = pageOf(ties, page, tiesPerPage);
  return (
    <section className="enterprise-section" data-testid={testId}>
      <h2>
        {title} <span className="enterprise-count">{formatCount(language, ties.length)}</span>
      </h2>
      {ties.length === 0 ? (
        <p className="side-panel-muted">{m.noTies}</p>
      ) : (
        <>
          <ul className="enterprise-list">
            {shown.items.map((tie) => (
              <li key={`${tie.id}:${tie.product}`}>
                <a href={enterpriseHref(tie.id)}>{tie.name}</a>
                <span className={`badge enterprise-locality ${tie.local ? 'is-local' : ''}`}>
                  {tie.local ? m.local : m.elsewhere}
                </span>
                {tie.product !== '' && <p className="enterprise-evidence">{m.product(tie.product)}</p>}
                <ProvenanceLine provenance={tie.provenance} />
              </li>
            ))}
          </ul>
          {shown.pageCount > 1 && (
            <nav className="enterprise-pager">
              <button
                type="button"
                className="button button-small"
                disabled={shown.page <= 1}
                onClick={() => onPage(shown.page - 1)}
              >
                {m.previous}
              </button>
              <span>{m.page(formatCount(language, shown.page), formatCount(language, shown.pageCount))}</span>
              <button
                type="button"
                className="button button-small"
                disabled={shown.page >= shown.pageCount}
                onClick={() => onPage(shown.page + 1)}
              >
                {m.next}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
