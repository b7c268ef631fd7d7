import { scoringRules } from './target-scoring.ts';

/**
 * The reference definition of the supply features the repository computes in Cypher (direct ties and
 * Adamic–Adar proximity over SUPPLIES, the latter summed over each candidate's partners in any order, so the
 * repository may compute it from the local firms' side), on an in-memory graph. Tests use it to change a graph
 * and watch the features move, and to check the Cypher against it on the seed.
 */

export interface SupplyGraph {
  /** SUPPLIES edges, supplier → buyer; parallel edges (other products) allowed. */
  edges: readonly { from: string; to: string }[];
  local: ReadonlySet<string>;
  /** Enterprises that lead a chain. */
  leaders: ReadonlySet<string>;
}

export interface SupplyFeatures {
  suppliesLocal: number;
  suppliesLocalLeaders: number;
  buysFromLocal: number;
  proximity: number;
  supplyEdges: number;
}

export function supplyFeaturesOf(
  graph: SupplyGraph,
  candidate: string,
  maxPartnerEdges: number = scoringRules.maxPartnerEdges,
): SupplyFeatures {
  const neighbours = new Map<string, Set<string>>();
  const edges = new Map<string, number>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  };
  const buyers = new Set<string>();
  const suppliers = new Set<string>();
  for (const { from, to } of graph.edges) {
    link(from, to);
    link(to, from);
    edges.set(from, (edges.get(from) ?? 0) + 1);
    edges.set(to, (edges.get(to) ?? 0) + 1);
    if (from === candidate) buyers.add(to);
    if (to === candidate) suppliers.add(from);
  }
  const localBuyers = [...buyers].filter((b) => graph.local.has(b));
  let proximity = 0;
  for (const z of neighbours.get(candidate) ?? []) {
    if ((edges.get(z) ?? 0) > maxPartnerEdges) continue;
    const ofZ = neighbours.get(z) ?? new Set<string>();
    const localNeighbours = [...ofZ].filter((y) => graph.local.has(y)).length;
    if (localNeighbours > 0 && ofZ.size > 1) proximity += localNeighbours / Math.log(ofZ.size);
  }
  return {
    suppliesLocal: localBuyers.length,
    suppliesLocalLeaders: localBuyers.filter((b) => graph.leaders.has(b)).length,
    buysFromLocal: [...suppliers].filter((s) => graph.local.has(s)).length,
    proximity,
    supplyEdges: edges.get(candidate) ?? 0,
  };
}
