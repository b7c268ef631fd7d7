import { describe, expect, it } from 'vitest';
import { isLocalEnterprise } from './home-city.ts';

describe('isLocalEnterprise', () => {
  it('is true for a known district or the home city alone', () => {
    expect(isLocalEnterprise({ districtCode: '510104' })).toBe(true);
    expect(isLocalEnterprise({ city: '成都市' })).toBe(true);
  });

  it('is false elsewhere or when nothing is known', () => {
    expect(isLocalEnterprise({ city: '德阳市' })).toBe(false);
    expect(isLocalEnterprise({ districtCode: null, city: null })).toBe(false);
    expect(isLocalEnterprise({})).toBe(false);
  });
});
