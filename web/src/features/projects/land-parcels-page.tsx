import type { PageProps } from '../../lib/routes.ts';

// PAGE-STUB: replaced by the real page; the build fails the check in .ci if any stub remains.
export function LandParcelsPage(_props: PageProps<'land-parcels'>) {
  return <p className="notice">land-parcels</p>;
}
