import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function DistrictPage(_props: PageProps<'district'>) {
  return <p className="notice">district</p>;
}
