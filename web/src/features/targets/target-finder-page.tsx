import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function TargetFinderPage(_props: PageProps<'targets'>) {
  return <p className="notice">targets</p>;
}
