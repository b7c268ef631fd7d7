import './page-nav.css';
import { defineMessages, useMessages } from '../lib/i18n.ts';

const messages = defineMessages({
  'zh-CN': {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    pageOf: (page: number, pages: number, total: number) => `第 ${page} / ${pages} 页 · 共 ${total} 条`,
  },
  en: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number, total: number) => `Page ${page} of ${pages} · ${total} in all`,
  },
});

interface PageNavProps {
  page: number;
  pageSize: number;
  total: number;
  /** Usually `(page) => updateQuery({ page })`, so the page is part of the address. */
  onPage: (page: number) => void;
  testId?: string;
}

/** Previous / next for a paginated list; hidden when everything fits on one page. */
export function PageNav({ page, pageSize, total, onPage, testId }: PageNavProps) {
  const m = useMessages(messages);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="page-nav" aria-label={m.label} data-testid={testId}>
      <button
        type="button"
        className="button button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {m.previous}
      </button>
      <span className="page-nav-status">{m.pageOf(Math.min(page, pages), pages, total)}</span>
      <button
        type="button"
        className="button button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {m.next}
      </button>
    </nav>
  );
}
