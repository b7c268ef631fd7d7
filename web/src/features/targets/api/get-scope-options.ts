import { chainDetailSchema, chainListSchema } from '../../../../../api/src/http/schemas/catalog.schemas.ts';
import { districtListSchema } from '../../../../../api/src/http/schemas/district.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { useApiQuery } from '../../../lib/use-api-query.ts';

/** The chains and districts a ranking can be scoped to, and the links of the chosen chain. */
export function useChainOptions() {
  return useApiQuery({
    key: 'chains',
    fetch: (signal) => apiGet('/api/chains', chainListSchema, { signal }),
  });
}

export function useDistrictOptions() {
  return useApiQuery({
    key: 'districts',
    fetch: (signal) => apiGet('/api/districts', districtListSchema, { signal }),
  });
}

export function useChainLinks(chainId: string) {
  return useApiQuery({
    key: `chain-links:${chainId}`,
    fetch: async (signal) =>
      chainId === ''
        ? []
        : (await apiGet(`/api/chains/${encodeURIComponent(chainId)}`, chainDetailSchema, { signal })).links,
  });
}
