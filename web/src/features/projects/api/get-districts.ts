import type { z } from 'zod';
import { districtListSchema } from '../../../../../api/src/http/schemas/district.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type DistrictList = z.infer<typeof districtListSchema>;

export function getDistricts(signal?: AbortSignal): Promise<DistrictList> {
  return apiGet('/api/districts', districtListSchema, { signal });
}

export const districtsQuery: QueryOptions<DistrictList> = { key: 'districts', fetch: getDistricts };

/** The districts for the filters of the project screens. */
export function useDistricts() {
  return useApiQuery(districtsQuery);
}
