import type { z } from 'zod';
import { chainListSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type ChainList = z.infer<typeof chainListSchema>;

export function getChains(signal?: AbortSignal): Promise<ChainList> {
  return apiGet('/api/chains', chainListSchema, { signal });
}

export const chainsQuery: QueryOptions<ChainList> = { key: 'chains', fetch: getChains };

export function useChains() {
  return useApiQuery(chainsQuery);
}
