import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AlertsPage(_props: PageProps<'alerts'>) {
  return <p className="notice">alerts</p>;
}
