import { actorOf } from '../../domain/auth/access.ts';
import type { UserAdminService } from '../../domain/auth/user-admin.service.ts';
import { defineRoute } from '../route.ts';
import {
  createUserBodySchema,
  passwordBodySchema,
  updateUserBodySchema,
  userListSchema,
  usernameParamsSchema,
  userSummarySchema,
} from '../schemas/user.schemas.ts';

/** User management for admins; every write is audited (entity type `User`), never with a password hash. */
export function userRoutes(users: UserAdminService) {
  const tag = 'admin';
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/users',
      tag,
      access: 'admin',
      summary: 'All users with role, district and whether they are disabled',
      response: userListSchema,
      handler: async () => {
        const items = await users.listUsers();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users',
      tag,
      access: 'admin',
      summary: 'Create a user (a district user needs `districtCode`); 409 when the username is taken',
      body: createUserBodySchema,
      response: userSummarySchema,
      errors: [400, 409],
      handler: async ({ body, user }, res) => {
        const created = await users.addUser(
          {
            username: body.username,
            role: body.role,
            districtCode: body.districtCode ?? null,
            password: body.password,
          },
          actorOf(user),
        );
        res.status(201);
        return created;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/users/:username',
      tag,
      access: 'admin',
      summary:
        'Disable or enable a user (disabling ends its sessions) or change its role; 409 when it would lock the admins out',
      params: usernameParamsSchema,
      body: updateUserBodySchema,
      response: userSummarySchema,
      errors: [400, 404, 409],
      handler: ({ params, body, user }) =>
        users.updateUser(
          params.username,
          {
            ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.districtCode === undefined ? {} : { districtCode: body.districtCode }),
          },
          user,
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:username/password',
      tag,
      access: 'admin',
      summary: "Set a user's password; its sessions end",
      params: usernameParamsSchema,
      body: passwordBodySchema,
      response: userSummarySchema,
      errors: [400, 404],
      handler: ({ params, body, user }) => users.resetPassword(params.username, body.password, actorOf(user)),
    }),
  ];
}
