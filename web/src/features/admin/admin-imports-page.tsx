import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AdminImportsPage(_props: PageProps<'admin-imports'>) {
  return <p className="notice">admin-imports</p>;
}
