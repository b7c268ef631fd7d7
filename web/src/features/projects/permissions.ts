import type { Session } from '../../lib/session.ts';

type User = Pick<Session['user'], 'role' | 'districtCode'>;

/**
 * Whether the UI offers moving (and creating or reviving) for these districts. It mirrors the API's rule
 * (admins, or users of one of the districts) so people are not shown actions that can only be refused;
 * the API still decides.
 */
export function mayMove(user: User | null, districtCodes: readonly string[]): boolean {
  if (user === null) return false;
  if (user.role === 'admin') return true;
  return user.role === 'district' && user.districtCode !== null && districtCodes.includes(user.districtCode);
}

/** Alerts may also be handled by analysts: the city bureau coordinates problem handling. */
export function mayHandleAlert(user: User | null, districtCodes: readonly string[]): boolean {
  return user?.role === 'analyst' || mayMove(user, districtCodes);
}
