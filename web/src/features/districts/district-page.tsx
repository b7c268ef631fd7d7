import type { DistrictDetail } from '../../../../api/src/http/schemas/district.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, enterpriseHref, href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useDistrict, useDistrictGaps, useDistrictParcels } from './api/district-queries.ts';
import { gapsToWorkOn } from './district-rows.ts';
import { districtsMessages } from './districts.messages.ts';
import './districts.css';

export function DistrictPage({ params, query }: PageProps<'district'>) {
  const m = useMessages(districtsMessages);
  const district = useDistrict(params.districtCode);
  return (
    <section className="page districts-page">
      <nav className="breadcrumb">
        <a href={href('districts', {})}>{m.back}</a>
      </nav>
      {district.status === 'loading' && <LoadingNotice />}
      {district.status === 'error' && (
        <ErrorNotice error={district.error} onRetry={district.retry} notFoundText={m.notFound} />
      )}
      {district.status === 'success' && (
        <DistrictView district={district.data} chainParam={query.get('chain')} />
      )}
    </section>
  );
}

function DistrictView({ district, chainParam }: { district: DistrictDetail; chainParam: string | null }) {
  const m = useMessages(districtsMessages);
  const language = useLanguage();
  const secondary = otherName(language, district);
  // The chain analysed: from the address, else the district's first priority, else its busiest chain.
  const chainOptions = [
    ...district.priorities.map((p) => ({ id: p.chainId, name: p.chainName })),
    ...district.chains
      .filter((c) => !district.priorities.some((p) => p.chainId === c.chainId))
      .map((c) => ({ id: c.chainId, name: c.chainName })),
  ];
  const chainId = chainParam ?? chainOptions[0]?.id ?? '';

  return (
    <>
      <header className="page-header">
        <div className="districts-title-row">
          <h1 data-testid="district-title">{pickName(language, district)}</h1>
          {secondary !== '' && <span className="districts-secondary">{secondary}</span>}
          <span className="badge districts-kind">{m[district.kind]}</span>
        </div>
        <p className="districts-meta">
          {district.leadIndustry && <span>{district.leadIndustry}</span>}
          <span>
            {m.enterprises} {formatCount(language, district.enterpriseCount)}
          </span>
          <span>
            {m.parks} {formatCount(language, district.parkCount)}
          </span>
          {district.source !== '' && <span>{m.source(district.source)}</span>}
          {district.asOf && <span>{m.asOf(district.asOf)}</span>}
        </p>
      </header>

      <section className="districts-section" aria-labelledby="district-priorities">
        <h2 id="district-priorities">{m.priorities}</h2>
        {district.priorities.length === 0 ? (
          <p className="notice notice-quiet">{m.noPriorities}</p>
        ) : (
          <ol className="districts-priorities" data-testid="district-priorities">
            {district.priorities.map((p) => (
              <li key={p.chainId}>
                <span className="districts-rank">{m.priorityRank(p.rank)}</span>
                <a href={chainMapHref(p.chainId)}>{p.chainName}</a>
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="districts-columns">
        <section className="districts-section" aria-labelledby="district-gaps">
          <h2 id="district-gaps">{m.gapsTitle}</h2>
          {chainId === '' ? (
            <p className="notice notice-quiet">{m.noChains}</p>
          ) : (
            <>
              <label className="districts-chain-select">
                <span>{m.gapsFor}</span>
                <select
                  value={chainId}
                  onChange={(e) => updateQuery({ chain: e.target.value })}
                  data-testid="district-gap-chain"
                >
                  {chainOptions.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <DistrictGaps chainId={chainId} code={district.code} />
            </>
          )}
        </section>

        <section className="districts-section" aria-labelledby="district-chains">
          <h2 id="district-chains">{m.chainsTitle}</h2>
          {district.chains.length === 0 ? (
            <p className="notice notice-quiet">{m.noChains}</p>
          ) : (
            <ul className="districts-chains" data-testid="district-chains">
              {district.chains.map((c) => (
                <li key={c.chainId}>
                  <div className="districts-chain-head">
                    <a href={chainMapHref(c.chainId)}>{c.chainName}</a>
                    <span className="districts-count">{m.chainFirms(c.enterpriseCount)}</span>
                  </div>
                  <p className="districts-firms">
                    {c.firms.map((f, i) => (
                      <span key={f.id}>
                        {i > 0 && '、'}
                        <a href={enterpriseHref(f.id)}>{f.name}</a>
                        {f.leader && <span className="districts-leader">{m.leader}</span>}
                      </span>
                    ))}
                    {c.enterpriseCount > c.firms.length && (
                      <span className="districts-more"> {m.moreFirms(c.enterpriseCount)}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="districts-columns">
        <section className="districts-section" aria-labelledby="district-parks">
          <h2 id="district-parks">{m.parksTitle}</h2>
          {district.parks.length === 0 ? (
            <p className="notice notice-quiet">{m.noParks}</p>
          ) : (
            <ul className="districts-parks" data-testid="district-parks">
              {district.parks.map((park) => (
                <li key={park.id}>
                  <strong>{pickName(language, park)}</strong>
                  <span className="districts-muted">
                    {park.landAvailableHa === null
                      ? m.landUnknown
                      : m.landAvailable(park.landAvailableHa.toFixed(1))}
                  </span>
                  {park.focusChains.length > 0 && (
                    <span className="districts-muted">
                      {m.focus}：
                      {park.focusChains.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && '、'}
                          <a href={chainMapHref(c.id)}>{c.name}</a>
                        </span>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <DistrictParcels code={district.code} />
      </div>
    </>
  );
}

function DistrictGaps({ chainId, code }: { chainId: string; code: string }) {
  const m = useMessages(districtsMessages);
  const language = useLanguage();
  const gaps = useDistrictGaps(chainId, code);
  if (gaps.status === 'loading') return <LoadingNotice />;
  if (gaps.status === 'error') return <ErrorNotice error={gaps.error} onRetry={gaps.retry} />;
  const { summary, links } = gaps.data;
  return (
    <>
      <p className="districts-gap-summary" data-testid="district-gap-summary">
        {m.gapsSummary(summary.strong, summary.weak, summary.missing)} ·{' '}
        <a href={href('targets', {}, { chain: chainId, district: code })}>{m.findTargetsAll}</a>
      </p>
      <table className="districts-gaps" data-testid="district-gaps">
        <thead>
          <tr>
            <th scope="col">{m.gapLink}</th>
            <th scope="col">{m.gapClass}</th>
            <th scope="col" className="numeric">
              {m.gapLocal}
            </th>
            <th scope="col" className="numeric">
              {m.gapPriority}
            </th>
            <th scope="col">
              <span className="districts-visually-hidden">{m.findTargets}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {gapsToWorkOn(links).map((link) => (
            <tr key={link.id} title={link.reason}>
              <td>{pickName(language, link)}</td>
              <td>
                <span className={`districts-class districts-class-${link.class}`}>{link.classLabel}</span>
              </td>
              <td className="numeric">{formatCount(language, link.local.enterpriseCount)}</td>
              <td className="numeric">{link.priority.toFixed(2)}</td>
              <td>
                {link.class !== 'strong' && (
                  <a href={href('targets', {}, { chain: chainId, link: link.id, district: code })}>
                    {m.findTargets}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DistrictParcels({ code }: { code: string }) {
  const m = useMessages(districtsMessages);
  const parcels = useDistrictParcels(code);
  const shown = 8;
  return (
    <section className="districts-section" aria-labelledby="district-parcels">
      <h2 id="district-parcels">{m.parcelsTitle}</h2>
      {parcels.status === 'loading' && <LoadingNotice />}
      {parcels.status === 'error' && <ErrorNotice error={parcels.error} onRetry={parcels.retry} />}
      {parcels.status === 'success' &&
        (parcels.data.items.length === 0 ? (
          <p className="notice notice-quiet">{m.parcelsEmpty}</p>
        ) : (
          <>
            <ul className="districts-parks" data-testid="district-parcels">
              {parcels.data.items.slice(0, shown).map((parcel) => (
                <li key={parcel.id}>
                  <strong>{parcel.name}</strong>
                  <span className="districts-muted">
                    {[
                      m.parcelArea(parcel.areaHa.toFixed(1)),
                      parcel.use,
                      parcel.park?.name,
                      parcel.suppliedOn,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
            <p className="districts-muted">
              {parcels.data.total > shown && `${m.parcelsMore(parcels.data.total - shown)} · `}
              <a href={href('land-parcels', {}, { district: code })}>{m.openParcels}</a>
            </p>
          </>
        ))}
    </section>
  );
}
