import { describe, expect, it } from 'vitest';
import type { ChainDetail } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { feedKey, parseFeedKey, toEditorElements } from './to-editor-elements.ts';

const link = (id: string, stage: 'upstream' | 'midstream' | 'downstream', order: number) => ({
  id,
  name: `环节${id}`,
  nameEn: `Link ${id}`,
  stage,
  order,
  description: null,
  enterpriseCount: 0,
  localEnterpriseCount: 0,
  asOf: null,
  stale: false,
});

const chain: ChainDetail = {
  id: 'c',
  name: '链',
  nameEn: 'Chain',
  ecosystemId: 'e',
  ecosystemName: '生态',
  ecosystemNameEn: 'Eco',
  verified: true,
  sourceNote: '',
  asOf: null,
  stale: false,
  version: 4,
  validFrom: null,
  validTo: null,
  links: [link('b', 'midstream', 2), link('a', 'upstream', 1), link('d', 'downstream', 3)],
  foreignLinks: [
    {
      id: 'x',
      name: '外部',
      nameEn: 'Outside',
      stage: 'upstream',
      chainId: 'other',
      chainName: '他链',
      chainNameEn: 'Other',
    },
  ],
  feeds: [
    { from: 'a', to: 'b', crossChain: false },
    { from: 'x', to: 'a', crossChain: true },
    { from: 'b', to: 'missing', crossChain: false },
    { from: 'b', to: 'b', crossChain: false },
  ],
  leaders: [],
  localEnterpriseCount: 0,
};

describe('toEditorElements', () => {
  const elements = toEditorElements(chain, 'en');
  const ids = (kind: string) => elements.filter((e) => e.data.kind === kind).map((e) => e.data.id);

  it('draws links in order and foreign links with their chain, named in the language asked for', () => {
    expect(ids('link')).toEqual(['a', 'b', 'd']);
    expect(elements.find((e) => e.data.id === 'x')?.data).toMatchObject({
      label: 'Other · Outside',
      kind: 'foreign',
      chainId: 'other',
    });
    expect(toEditorElements(chain, 'zh-CN').find((e) => e.data.id === 'a')?.data).toMatchObject({
      label: '环节a',
    });
  });

  it('keeps only FEEDS edges between drawn nodes, no self-loops, with selectable ids', () => {
    const feeds = elements.filter((e) => e.data.kind === 'feed');
    expect(feeds.map((e) => e.data.id)).toEqual(['a>b', 'x>a']);
    expect(feeds.find((e) => e.data.id === 'x>a')?.classes).toContain('cross-chain');
  });

  it('hangs each link between its stage anchor and the next, and a supplier before the first', () => {
    const scaffold = elements.filter((e) => e.group === 'edges' && e.data.kind === 'scaffold');
    const pairs = scaffold.map((e) => (e.group === 'edges' ? `${e.data.source}>${e.data.target}` : ''));
    expect(pairs).toContain('__anchor-midstream>b');
    expect(pairs).toContain('b>__anchor-downstream');
    expect(pairs).toContain('d>__anchor-end');
    expect(pairs).toContain('x>__anchor-upstream');
  });

  it('round-trips the key of a FEEDS edge and refuses malformed keys', () => {
    expect(parseFeedKey(feedKey('a', 'b'))).toEqual({ from: 'a', to: 'b' });
    expect(parseFeedKey('a')).toBeNull();
    expect(parseFeedKey('a>b>c')).toBeNull();
  });
});
