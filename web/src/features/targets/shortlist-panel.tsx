import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { enterpriseHref, href } from '../../lib/routes.ts';
import type { ShortlistState } from './target-finder-page.tsx';
import { targetsMessages } from './targets.messages.ts';

export function ShortlistPanel({ shortlist }: { shortlist: ShortlistState }) {
  const m = useMessages(targetsMessages);
  return (
    <aside className="targets-shortlist" aria-labelledby="targets-shortlist-title" data-testid="shortlist">
      <h2 id="targets-shortlist-title">
        {m.shortlistTitle}
        {shortlist.status === 'success' && <span className="badge">{shortlist.items.length}</span>}
      </h2>
      <p className="targets-shortlist-hint">{m.shortlistHint}</p>
      {shortlist.status === 'loading' && <LoadingNotice />}
      {shortlist.status === 'error' && <ErrorNotice error={shortlist.error} onRetry={shortlist.retry} />}
      {shortlist.changeError !== null && <ErrorNotice error={shortlist.changeError} />}
      {shortlist.status === 'success' &&
        (shortlist.items.length === 0 ? (
          <p className="notice notice-quiet">{m.shortlistEmpty}</p>
        ) : (
          <ul className="targets-shortlist-list">
            {shortlist.items.map((item) => (
              <li key={item.enterpriseId} data-testid={`shortlist-${item.enterpriseId}`}>
                <a href={enterpriseHref(item.enterpriseId)}>{item.name}</a>
                <span className="targets-shortlist-meta">
                  {[item.stockCode, item.province].filter(Boolean).join(' · ')}
                </span>
                <span className="targets-shortlist-actions">
                  <a href={href('joint', { enterpriseId: item.enterpriseId })}>{m.openJoint}</a>
                  <button
                    type="button"
                    className="link-button"
                    disabled={shortlist.pending === item.enterpriseId}
                    onClick={() => shortlist.toggle(item.enterpriseId)}
                  >
                    {m.shortlistRemove}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        ))}
    </aside>
  );
}
