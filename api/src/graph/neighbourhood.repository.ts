import { z } from 'zod';
import {
  type GraphEdge,
  type GraphNode,
  type Neighbourhood,
  type NodeKind,
  nodeKindSchema,
  type RelationshipType,
  relationshipTypeSchema,
} from '../http/schemas/graph.schemas.ts';
import { type Database, int } from './database.ts';

const labelOfKind: Record<NodeKind, string> = {
  enterprise: 'Enterprise',
  link: 'Link',
  chain: 'Chain',
  ecosystem: 'Ecosystem',
  district: 'District',
  park: 'Park',
};
const allTypes = relationshipTypeSchema.options;

// Every node kind has one key property: districts are keyed by their division code, the rest by id.
const nodeProjection = (v: string) => `{elementId: elementId(${v}), kind: toLower(head(labels(${v}))),
  key: coalesce(${v}.id, ${v}.code), label: coalesce(${v}.name, ${v}.id, ${v}.code),
  local: coalesce(${v}.local, false)}`;

const rawNodeSchema = z.object({
  elementId: z.string(),
  kind: nodeKindSchema,
  key: z.string(),
  label: z.string(),
  local: z.boolean(),
});
type RawNode = z.infer<typeof rawNodeSchema>;

const rawEdgeSchema = z.object({
  elementId: z.string(),
  type: relationshipTypeSchema,
  from: z.string(),
  to: z.string(),
});

/** Parses `enterprise:000725.SZ` into kind and key; a bare key has no kind. */
export function parseNodeRef(ref: string): { kind?: NodeKind; key: string } {
  const colon = ref.indexOf(':');
  if (colon > 0) {
    const kind = nodeKindSchema.safeParse(ref.slice(0, colon));
    if (kind.success) return { kind: kind.data, key: ref.slice(colon + 1) };
  }
  return { key: ref };
}

export function createNeighbourhoodRepository(db: Database) {
  const findStart = async (ref: string): Promise<RawNode | undefined> => {
    const { kind, key } = parseNodeRef(ref);
    const kinds = kind ? [kind] : nodeKindSchema.options;
    // One indexed lookup per candidate label; labels come from the fixed map above, never from input.
    const union = kinds
      .map((k) => `MATCH (n:${labelOfKind[k]} {${k === 'district' ? 'code' : 'id'}: $key}) RETURN n`)
      .join(' UNION ');
    const rows = await db.read(
      `CALL () { ${union} } RETURN ${nodeProjection('n')} AS row LIMIT 1`,
      { key },
      (r) => rawNodeSchema.parse(r.get('row')),
    );
    return rows[0];
  };

  return {
    /**
     * Breadth-first neighbourhood up to `depth` hops and `limit` nodes, following `types`. Each hop is one
     * bounded query, so a node with 100,000 neighbours costs `limit` rows, not 100,000.
     */
    async getNeighbourhood(
      ref: string,
      depth: number,
      limit: number,
      types: RelationshipType[] = allTypes,
    ): Promise<Neighbourhood | undefined> {
      const start = await findStart(ref);
      if (!start) return undefined;
      const nodes = new Map<string, GraphNode>();
      const edges = new Map<string, GraphEdge>();
      const publicId = (n: RawNode) => `${n.kind}:${n.key}`;
      nodes.set(start.elementId, {
        id: publicId(start),
        kind: start.kind,
        key: start.key,
        label: start.label,
        local: start.local,
        depth: 0,
      });
      let frontier = [start.elementId];
      let truncated = false;

      for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
        const room = limit - nodes.size;
        // New neighbours first: `room + 1` of them tell whether the limit cut anything off; the remaining
        // rows carry edges back into the nodes already known.
        const rows = await db.read(
          `UNWIND $frontier AS fid
           MATCH (n) WHERE elementId(n) = fid
           MATCH (n)-[r]-(m)
           WHERE type(r) IN $types
           WITH r, m, NOT elementId(m) IN $known AS isNew
           ORDER BY isNew DESC, type(r), coalesce(m.id, m.code)
           LIMIT $cap
           RETURN {elementId: elementId(r), type: type(r), from: elementId(startNode(r)), to: elementId(endNode(r))} AS edge,
                  ${nodeProjection('m')} AS node, isNew`,
          { frontier, types, known: [...nodes.keys()], cap: int(room + 1 + nodes.size) },
          (r) => ({ edge: rawEdgeSchema.parse(r.get('edge')), node: rawNodeSchema.parse(r.get('node')) }),
        );
        const next: string[] = [];
        for (const { edge, node } of rows) {
          if (!nodes.has(node.elementId)) {
            if (nodes.size >= limit) {
              truncated = true;
              continue;
            }
            nodes.set(node.elementId, {
              id: publicId(node),
              kind: node.kind,
              key: node.key,
              label: node.label,
              local: node.local,
              depth: hop,
            });
            next.push(node.elementId);
          }
          const from = nodes.get(edge.from);
          const to = nodes.get(edge.to);
          if (!from || !to) continue;
          // Parallel relationships of one type (a supply recorded by two sources) are drawn as one edge.
          const id = `${edge.type}:${from.id}->${to.id}`;
          if (!edges.has(id))
            edges.set(id, {
              id,
              source: from.id,
              target: to.id,
              type: edge.type,
            });
        }
        frontier = next;
      }
      return { center: publicId(start), nodes: [...nodes.values()], edges: [...edges.values()], truncated };
    },
  };
}

export type NeighbourhoodRepository = ReturnType<typeof createNeighbourhoodRepository>;
