import { z } from 'zod';
import { type Role, roles, type SessionUser } from './session-user.ts';

/** Usernames are lower-case ASCII so that `Admin` and `admin` cannot both exist. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'must be 2–40 characters: letters, digits, dot, dash or underscore');

export const roleSchema = z.enum(roles as [Role, ...Role[]]);

/** District codes are the 6-digit administrative codes, or the seed's ids of functional zones. */
export const districtCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{6}|zone-[a-z0-9-]+)$/, 'must be a 6-digit division code such as 510107 or a zone-… id');

export const newPasswordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');

/** A user as stored, hash included; never sent over HTTP. */
export interface StoredUser {
  username: string;
  role: Role;
  districtCode: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export type UserSummary = Omit<StoredUser, 'passwordHash'>;

export interface NewUser {
  username: string;
  role: Role;
  districtCode: string | null;
  passwordHash: string;
}

/** A district user is bound to exactly one district; the other roles to none. */
export function districtRuleProblem(role: Role, districtCode: string | null): string | null {
  if (role === 'district' && !districtCode) return 'a district user needs a district code (--district)';
  if (role !== 'district' && districtCode)
    return `a ${role} is not bound to a district; leave out --district`;
  return null;
}

export function sessionUserOf(user: Pick<StoredUser, 'username' | 'role' | 'districtCode'>): SessionUser {
  return { username: user.username, role: user.role, districtCode: user.districtCode };
}
