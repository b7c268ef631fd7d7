import { type ChainDetail, chainDetailSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

/** `revision` is bumped after each edit, so the same chain is read again. */
export function chainDetailQuery(chainId: string, revision: number): QueryOptions<ChainDetail> {
  return {
    key: `admin-chain:${chainId}:${revision}`,
    fetch: (signal) => apiGet(`/api/chains/${encodeURIComponent(chainId)}`, chainDetailSchema, { signal }),
  };
}

export function useEditedChain(chainId: string, revision: number) {
  return useApiQuery(chainDetailQuery(chainId, revision));
}
