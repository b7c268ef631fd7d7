import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AdminMapPage(_props: PageProps<'admin-map'>) {
  return <p className="notice">admin-map</p>;
}
