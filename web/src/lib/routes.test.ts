import { describe, expect, it } from 'vitest';
import { chainMapHref, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it('reads the empty hash and #/ as the chain list', () => {
    expect(parseRoute('')).toEqual({ name: 'chain-list' });
    expect(parseRoute('#/')).toEqual({ name: 'chain-list' });
    expect(parseRoute('#')).toEqual({ name: 'chain-list' });
  });

  it('reads a chain id, with or without a trailing slash', () => {
    expect(parseRoute('#/chains/integrated-circuit')).toEqual({
      name: 'chain-map',
      chainId: 'integrated-circuit',
    });
    expect(parseRoute('#/chains/integrated-circuit/')).toEqual({
      name: 'chain-map',
      chainId: 'integrated-circuit',
    });
  });

  it('round-trips ids through chainMapHref', () => {
    expect(parseRoute(chainMapHref('a b/c'))).toEqual({ name: 'chain-map', chainId: 'a b/c' });
  });

  it('answers not-found for anything else, including malformed escapes', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/chains/')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/chains/%E4%B8')).toEqual({ name: 'not-found' });
  });
});
