import type { ChainLink } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { formatCount, pickName, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapMessages } from './chain-map.messages.ts';
import { stages } from './to-elements.ts';

interface LinkTableProps {
  links: ChainLink[];
  selectedLinkId: string | null;
  onSelectLink: (linkId: string) => void;
}

/** The same links as the map, as a table: readable without the canvas and sortable by eye. */
export function LinkTable({ links, selectedLinkId, onSelectLink }: LinkTableProps) {
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
