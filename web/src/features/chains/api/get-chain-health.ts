import type { z } from 'zod';
import { chainHealthListSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type ChainHealthList = z.infer<typeof chainHealthListSchema>;

export function getChainHealth(signal?: AbortSignal): Promise<ChainHealthList> {
  return apiGet('/api/chains/health', chainHealthListSchema, { signal });
}

export const chainHealthQuery: QueryOptions<ChainHealthList> = { key: 'chain-health', fetch: getChainHealth };

export function useChainHealth() {
  return useApiQuery(chainHealthQuery);
}
