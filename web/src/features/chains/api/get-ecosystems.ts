import type { z } from 'zod';
import { ecosystemListSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type EcosystemList = z.infer<typeof ecosystemListSchema>;

export function getEcosystems(signal?: AbortSignal): Promise<EcosystemList> {
  return apiGet('/api/ecosystems', ecosystemListSchema, { signal });
}

export const ecosystemsQuery: QueryOptions<EcosystemList> = { key: 'ecosystems', fetch: getEcosystems };

export function useEcosystems() {
  return useApiQuery(ecosystemsQuery);
}
