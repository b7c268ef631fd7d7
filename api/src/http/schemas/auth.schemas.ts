import { z } from 'zod';
import { roleSchema } from '../../domain/auth/user.ts';
import { optionalQueryText, pageQuerySchema, queryInt } from './query.ts';

/** Request and response shapes of logins, sessions and the audit trail. */

export const loginBodySchema = z.object({
  // Not the strict username rule: an ill-formed name is just a failed login, not a 400 that says why.
  username: z.string().trim().toLowerCase().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});

export const sessionUserSchema = z.object({
  username: z.string(),
  role: roleSchema,
  districtCode: z.string().nullable(),
});

export const loginResponseSchema = z.object({
  token: z.string().describe('Send as `Authorization: Bearer <token>`'),
  user: sessionUserSchema,
  expiresAt: z.string().describe('ISO date-time after which the token is refused'),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const logoutResponseSchema = z.object({ loggedOut: z.literal(true) });

export const meResponseSchema = z.object({ user: sessionUserSchema });

const isoInstant = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
);

export const changesQuerySchema = z.object({
  entityType: optionalQueryText(60),
  entityId: optionalQueryText(200),
  actor: optionalQueryText(60),
  from: isoInstant.describe('Changes at or after this ISO date or date-time'),
  to: isoInstant.describe('Changes before this ISO date or date-time'),
  page: pageQuerySchema.shape.page,
  limit: queryInt({ min: 1, max: 200, fallback: 50 }),
});

export const changeSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  summary: z.string().nullable(),
});

export const changeListSchema = z.object({
  items: z.array(changeSchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
