import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AdminHistoryPage(_props: PageProps<'admin-history'>) {
  return <p className="notice">admin-history</p>;
}
