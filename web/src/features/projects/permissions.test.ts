import { describe, expect, it } from 'vitest';
import { mayHandleAlert, mayMove } from './permissions.ts';

describe('mayMove and mayHandleAlert', () => {
  const admin = { role: 'admin', districtCode: null } as const;
  const analyst = { role: 'analyst', districtCode: null } as const;
  const jinjiang = { role: 'district', districtCode: '510104' } as const;

  it('offers moves to admins and to users of one of the districts only', () => {
    expect(mayMove(admin, ['510107'])).toBe(true);
    expect(mayMove(jinjiang, ['510107', '510104'])).toBe(true);
    expect(mayMove(jinjiang, ['510107'])).toBe(false);
    expect(mayMove(analyst, ['510104'])).toBe(false);
    expect(mayMove(null, ['510104'])).toBe(false);
  });

  it('lets analysts handle alerts as well', () => {
    expect(mayHandleAlert(analyst, ['510107'])).toBe(true);
    expect(mayHandleAlert(jinjiang, ['510107'])).toBe(false);
    expect(mayHandleAlert(jinjiang, ['510104'])).toBe(true);
  });
});
