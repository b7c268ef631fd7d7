import { describe, expect, it } from 'vitest';
import type { ChainSummary, Ecosystem } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { groupChainsByEcosystem } from './group-chains.ts';

function ecosystem(id: string, order: number): Ecosystem {
  return { id, name: id, nameEn: id, order, verified: true, chainCount: 0 };
}

function chain(id: string, ecosystemId: string, order: number): ChainSummary {
  return {
    id,
    name: id,
    nameEn: id,
    ecosystemId,
    ecosystemName: `${ecosystemId}-name`,
    ecosystemNameEn: `${ecosystemId}-name-en`,
    order,
    verified: true,
    linkCount: 0,
    enterpriseCount: 0,
    localEnterpriseCount: 0,
    leaderCount: 0,
  };
}

describe('groupChainsByEcosystem', () => {
  it('orders ecosystems and their chains by order', () => {
    const groups = groupChainsByEcosystem(
      [ecosystem('digital', 2), ecosystem('electronics', 1)],
      [chain('ai', 'digital', 2), chain('big-data', 'digital', 1), chain('ic', 'electronics', 1)],
    );
    expect(groups.map((g) => [g.id, g.chains.map((c) => c.id)])).toEqual([
      ['electronics', ['ic']],
      ['digital', ['big-data', 'ai']],
    ]);
  });

  it('keeps an ecosystem without chains', () => {
    const groups = groupChainsByEcosystem([ecosystem('empty', 1)], []);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.chains).toEqual([]);
  });

  it('puts chains of an unlisted ecosystem last, under the name the chain carries, marked unknown', () => {
    const groups = groupChainsByEcosystem([ecosystem('digital', 1)], [chain('x', 'ghost', 1)]);
    expect(groups.map((g) => g.id)).toEqual(['digital', 'ghost']);
    expect(groups[1]).toMatchObject({ name: 'ghost-name', known: false, verified: false });
  });
});
