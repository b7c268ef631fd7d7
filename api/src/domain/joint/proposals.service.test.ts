import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { actingDistrict } from './proposals.service.ts';

describe('acting for a district', () => {
  it('a district user acts for its own district only', () => {
    const user = { username: 'sl', role: 'district' as const, districtCode: '510116' };
    expect(actingDistrict(user, undefined)).toBe('510116');
    expect(actingDistrict(user, '510116')).toBe('510116');
    expect(() => actingDistrict(user, '510107')).toThrow(ForbiddenError);
  });

  it('an admin must name the party it acts for; an analyst acts for none', () => {
    const admin = { username: 'root', role: 'admin' as const, districtCode: null };
    expect(() => actingDistrict(admin, undefined)).toThrow(ValidationError);
    expect(actingDistrict(admin, '510107')).toBe('510107');
    const analyst = { username: 'bureau', role: 'analyst' as const, districtCode: null };
    expect(() => actingDistrict(analyst, undefined)).toThrow(ForbiddenError);
    expect(() => actingDistrict(analyst, '510116')).toThrow(ForbiddenError);
  });
});
