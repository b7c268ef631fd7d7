import { z } from 'zod';
import { queryInt } from './query.ts';

export const nodeKindSchema = z.enum(['enterprise', 'link', 'chain', 'ecosystem', 'district', 'park']);
export type NodeKind = z.infer<typeof nodeKindSchema>;

export const relationshipTypeSchema = z.enum([
  'IN_LINK',
  'SUPPLIES',
  'LEADS',
  'LOCATED_IN',
  'HAS_LINK',
  'HAS_CHAIN',
  'FEEDS',
  'PRIORITIZES',
  'HAS_PARK',
  'FOCUSES_ON',
]);
export type RelationshipType = z.infer<typeof relationshipTypeSchema>;

export const neighbourhoodQuerySchema = z.object({
  /** A node key (`000725.SZ`, `ic-wafer-fab`, `510104`) or a typed one (`enterprise:000725.SZ`). */
  id: z.string().trim().min(1, 'is required').max(100),
  depth: queryInt({ min: 1, max: 3, fallback: 1 }),
  limit: queryInt({ min: 1, max: 500, fallback: 100 }),
  /** Comma-separated relationship types to follow; all when absent. */
  types: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((t) => t.trim()) : undefined),
    z.array(relationshipTypeSchema).min(1).optional(),
  ),
});
export type NeighbourhoodQuery = z.infer<typeof neighbourhoodQuerySchema>;

export const graphNodeSchema = z.object({
  /** `kind:key`, unique across kinds. */
  id: z.string(),
  kind: nodeKindSchema,
  key: z.string(),
  label: z.string(),
  /** For enterprises: located in one of the city's districts. */
  local: z.boolean(),
  depth: z.number().int(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: relationshipTypeSchema,
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const neighbourhoodSchema = z.object({
  center: z.string(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** True when the limit cut the neighbourhood short. */
  truncated: z.boolean(),
});
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;
