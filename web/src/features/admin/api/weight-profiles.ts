import type { z } from 'zod';
import {
  weightProfileListSchema,
  weightProfileSchema,
} from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type WeightProfile = z.infer<typeof weightProfileSchema>;
export type WeightProfileList = z.infer<typeof weightProfileListSchema>;

export function weightProfilesQuery(revision: number): QueryOptions<WeightProfileList> {
  return {
    key: `weight-profiles:${revision}`,
    fetch: (signal) => apiGet('/api/weight-profiles', weightProfileListSchema, { signal }),
  };
}

export function useWeightProfiles(revision: number) {
  return useApiQuery(weightProfilesQuery(revision));
}

export function saveWeightProfile(
  name: string,
  body: { weights: WeightProfile['weights']; description?: string; version?: number },
): Promise<WeightProfile> {
  return apiRequest(`/api/admin/weight-profiles/${encodeURIComponent(name)}`, weightProfileSchema, {
    method: 'PUT',
    body,
  });
}
