import { type ChainDetail, chainDetailSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

/** The chain's map today, or as it was on `asOf` (YYYY-MM-DD). */
export function getChainDetail(
  chainId: string,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<ChainDetail> {
  const search = asOf ? `?${new URLSearchParams({ asOf })}` : '';
  return apiGet(`/api/chains/${encodeURIComponent(chainId)}${search}`, chainDetailSchema, { signal });
}

export function chainDetailQuery(chainId: string, asOf: string | null): QueryOptions<ChainDetail> {
  return { key: `chain:${chainId}:${asOf ?? ''}`, fetch: (signal) => getChainDetail(chainId, asOf, signal) };
}

export function useChainDetail(chainId: string, asOf: string | null) {
  return useApiQuery(chainDetailQuery(chainId, asOf));
}
