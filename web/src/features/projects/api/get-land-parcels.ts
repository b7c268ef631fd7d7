import type { z } from 'zod';
import { landParcelListSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import type { LandParcelStatus } from '../../../../../graph-seeds/project-seed.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { toQueryString } from './to-query-string.ts';

export type LandParcelList = z.infer<typeof landParcelListSchema>;

export type LandParcelFilter = {
  district: string | null;
  status: LandParcelStatus | null;
  page: number;
  limit: number;
};

export function getLandParcels(filter: LandParcelFilter, signal?: AbortSignal): Promise<LandParcelList> {
  return apiGet(`/api/land-parcels${toQueryString(filter)}`, landParcelListSchema, { signal });
}

export function landParcelsQuery(filter: LandParcelFilter): QueryOptions<LandParcelList> {
  return { key: `land-parcels${toQueryString(filter)}`, fetch: (signal) => getLandParcels(filter, signal) };
}

export function useLandParcels(filter: LandParcelFilter) {
  return useApiQuery(landParcelsQuery(filter));
}
