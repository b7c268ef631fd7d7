import {
  districtDetailSchema,
  districtListSchema,
} from '../../../../../api/src/http/schemas/district.schemas.ts';
import { chainGapsSchema } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { landParcelListSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { useApiQuery } from '../../../lib/use-api-query.ts';

export function useDistricts() {
  return useApiQuery({
    key: 'districts',
    fetch: (signal) => apiGet('/api/districts', districtListSchema, { signal }),
  });
}

export function useDistrict(code: string) {
  return useApiQuery({
    key: `district:${code}`,
    fetch: (signal) => apiGet(`/api/districts/${encodeURIComponent(code)}`, districtDetailSchema, { signal }),
  });
}

/** One chain's gap analysis for the district: which links it is strong, weak or missing in. */
export function useDistrictGaps(chainId: string, code: string) {
  const path = `/api/chains/${encodeURIComponent(chainId)}/gaps?district=${encodeURIComponent(code)}`;
  return useApiQuery({ key: path, fetch: (signal) => apiGet(path, chainGapsSchema, { signal }) });
}

export function useDistrictParcels(code: string) {
  const path = `/api/land-parcels?district=${encodeURIComponent(code)}&limit=50`;
  return useApiQuery({ key: path, fetch: (signal) => apiGet(path, landParcelListSchema, { signal }) });
}
