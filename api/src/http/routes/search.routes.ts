import type { SearchRepository } from '../../graph/search.repository.ts';
import { defineRoute } from '../route.ts';
import { searchQuerySchema, searchResultSchema } from '../schemas/search.schemas.ts';

export function searchRoutes(search: SearchRepository) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/search',
      tag: 'search',
      summary:
        'Chains, links, enterprises and districts whose name contains `q` (Chinese partial names; English names ignore case), up to `limit` of each',
      query: searchQuerySchema,
      response: searchResultSchema,
      handler: async ({ query }) => ({ q: query.q, ...(await search.search(query.q, query.limit)) }),
    }),
  ];
}
