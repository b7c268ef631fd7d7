import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.ts';
import { actorOf, assertActsFor } from './access.ts';
import type { SessionUser } from './session-user.ts';

const admin: SessionUser = { username: 'admin', role: 'admin', districtCode: null };
const analyst: SessionUser = { username: 'analyst', role: 'analyst', districtCode: null };
const wuhou: SessionUser = { username: 'wuhou', role: 'district', districtCode: '510107' };

describe('assertActsFor', () => {
  it('lets a district user act for its own district only', () => {
    expect(() => assertActsFor(wuhou, '510107')).not.toThrow();
    expect(() => assertActsFor(wuhou, '510108')).toThrow(ForbiddenError);
    expect(() => assertActsFor(wuhou, '510108')).toThrow(
      /acts for district 510107.*not act for district 510108/,
    );
  });

  it('lets an admin act for any district, and an analyst for none', () => {
    expect(() => assertActsFor(admin, '510108')).not.toThrow();
    expect(() => assertActsFor(analyst, '510107')).toThrow(ForbiddenError);
  });

  it('does not let a district user without a district act at all', () => {
    expect(() => assertActsFor({ ...wuhou, districtCode: null }, '510107')).toThrow(ForbiddenError);
  });
});

describe('actorOf', () => {
  it('names the user, or the system when there is none', () => {
    expect(actorOf(wuhou)).toBe('wuhou');
    expect(actorOf(null)).toBe('system');
  });
});
