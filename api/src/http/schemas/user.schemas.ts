import { z } from 'zod';
import { districtCodeSchema, roleSchema, usernameSchema } from '../../domain/auth/user.ts';
import { listOf } from './catalog.schemas.ts';

/** Requests and responses of user management (`/api/admin/users`). Password hashes never appear here. */

export const userSummarySchema = z.object({
  username: z.string(),
  role: roleSchema,
  districtCode: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserSummaryResponse = z.infer<typeof userSummarySchema>;

export const userListSchema = listOf(userSummarySchema);

export const usernameParamsSchema = z.object({ username: usernameSchema });

/** Passwords are checked for strength by the service, so the CLI and the API say the same thing. */
const password = z.string().max(200, 'must be at most 200 characters');

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  role: roleSchema,
  /** Required for district users, left out (or null) for the other roles. */
  districtCode: districtCodeSchema.nullable().optional(),
  password,
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: roleSchema.optional(),
    districtCode: districtCodeSchema.nullable().optional(),
  })
  .refine((b) => b.disabled !== undefined || b.role !== undefined || b.districtCode !== undefined, {
    error: 'give at least one of disabled, role, districtCode',
  });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const passwordBodySchema = z.strictObject({ password });
