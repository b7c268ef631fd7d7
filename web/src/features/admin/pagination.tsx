import { useMessages } from '../../lib/i18n.ts';
import { adminMessages } from './admin.messages.ts';

/** The pages of a list; `onPage` puts the page number in the address. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  testId,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testId: string;
}) {
  const m = useMessages(adminMessages);
  const pages = pageCount(total, pageSize);
  if (total === 0) return null;
  return (
    <div className="admin-pagination" data-testid={testId}>
      <button
        type="button"
        className="button button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {m.previous}
      </button>
      <span>{m.pageOf(Math.min(page, pages), pages, total)}</span>
      <button
        type="button"
        className="button button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {m.next}
      </button>
    </div>
  );
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The items of one page, for lists the API answers whole. */
export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  const start = (Math.max(1, page) - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

/** A page number from the address: a whole number of at least 1, else 1. */
export function pageFrom(query: URLSearchParams, key = 'page'): number {
  const value = Number(query.get(key));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}
