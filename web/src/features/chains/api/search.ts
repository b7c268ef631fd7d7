import { type SearchResult, searchResultSchema } from '../../../../../api/src/http/schemas/search.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function search(q: string, limit: number, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return apiGet(`/api/search?${params}`, searchResultSchema, { signal });
}

export function searchQuery(q: string, limit: number): QueryOptions<SearchResult> {
  return { key: `search:${limit}:${q}`, fetch: (signal) => search(q, limit, signal) };
}

export function useSearch(q: string, limit: number) {
  return useApiQuery(searchQuery(q, limit));
}
