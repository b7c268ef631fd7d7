import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Neighbourhood } from '../../../../api/src/http/schemas/graph.schemas.ts';
import {
  edgeElement,
  initialElements,
  nodeElement,
  planExpansion,
  requestLimit,
  ringPositions,
} from './neighbourhood-elements.ts';

const node = (id: string, depth = 1, local = false): GraphNode => ({
  id,
  kind: id.startsWith('link:') ? 'link' : 'enterprise',
  key: id.split(':')[1] ?? id,
  label: id,
  local,
  depth,
});
const supplies = (from: string, to: string): GraphEdge => ({
  id: `SUPPLIES:${from}->${to}`,
  source: from,
  target: to,
  type: 'SUPPLIES',
});

describe('nodeElement and edgeElement', () => {
  it('classes enterprises as local or elsewhere and edges by relationship type', () => {
    expect(nodeElement(node('enterprise:a', 0, true), { x: 1, y: 2 })).toMatchObject({
      classes: 'enterprise local',
      position: { x: 1, y: 2 },
      data: { id: 'enterprise:a', kind: 'enterprise' },
    });
    expect(nodeElement(node('link:l'), { x: 0, y: 0 }).classes).toBe('link');
    expect(edgeElement({ id: 'e', source: 'a', target: 'b', type: 'IN_LINK' }).classes).toBe('rel-in-link');
  });
});

describe('ringPositions', () => {
  it('places every node at least the spacing from the anchor, on rings that grow outwards', () => {
    const positions = ringPositions({ x: 100, y: 50 }, 40, 140, 70);
    expect(positions).toHaveLength(40);
    const distances = positions.map((p) => Math.hypot(p.x - 100, p.y - 50));
    expect(Math.min(...distances)).toBeCloseTo(140);
    expect(Math.max(...distances)).toBeGreaterThan(140);
    const keys = new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(40);
  });

  it('gives nothing for nothing', () => {
    expect(ringPositions({ x: 0, y: 0 }, 0)).toEqual([]);
  });
});

describe('initialElements', () => {
  it('puts the centre at the origin, each hop further out, and keeps only edges between its nodes', () => {
    const answer: Neighbourhood = {
      center: 'enterprise:c',
      nodes: [node('enterprise:c', 0), node('enterprise:a', 1), node('link:l', 2)],
      edges: [supplies('enterprise:c', 'enterprise:a'), supplies('enterprise:a', 'enterprise:ghost')],
      truncated: false,
    };
    const elements = initialElements(answer);
    const at = (id: string) => {
      const el = elements.find((e) => e.data.id === id);
      return el?.group === 'nodes' ? Math.hypot(el.position.x, el.position.y) : -1;
    };
    expect(at('enterprise:c')).toBe(0);
    expect(at('enterprise:a')).toBeGreaterThan(0);
    expect(at('link:l')).toBeGreaterThan(at('enterprise:a'));
    expect(elements.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual([
      'SUPPLIES:enterprise:c->enterprise:a',
    ]);
  });
});

describe('planExpansion', () => {
  const anchor = 'enterprise:c';
  const answer: Neighbourhood = {
    center: anchor,
    nodes: [node(anchor, 0), node('enterprise:buyer1'), node('enterprise:buyer2'), node('enterprise:seller')],
    edges: [
      supplies(anchor, 'enterprise:buyer1'),
      supplies(anchor, 'enterprise:buyer2'),
      supplies('enterprise:seller', anchor),
      supplies('enterprise:seller', 'enterprise:buyer1'),
    ],
    truncated: false,
  };

  it('adds only the asked side of SUPPLIES, capped, and says when more remain', () => {
    const plan = planExpansion(answer, anchor, 'supplies', new Set([anchor]), 1);
    expect(plan.nodes.map((n) => n.id)).toEqual(['enterprise:buyer1']);
    expect(plan.edges.map((e) => e.id)).toEqual(['SUPPLIES:enterprise:c->enterprise:buyer1']);
    expect(plan.hasMore).toBe(true);

    const sellers = planExpansion(answer, anchor, 'suppliedBy', new Set([anchor]), 10);
    expect(sellers.nodes.map((n) => n.id)).toEqual(['enterprise:seller']);
    expect(sellers.hasMore).toBe(false);
  });

  it('skips nodes already shown and brings the edges among shown nodes along', () => {
    const plan = planExpansion(answer, anchor, 'suppliedBy', new Set([anchor, 'enterprise:buyer1']), 10);
    expect(plan.edges.map((e) => e.id).sort()).toEqual([
      'SUPPLIES:enterprise:c->enterprise:buyer1',
      'SUPPLIES:enterprise:seller->enterprise:buyer1',
      'SUPPLIES:enterprise:seller->enterprise:c',
    ]);
    const again = planExpansion(answer, anchor, 'suppliedBy', new Set([anchor, 'enterprise:seller']), 10);
    expect(again.nodes).toEqual([]);
  });

  it('reports more when the API cut the answer short', () => {
    expect(
      planExpansion({ ...answer, truncated: true }, anchor, 'links', new Set([anchor]), 10).hasMore,
    ).toBe(true);
  });
});

describe('requestLimit', () => {
  it('asks for room past what is shown, double for one side of SUPPLIES, never past the API cap', () => {
    expect(requestLimit(0, 25, 'links')).toBe(26);
    expect(requestLimit(25, 25, 'supplies')).toBe(101);
    expect(requestLimit(480, 25, 'links')).toBe(500);
  });
});

describe('toDroppableNodes', () => {
  it('names each hit as the neighbourhood API names nodes, enterprises first', async () => {
    const { toDroppableNodes } = await import('./search-nodes.ts');
    const nodes = toDroppableNodes({
      q: 'x',
      chains: { items: [{ id: 'ic', name: '集成电路', nameEn: '', ecosystemName: '电子信息' }], total: 1 },
      links: { items: [], total: 0 },
      enterprises: {
        items: [{ id: '000725.SZ', name: '京东方', districtName: null, local: false, leader: true }],
        total: 1,
      },
      districts: { items: [{ code: '510107', name: '武侯区', nameEn: 'Wuhou' }], total: 1 },
    });
    expect(nodes.map((n) => n.id)).toEqual(['enterprise:000725.SZ', 'chain:ic', 'district:510107']);
  });
});
