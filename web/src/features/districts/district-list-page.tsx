import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, otherName, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapHref, href, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useDistricts } from './api/district-queries.ts';
import { districtKinds, filterDistricts } from './district-rows.ts';
import { districtsMessages } from './districts.messages.ts';
import './districts.css';

export function DistrictListPage({ query }: PageProps<'districts'>) {
  const m = useMessages(districtsMessages);
  const language = useLanguage();
  const kindParam = query.get('kind') ?? '';
  const kind = (districtKinds as readonly string[]).includes(kindParam) ? kindParam : '';
  const districts = useDistricts();

  return (
    <section className="page districts-page">
      <header className="page-header">
        <h1>{m.listTitle}</h1>
        <p className="page-intro">{m.listIntro}</p>
      </header>
      <div className="districts-toolbar">
        <label>
          <span>{m.kind}</span>
          <select
            value={kind}
            onChange={(e) => updateQuery({ kind: e.target.value })}
            data-testid="districts-kind"
          >
            <option value="">{m.allKinds}</option>
            {districtKinds.map((k) => (
              <option key={k} value={k}>
                {m[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {districts.status === 'loading' && <LoadingNotice />}
      {districts.status === 'error' && <ErrorNotice error={districts.error} onRetry={districts.retry} />}
      {districts.status === 'success' &&
        (() => {
          const rows = filterDistricts(districts.data.items, kind);
          if (rows.length === 0) return <p className="notice">{m.empty}</p>;
          return (
            <>
              <p className="page-summary">{m.count(rows.length)}</p>
              <table className="districts-table" data-testid="districts-table">
                <thead>
                  <tr>
                    <th scope="col">{m.name}</th>
                    <th scope="col">{m.kind}</th>
                    <th scope="col">{m.leadIndustry}</th>
                    <th scope="col" className="numeric">
                      {m.enterprises}
                    </th>
                    <th scope="col" className="numeric">
                      {m.parks}
                    </th>
                    <th scope="col">{m.priorities}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.code} data-testid={`district-row-${d.code}`}>
                      <td>
                        <a href={href('district', { districtCode: d.code })}>{pickName(language, d)}</a>
                        {otherName(language, d) !== '' && (
                          <span className="districts-secondary">{otherName(language, d)}</span>
                        )}
                      </td>
                      <td>{m[d.kind]}</td>
                      <td>{d.leadIndustry ?? m.none}</td>
                      <td className="numeric">{formatCount(language, d.enterpriseCount)}</td>
                      <td className="numeric">{formatCount(language, d.parkCount)}</td>
                      <td>
                        {d.priorities.length === 0
                          ? m.none
                          : d.priorities.map((p) => (
                              <a key={p.chainId} className="districts-chip" href={chainMapHref(p.chainId)}>
                                {p.chainName}
                              </a>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        })()}
    </section>
  );
}
