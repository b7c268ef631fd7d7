import { describe, expect, it } from 'vitest';
import { createChainHealthService, summariseHealth } from './chain-health.ts';
import type { LinkFacts, LocalFirm } from './gap-analysis.ts';

function firm(id: string, leadsChain = false): LocalFirm {
  return { id, name: id, board: '主板', listed: true, leadsChain, confidence: 1 };
}

function link(id: string, localFirms: LocalFirm[]): LinkFacts {
  return {
    id,
    name: id,
    nameEn: id,
    stage: 'midstream',
    order: 1,
    chainId: 'c',
    poolSize: 10,
    localFirms,
    feedsInside: [],
    feedsAcross: [],
    dependents: [],
  };
}

describe('summariseHealth', () => {
  it('counts strong, weak and missing links as the gap analysis classes them', () => {
    const health = summariseHealth('c', [
      link('leader', [firm('a', true)]),
      link('many', [firm('b'), firm('c'), firm('d')]),
      link('one', [firm('e')]),
      link('none', []),
    ]);
    expect(health).toEqual({ chainId: 'c', linkCount: 4, strong: 2, weak: 1, missing: 1 });
  });
});

describe('createChainHealthService', () => {
  it('reports every chain, in the order listed, however many batches it takes', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const service = createChainHealthService({
      listChainIds: async () => ids,
      gapFacts: async (chainId) => (chainId === 'b' ? [link('x', [])] : []),
    });
    const health = await service.listHealth();
    expect(health.map((h) => h.chainId)).toEqual(ids);
    expect(health[1]).toMatchObject({ linkCount: 1, missing: 1 });
  });
});
