import { describe, expect, it } from 'vitest';
import { chainMapHref, href, parseRoute } from './routes.ts';

function summary(hash: string) {
  const route = parseRoute(hash);
  return { name: route.name, params: route.params, query: route.query.toString() };
}

describe('parseRoute', () => {
  it('reads the empty hash and #/ as the overview', () => {
    for (const hash of ['', '#/', '#'])
      expect(summary(hash)).toEqual({ name: 'overview', params: {}, query: '' });
  });

  it('reads path parameters, with or without a trailing slash', () => {
    expect(summary('#/chains/integrated-circuit')).toEqual({
      name: 'chain-map',
      params: { chainId: 'integrated-circuit' },
      query: '',
    });
    expect(summary('#/chains/integrated-circuit/').params).toEqual({ chainId: 'integrated-circuit' });
    expect(summary('#/districts/510107')).toMatchObject({
      name: 'district',
      params: { districtCode: '510107' },
    });
    expect(summary('#/districts').name).toBe('districts');
    expect(summary('#/admin/history').name).toBe('admin-history');
  });

  it('keeps the query apart from the path', () => {
    const route = parseRoute('#/chains/x?asOf=2025-01-01&link=a%20b');
    expect(route.name).toBe('chain-map');
    expect(route.params).toEqual({ chainId: 'x' });
    expect(route.query.get('asOf')).toBe('2025-01-01');
    expect(route.query.get('link')).toBe('a b');
  });

  it('round-trips ids and queries through href', () => {
    expect(summary(chainMapHref('a b/c'))).toEqual({
      name: 'chain-map',
      params: { chainId: 'a b/c' },
      query: '',
    });
    const target = href('targets', {}, { chain: '集成电路', page: 2, link: '', district: null });
    expect(target).toBe('#/targets?chain=%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF&page=2');
    expect(parseRoute(target).query.get('chain')).toBe('集成电路');
  });

  it('answers not-found for anything else, including malformed escapes', () => {
    expect(parseRoute('#/nowhere').name).toBe('not-found');
    expect(parseRoute('#/chains/').name).toBe('not-found');
    expect(parseRoute('#/chains/%E4%B8').name).toBe('not-found');
    expect(parseRoute('#/chains/a/b').name).toBe('not-found');
  });
});
