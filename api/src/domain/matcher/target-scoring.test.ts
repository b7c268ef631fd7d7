import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supplyFeaturesOf } from './supply-features.ts';
import {
  type CandidateFeatures,
  type Components,
  componentsOf,
  linkAdjacency,
  momentumOf,
  qualityOf,
  rankCandidates,
  riskFlagOf,
  scoreOf,
  scoringRules,
  supplyTiesOf,
  type Weights,
  weightedComponents,
} from './target-scoring.ts';

const plain: CandidateFeatures = {
  gapFit: 0,
  suppliesLocal: 0,
  suppliesLocalLeaders: 0,
  buysFromLocal: 0,
  adjacency: 0,
  proximity: 0,
  board: '主板',
  listed: true,
  leader: false,
  supplyEdges: 0,
  daysSinceListing: null,
  vetoed: false,
};

describe('components', () => {
  it('gives no supply tie without ties, half for one local buyer, more for a leader buyer', () => {
    expect(supplyTiesOf(plain)).toBe(0);
    expect(supplyTiesOf({ ...plain, suppliesLocal: 1 })).toBeCloseTo(0.5);
    expect(supplyTiesOf({ ...plain, suppliesLocal: 1, suppliesLocalLeaders: 1 })).toBeCloseTo(2 / 3);
  });

  it('caps what link adjacency alone can give', () => {
    const huge = supplyTiesOf({ ...plain, adjacency: 1e9 });
    expect(huge).toBeLessThanOrEqual(scoringRules.adjacencyCap);
    expect(huge).toBeGreaterThan(scoringRules.adjacencyCap - 0.01);
    expect(supplyTiesOf({ ...plain, adjacency: 3 })).toBeCloseTo(scoringRules.adjacencyCap / 2);
  });

  it('rates quality from board, leadership and supply relationships', () => {
    expect(qualityOf(plain)).toBeCloseTo(0.5);
    expect(qualityOf({ ...plain, listed: false })).toBeCloseTo(0.5 * scoringRules.unlistedQuality);
    expect(qualityOf({ ...plain, board: '北交所' })).toBeCloseTo(0.35);
    expect(qualityOf({ ...plain, leader: true, supplyEdges: 2 })).toBeCloseTo(0.5 + 0.3 + 0.1);
  });

  it('gives momentum to listings younger than three years, linearly less with age', () => {
    expect(momentumOf({ daysSinceListing: null })).toBe(0);
    expect(momentumOf({ daysSinceListing: 0 })).toBe(1);
    expect(momentumOf({ daysSinceListing: scoringRules.momentumDays / 2 })).toBeCloseTo(0.5);
    expect(momentumOf({ daysSinceListing: scoringRules.momentumDays })).toBe(0);
    expect(momentumOf({ daysSinceListing: 5000 })).toBe(0);
  });

  it('scores the weighted mean and zero under a veto', () => {
    const c: Components = { gapFit: 1, supplyTies: 0.5, quality: 0.5, momentum: 0, veto: 1 };
    const w: Weights = { gapFit: 0.5, supplyTies: 0.25, quality: 0.25, momentum: 0 };
    expect(scoreOf(c, w)).toBeCloseTo(0.75);
    expect(scoreOf({ ...c, veto: 0 }, w)).toBe(0);
  });

  it('reads exchange risk warnings from short names', () => {
    expect(riskFlagOf('*ST国华')).toBe('*ST');
    expect(riskFlagOf('ST晨鸣')).toBe('ST');
    expect(riskFlagOf('S*ST前锋')).toBe('S*ST');
    expect(riskFlagOf('退市海润')).toBeNull();
    expect(riskFlagOf('海润退')).toBe('退');
    expect(riskFlagOf('中芯国际')).toBeNull();
    expect(riskFlagOf('BEST科技')).toBeNull();
  });

  it('sums local firms downstream, their leaders and a share of those upstream per link', () => {
    expect(
      linkAdjacency([
        { linkId: 'a', direction: 'down', firms: 2, leaders: 1 },
        { linkId: 'a', direction: 'up', firms: 4, leaders: 0 },
        { linkId: 'b', direction: 'up', firms: 1, leaders: 1 },
      ]),
    ).toEqual({ a: 3 + 4 * scoringRules.upstreamShare, b: scoringRules.upstreamShare });
  });
});

describe('supply features on a graph', () => {
  it('counts distinct local buyers, leaders among them, local suppliers and Adamic–Adar proximity', () => {
    const graph = {
      edges: [
        { from: 'x', to: 'L1' },
        { from: 'x', to: 'L1' },
        { from: 'x', to: 'z' },
        { from: 'z', to: 'L2' },
        { from: 'z', to: 'L3' },
        { from: 'L4', to: 'x' },
      ],
      local: new Set(['L1', 'L2', 'L3', 'L4']),
      leaders: new Set(['L1']),
    };
    const f = supplyFeaturesOf(graph, 'x');
    expect(f).toMatchObject({ suppliesLocal: 1, suppliesLocalLeaders: 1, buysFromLocal: 1, supplyEdges: 4 });
    // Partners L1 (neighbour x only: degree 1, no term), L4 (same), z (neighbours x, L2, L3: 2 local / ln 3).
    expect(f.proximity).toBeCloseTo(2 / Math.log(3));
    // A partner with more relationships than the bound is a hub and adds nothing.
    expect(supplyFeaturesOf(graph, 'x', 2).proximity).toBe(0);
    expect(supplyFeaturesOf(graph, 'x', 3).proximity).toBeCloseTo(2 / Math.log(3));
  });
});

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const graphArb = fc.record({
  edges: fc.array(
    fc.record({ from: fc.constantFrom(...ids), to: fc.constantFrom(...ids) }).filter((e) => e.from !== e.to),
    { maxLength: 20 },
  ),
  localIds: fc.subarray(ids.slice(1)),
  leaderIds: fc.subarray(ids),
});

describe('supply-tie properties', () => {
  it('adding a SUPPLIES edge to a local firm never lowers the supplier’s supply-tie component', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc.constantFrom(...ids.slice(1)),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (g, buyer, adjacency) => {
          // 'a' is the candidate: never local, as targets never are.
          const local = new Set([...g.localIds, buyer]);
          const graph = { edges: g.edges, local, leaders: new Set(g.leaderIds) };
          const before = { ...supplyFeaturesOf(graph, 'a'), adjacency };
          const after = {
            ...supplyFeaturesOf({ ...graph, edges: [...g.edges, { from: 'a', to: buyer }] }, 'a'),
            adjacency,
          };
          expect(supplyTiesOf(after)).toBeGreaterThanOrEqual(supplyTiesOf(before));
          expect(after.suppliesLocal).toBeGreaterThanOrEqual(before.suppliesLocal);
          expect(after.proximity).toBeGreaterThanOrEqual(before.proximity);
        },
      ),
    );
  });
});

// Grid values keep float sums exact, so ties in the property below are real ties.
const grid = fc.integer({ min: 0, max: 8 }).map((n) => n / 8);
const componentsArb = fc.record({
  gapFit: grid,
  supplyTies: grid,
  quality: grid,
  momentum: grid,
  veto: fc.constantFrom(0, 1, 1, 1),
});
const weightsArb = fc
  .record({ gapFit: grid, supplyTies: grid, quality: grid, momentum: grid })
  .filter((w) => weightedComponents.some((k) => w[k] > 0));

describe('ranking properties', () => {
  it('keeps every component and the score in [0,1]', () => {
    fc.assert(
      fc.property(
        fc.record({
          gapFit: fc.double({ min: 0, max: 1, noNaN: true }),
          suppliesLocal: fc.nat(50),
          suppliesLocalLeaders: fc.nat(5),
          buysFromLocal: fc.nat(50),
          adjacency: fc.double({ min: 0, max: 1e6, noNaN: true }),
          proximity: fc.double({ min: 0, max: 1e6, noNaN: true }),
          board: fc.option(fc.constantFrom('主板', '科创板', '创业板', '北交所', '新三板'), { nil: null }),
          listed: fc.boolean(),
          leader: fc.boolean(),
          supplyEdges: fc.nat(1000),
          daysSinceListing: fc.option(fc.integer({ min: -100, max: 20_000 }), { nil: null }),
          vetoed: fc.boolean(),
        }),
        weightsArb,
        (features, weights) => {
          const c = componentsOf(features);
          for (const value of Object.values(c)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          const score = scoreOf(c, weights);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it('raising one weight never moves down a candidate that is best on that component', () => {
    fc.assert(
      fc.property(
        fc.array(componentsArb, { minLength: 2, maxLength: 12 }),
        weightsArb,
        fc.constantFrom(...weightedComponents),
        fc.integer({ min: 1, max: 8 }).map((n) => n / 8),
        (components, weights, k, raise) => {
          const candidates = components.map((c, i) => ({
            id: `e${String(i).padStart(2, '0')}`,
            components: c,
          }));
          const best = Math.max(...candidates.map((c) => c.components[k]));
          const raised = { ...weights, [k]: Math.min(1, weights[k] + raise) };
          const before = rankCandidates(candidates, weights).map((r) => r.item.id);
          const after = rankCandidates(candidates, raised).map((r) => r.item.id);
          for (const c of candidates.filter((c) => c.components[k] === best)) {
            expect(after.indexOf(c.id), `${c.id} on ${k}`).toBeLessThanOrEqual(before.indexOf(c.id));
          }
        },
      ),
    );
  });

  it('ranks the same whatever order the candidates come in', () => {
    fc.assert(
      fc.property(
        fc.array(componentsArb, { minLength: 1, maxLength: 10 }),
        weightsArb,
        (components, weights) => {
          const candidates = components.map((c, i) => ({ id: `e${i}`, components: c }));
          const forward = rankCandidates(candidates, weights).map((r) => r.item.id);
          const backward = rankCandidates([...candidates].reverse(), weights).map((r) => r.item.id);
          expect(backward).toEqual(forward);
        },
      ),
    );
  });
});
