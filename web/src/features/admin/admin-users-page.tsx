import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function AdminUsersPage(_props: PageProps<'admin-users'>) {
  return <p className="notice">admin-users</p>;
}
