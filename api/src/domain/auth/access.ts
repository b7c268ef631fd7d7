import { ForbiddenError } from '../errors.ts';
import type { SessionUser } from './session-user.ts';

/**
 * Writes made on behalf of a district: an admin may act for any district, a district user only for its
 * own, and an analyst (city bureau) reads everything but writes for no district.
 */
export function assertActsFor(user: SessionUser, districtCode: string): void {
  if (user.role === 'admin') return;
  if (user.role === 'district' && user.districtCode === districtCode) return;
  if (user.role === 'district') {
    throw new ForbiddenError(
      `User "${user.username}" acts for district ${user.districtCode ?? '(none)'} and may not act for district ${districtCode}`,
    );
  }
  throw new ForbiddenError(
    `User "${user.username}" (${user.role}) may not act for district ${districtCode}; only that district's users or an admin may`,
  );
}

/** The name recorded as the author of a change; `system` for work done without a user (seeding, CLI). */
export function actorOf(user: SessionUser | null): string {
  return user ? user.username : 'system';
}
