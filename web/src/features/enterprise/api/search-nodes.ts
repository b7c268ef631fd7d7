import { type SearchResult, searchResultSchema } from '../../../../../api/src/http/schemas/search.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export const searchHitsPerGroup = 6;

export function searchNodes(q: string, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams({ q, limit: String(searchHitsPerGroup) });
  return apiGet(`/api/search?${params}`, searchResultSchema, { signal });
}

export function searchNodesQuery(q: string): QueryOptions<SearchResult> {
  return { key: `enterprise-canvas-search:${q}`, fetch: (signal) => searchNodes(q, signal) };
}

export function useSearchNodes(q: string) {
  return useApiQuery(searchNodesQuery(q));
}
