import { type ChainGapsBody, chainGapsSchema } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function getChainGaps(chainId: string, signal?: AbortSignal): Promise<ChainGapsBody> {
  return apiGet(`/api/chains/${encodeURIComponent(chainId)}/gaps`, chainGapsSchema, { signal });
}

export function chainGapsQuery(chainId: string): QueryOptions<ChainGapsBody> {
  return { key: `chain-gaps:${chainId}`, fetch: (signal) => getChainGaps(chainId, signal) };
}

export function useChainGaps(chainId: string) {
  return useApiQuery(chainGapsQuery(chainId));
}
