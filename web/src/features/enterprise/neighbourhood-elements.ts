import type {
  GraphEdge,
  GraphNode,
  Neighbourhood,
  NodeKind,
  RelationshipType,
} from '../../../../api/src/http/schemas/graph.schemas.ts';

/**
 * Pure helpers behind the neighbourhood canvas: API nodes and edges → Cytoscape elements, positions for new
 * nodes around their anchor (nothing already placed ever moves), and which part of an answer an expansion
 * adds. Kept free of Cytoscape so they are tested without a browser.
 */

export type Expansion = 'supplies' | 'suppliedBy' | 'links' | 'district';
export const expansions: readonly Expansion[] = ['supplies', 'suppliedBy', 'links', 'district'];

/** The relationship types each expansion follows; direction is checked separately for SUPPLIES. */
export const expansionTypes: Record<Expansion, readonly RelationshipType[]> = {
  supplies: ['SUPPLIES'],
  suppliedBy: ['SUPPLIES'],
  links: ['IN_LINK', 'LEADS', 'HAS_LINK', 'FEEDS'],
  district: ['LOCATED_IN', 'HAS_PARK', 'PRIORITIZES', 'FOCUSES_ON'],
};

/** New nodes one expansion (or one "show more") adds at most: a hub with 5,000 firms stays readable. */
export const expansionStep = 25;
/** The API answers at most this many nodes per request. */
export const maxNeighbourhoodLimit = 500;

export interface Position {
  x: number;
  y: number;
}

export interface CanvasNodeData {
  id: string;
  kind: NodeKind;
  key: string;
  label: string;
  local: boolean;
}

export interface CanvasEdgeData {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
}

export type CanvasElement =
  | { group: 'nodes'; data: CanvasNodeData; position: Position; classes: string }
  | { group: 'edges'; data: CanvasEdgeData; classes: string };

export function nodeElement(
  node: Pick<GraphNode, 'id' | 'kind' | 'key' | 'label' | 'local'>,
  position: Position,
) {
  const classes: string[] = [node.kind];
  if (node.kind === 'enterprise') classes.push(node.local ? 'local' : 'elsewhere');
  return {
    group: 'nodes' as const,
    data: { id: node.id, kind: node.kind, key: node.key, label: node.label, local: node.local },
    position,
    classes: classes.join(' '),
  };
}

export function edgeElement(edge: GraphEdge) {
  return {
    group: 'edges' as const,
    data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
    classes: `rel-${edge.type.toLowerCase().replace(/_/g, '-')}`,
  };
}

/**
 * `count` positions on rings around `centre`, the first ring at `radius`, each ring holding as many nodes as
 * fit `spacing` apart; `rotation` turns the rings so successive batches around one anchor interleave.
 */
export function ringPositions(
  centre: Position,
  count: number,
  radius = 140,
  spacing = 70,
  rotation = 0,
): Position[] {
  const positions: Position[] = [];
  let ring = 0;
  while (positions.length < count) {
    const r = radius + ring * spacing * 1.1;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * r) / spacing));
    const onRing = Math.min(capacity, count - positions.length);
    for (let i = 0; i < onRing; i++) {
      const angle = rotation + (2 * Math.PI * i) / onRing + (ring % 2) * (Math.PI / onRing);
      positions.push({ x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
    }
    ring += 1;
  }
  return positions;
}

/** The first picture: the centre in the middle, each hop on rings further out. */
export function initialElements(neighbourhood: Neighbourhood): CanvasElement[] {
  const byDepth = new Map<number, GraphNode[]>();
  for (const node of neighbourhood.nodes) {
    const list = byDepth.get(node.depth) ?? [];
    list.push(node);
    byDepth.set(node.depth, list);
  }
  const elements: CanvasElement[] = [];
  let radius = 0;
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const nodes = byDepth.get(depth) ?? [];
    if (depth === 0) {
      for (const node of nodes) elements.push(nodeElement(node, { x: 0, y: 0 }));
      continue;
    }
    radius += 160;
    const positions = ringPositions({ x: 0, y: 0 }, nodes.length, radius, 60);
    nodes.forEach((node, index) => {
      elements.push(nodeElement(node, positions[index] ?? { x: 0, y: 0 }));
    });
    // Rings of a hop can be several deep; the next hop starts outside them.
    const last = positions[positions.length - 1];
    if (last) radius = Math.max(radius, Math.hypot(last.x, last.y));
  }
  const ids = new Set(neighbourhood.nodes.map((n) => n.id));
  for (const edge of neighbourhood.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) elements.push(edgeElement(edge));
  }
  return elements;
}

export interface ExpansionPlan {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** More neighbours of this kind exist than are now on the canvas. */
  hasMore: boolean;
}

/**
 * What an expansion of `anchorId` adds from the API's answer: up to `wanted` neighbours not yet on the canvas
 * (for SUPPLIES, only those on the asked side), and every edge of the answer between nodes that will be on it.
 */
export function planExpansion(
  answer: Neighbourhood,
  anchorId: string,
  expansion: Expansion,
  existing: ReadonlySet<string>,
  wanted: number,
): ExpansionPlan {
  const sideOk = (edge: GraphEdge) => {
    if (expansion === 'supplies') return edge.source === anchorId;
    if (expansion === 'suppliedBy') return edge.target === anchorId;
    return true;
  };
  const neighbourIds = new Set<string>();
  for (const edge of answer.edges) {
    if (!sideOk(edge)) continue;
    if (edge.source === anchorId) neighbourIds.add(edge.target);
    else if (edge.target === anchorId) neighbourIds.add(edge.source);
  }
  const candidates = answer.nodes.filter((node) => neighbourIds.has(node.id) && !existing.has(node.id));
  const nodes = candidates.slice(0, wanted);
  const onCanvas = new Set([...existing, ...nodes.map((n) => n.id)]);
  // Edges already drawn come back too; the canvas skips ids it has.
  const edges = answer.edges.filter((edge) => onCanvas.has(edge.source) && onCanvas.has(edge.target));
  return { nodes, edges, hasMore: candidates.length > nodes.length || answer.truncated };
}

/** The limit to ask the API for so that `wanted` new neighbours can be found past those already shown. */
export function requestLimit(shownNeighbours: number, wanted: number, expansion: Expansion): number {
  // SUPPLIES answers both sides; asking for twice as many leaves room for the side filtered out.
  const factor = expansion === 'supplies' || expansion === 'suppliedBy' ? 2 : 1;
  return Math.min(maxNeighbourhoodLimit, 1 + (shownNeighbours + wanted) * factor);
}
