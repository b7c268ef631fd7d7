import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.ts';
import { assertActsForProject, assertHandlesAlert } from './project-access.ts';

const district = (code: string) => ({ username: `d-${code}`, role: 'district' as const, districtCode: code });
const analyst = { username: 'a', role: 'analyst' as const, districtCode: null };
const admin = { username: 'root', role: 'admin' as const, districtCode: null };

describe('project access', () => {
  it('lets admins and the districts of a project change it', () => {
    expect(() => assertActsForProject(admin, ['510107'])).not.toThrow();
    expect(() => assertActsForProject(district('510107'), ['510107'])).not.toThrow();
    expect(() => assertActsForProject(district('510116'), ['510107', '510116'])).not.toThrow();
  });

  it('refuses other districts and analysts', () => {
    expect(() => assertActsForProject(district('510112'), ['510107'])).toThrow(ForbiddenError);
    expect(() => assertActsForProject(analyst, ['510107'])).toThrow(ForbiddenError);
  });

  it('lets analysts handle alerts but not other districts', () => {
    expect(() => assertHandlesAlert(analyst, ['510107'])).not.toThrow();
    expect(() => assertHandlesAlert(district('510112'), ['510107'])).toThrow(ForbiddenError);
  });
});
