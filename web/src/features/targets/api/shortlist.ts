import { type ShortlistBody, shortlistSchema } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

/** The user's shortlist lives on the server, so it follows them to any browser and survives a reload. */
export const shortlistQuery: QueryOptions<ShortlistBody> = {
  key: 'shortlist',
  fetch: (signal) => apiGet('/api/shortlist', shortlistSchema, { signal }),
};

export function useShortlist() {
  return useApiQuery(shortlistQuery);
}

export function addToShortlist(enterpriseId: string): Promise<ShortlistBody> {
  return apiRequest(`/api/shortlist/${encodeURIComponent(enterpriseId)}`, shortlistSchema, { method: 'PUT' });
}

export function removeFromShortlist(enterpriseId: string): Promise<ShortlistBody> {
  return apiRequest(`/api/shortlist/${encodeURIComponent(enterpriseId)}`, shortlistSchema, {
    method: 'DELETE',
  });
}
