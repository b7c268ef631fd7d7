import { useEffect, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { updateQuery } from '../../lib/routes.ts';
import { useSearch } from './api/search.ts';
import { chainsMessages } from './chains.messages.ts';
import { toSearchGroups } from './search-groups.ts';

const pageSize = 8;
const maxLimit = 48;
/** Typing pauses this long before the address (and so the search) changes. */
const typingDelayMs = 300;

interface OverviewSearchProps {
  /** The search in the address (`?q=`), so a search can be bookmarked and the back button undoes it. */
  q: string;
  /** Hits shown per group (`?limit=`); "show more" raises it. */
  limit: number;
}

export function OverviewSearch({ q, limit }: OverviewSearchProps) {
  const m = useMessages(chainsMessages);
  const [text, setText] = useState(q);

  // The address changed from outside (back button, a link): show its text.
  useEffect(() => setText(q), [q]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === q) return;
    const timer = window.setTimeout(() => updateQuery({ q: trimmed, limit: null }), typingDelayMs);
    return () => window.clearTimeout(timer);
  }, [text, q]);

  return (
    <section className="chains-search" aria-label={m.searchLabel}>
      <form
        className="chains-search-form"
        onSubmit={(event) => {
          event.preventDefault();
          updateQuery({ q: text.trim(), limit: null });
        }}
      >
        <label className="chains-search-label" htmlFor="chains-search-input">
          {m.searchLabel}
        </label>
        <div className="chains-search-row">
          <input
            id="chains-search-input"
            className="chains-search-input"
            type="search"
            value={text}
            placeholder={m.searchPlaceholder}
            onChange={(event) => setText(event.target.value)}
            data-testid="overview-search"
            autoComplete="off"
          />
          {q !== '' && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setText('');
                updateQuery({ q: null, limit: null });
              }}
            >
              {m.searchClear}
            </button>
          )}
        </div>
      </form>
      {q !== '' && <SearchResults q={q} limit={Math.min(maxLimit, Math.max(pageSize, limit))} />}
    </section>
  );
}

function SearchResults({ q, limit }: { q: string; limit: number }) {
  const m = useMessages(chainsMessages);
  const language = useLanguage();
  const result = useSearch(q, limit);
  const count = (n: number) => formatCount(language, n);

  if (result.status === 'loading') return <LoadingNotice label={m.searching} />;
  if (result.status === 'error') return <ErrorNotice error={result.error} onRetry={result.retry} />;
  const groups = toSearchGroups(result.data, language);
  if (groups.length === 0) {
    return (
      <p className="notice notice-quiet" data-testid="search-empty">
        {m.searchNone(q)}
      </p>
    );
  }
  const more = groups.some((group) => group.total > group.hits.length) && limit < maxLimit;
  return (
    <div className="chains-search-results" data-testid="search-results">
      {groups.map((group) => (
        <section key={group.kind} className="chains-search-group" data-testid={`search-group-${group.kind}`}>
          <h2 className="chains-search-heading">
            {group.heading}
            <span className="chains-search-total">
              {m.searchTotal(count(group.hits.length), count(group.total))}
            </span>
          </h2>
          <ul className="chains-search-list">
            {group.hits.map((hit) => (
              <li key={hit.key}>
                <a href={hit.href} data-testid={hit.testId}>
                  <span className="chains-search-title">{hit.title}</span>
                  {hit.detail !== '' && <span className="chains-search-detail">{hit.detail}</span>}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {more && (
        <button
          type="button"
          className="button button-small chains-search-more"
          onClick={() => updateQuery({ limit: limit + pageSize })}
          data-testid="search-more"
        >
          {m.searchMore}
        </button>
      )}
    </div>
  );
}
