import { assertActsFor } from '../auth/access.ts';
import type { SessionUser } from '../auth/session-user.ts';

/**
 * Who may change a project: an admin, or a district user of one of the project's districts (lead first).
 * Analysts (the city bureau) read every list but move no district's projects.
 */
export function assertActsForProject(user: SessionUser, districtCodes: readonly string[]): void {
  if (user.role === 'district' && user.districtCode !== null && districtCodes.includes(user.districtCode))
    return;
  assertActsFor(user, districtCodes[0] ?? '(no district)');
}

/**
 * Who may handle an alert: as for projects, and also analysts, since the city bureau coordinates the handling
 * of problems across districts.
 */
export function assertHandlesAlert(user: SessionUser, districtCodes: readonly string[]): void {
  if (user.role === 'analyst') return;
  assertActsForProject(user, districtCodes);
}
