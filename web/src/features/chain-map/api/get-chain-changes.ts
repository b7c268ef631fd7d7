import {
  type ChainChangesResponse,
  chainChangesSchema,
} from '../../../../../api/src/http/schemas/map-edit.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function getChainChanges(
  chainId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<ChainChangesResponse> {
  const params = new URLSearchParams({ from, to });
  return apiGet(`/api/chains/${encodeURIComponent(chainId)}/changes?${params}`, chainChangesSchema, {
    signal,
  });
}

export function chainChangesQuery(
  chainId: string,
  from: string,
  to: string,
): QueryOptions<ChainChangesResponse> {
  return {
    key: `chain-changes:${chainId}:${from}:${to}`,
    fetch: (signal) => getChainChanges(chainId, from, to, signal),
  };
}

export function useChainChanges(chainId: string, from: string, to: string) {
  return useApiQuery(chainChangesQuery(chainId, from, to));
}
