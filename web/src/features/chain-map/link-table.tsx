import type { ChainLink } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import type { LinkGapBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { formatCount, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapMessages, gapClassName } from './chain-map.messages.ts';
import { stages } from './to-elements.ts';

interface LinkTableProps {
  links: ChainLink[];
  /** Today's gap class per link; a link missing here shows no class. */
  gaps: readonly LinkGapBody[];
  /** The header flags a chain out of date as a whole; then links are not flagged one by one. */
  chainStale: boolean;
  selectedLinkId: string | null;
  onSelectLink: (linkId: string) => void;
}

/** The same links as the map, as a table: readable without the canvas and sortable by eye. */
export function LinkTable({ links, gaps, chainStale, selectedLinkId, onSelectLink }: LinkTableProps) {
  const gapOf = new Map(gaps.map((gap) => [gap.id, gap.class]));
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const ordered = [...links].sort(
    (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage) || a.order - b.order,
  );
  return (
    <section className="link-table-section" aria-labelledby="link-table-title">
      <h2 id="link-table-title">{m.tableTitle}</h2>
      <table className="link-table" data-testid="link-table">
        <thead>
          <tr>
            <th scope="col">{m.tableStage}</th>
            <th scope="col">{m.tableLink}</th>
            <th scope="col">{m.tableGap}</th>
            <th scope="col" className="numeric">
              {m.tableLocal}
            </th>
            <th scope="col" className="numeric">
              {m.tableAll}
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((link) => (
            <tr
              key={link.id}
              className={link.id === selectedLinkId ? 'is-selected' : undefined}
              data-testid={`link-row-${link.id}`}
            >
              <td>
                <span className={`stage-tag stage-tag-${link.stage}`}>{m[link.stage]}</span>
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelectLink(link.id)}>
                  {pickName(language, link)}
                </button>
                {link.stale && !chainStale && (
                  <span className="chain-map-stale-mark" title={m.staleLink}>
                    {' '}
                    ⚠
                  </span>
                )}
              </td>
              <td>
                {(() => {
                  const gapClass = gapOf.get(link.id);
                  return gapClass ? (
                    <span className={`chain-map-gap-tag chain-map-gap-${gapClass}`}>
                      {gapClassName(m, gapClass)}
                    </span>
                  ) : null;
                })()}
              </td>
              <td className={link.localEnterpriseCount === 0 ? 'numeric fact-alert' : 'numeric'}>
                {formatCount(language, link.localEnterpriseCount)}
              </td>
              <td className="numeric">{formatCount(language, link.enterpriseCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
