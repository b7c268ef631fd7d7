import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AdminWeightsPage(_props: PageProps<'admin-weights'>) {
  return <p className="notice">admin-weights</p>;
}
