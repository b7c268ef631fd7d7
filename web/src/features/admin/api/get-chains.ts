import type { z } from 'zod';
import { chainListSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type ChainList = z.infer<typeof chainListSchema>;

export const adminChainsQuery: QueryOptions<ChainList> = {
  key: 'admin-chains',
  fetch: (signal) => apiGet('/api/chains', chainListSchema, { signal }),
};

export function useAdminChains() {
  return useApiQuery(adminChainsQuery);
}
