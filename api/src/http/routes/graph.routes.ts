import { NotFoundError } from '../../domain/errors.ts';
import type { NeighbourhoodRepository } from '../../graph/neighbourhood.repository.ts';
import { defineRoute } from '../route.ts';
import { neighbourhoodQuerySchema, neighbourhoodSchema } from '../schemas/graph.schemas.ts';

export function graphRoutes(neighbourhood: NeighbourhoodRepository) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/graph/neighbourhood',
      tag: 'graph',
      summary: 'Nodes and relationships around one node, breadth first, capped by `limit`',
      query: neighbourhoodQuerySchema,
      response: neighbourhoodSchema,
      errors: [404],
      handler: async ({ query }) => {
        const result = await neighbourhood.getNeighbourhood(query.id, query.depth, query.limit, query.types);
        if (!result) throw new NotFoundError('Node', query.id);
        return result;
      },
    }),
  ];
}
