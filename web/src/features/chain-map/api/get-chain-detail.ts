import { type ChainDetail, chainDetailSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function getChainDetail(chainId: string, signal?: AbortSignal): Promise<ChainDetail> {
  return apiGet(`/api/chains/${encodeURIComponent(chainId)}`, chainDetailSchema, { signal });
}

export function chainDetailQuery(chainId: string): QueryOptions<ChainDetail> {
  return { key: `chain:${chainId}`, fetch: (signal) => getChainDetail(chainId, signal) };
}

export function useChainDetail(chainId: string) {
  return useApiQuery(chainDetailQuery(chainId));
}
