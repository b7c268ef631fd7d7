import {
  type Neighbourhood,
  neighbourhoodSchema,
  type RelationshipType,
} from '../../../../../api/src/http/schemas/graph.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';

/** Nodes and relationships around one node (`enterprise:000725.SZ`), following `types`, at most `limit` nodes. */
export function getNeighbourhood(
  request: { id: string; depth: number; limit: number; types?: readonly RelationshipType[] },
  signal?: AbortSignal,
): Promise<Neighbourhood> {
  const params = new URLSearchParams({
    id: request.id,
    depth: String(request.depth),
    limit: String(request.limit),
  });
  if (request.types) params.set('types', request.types.join(','));
  return apiGet(`/api/graph/neighbourhood?${params}`, neighbourhoodSchema, { signal });
}
