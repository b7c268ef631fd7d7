import type { AuthService } from '../../domain/auth/auth.service.ts';
import type { AuditRepository } from '../../graph/audit.ts';
import { bearerTokenOf } from '../bearer.ts';
import { defineRoute } from '../route.ts';
import {
  changeListSchema,
  changesQuerySchema,
  loginBodySchema,
  loginResponseSchema,
  logoutResponseSchema,
  meResponseSchema,
} from '../schemas/auth.schemas.ts';

export function authRoutes(auth: AuthService, audit: AuditRepository) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      access: 'public',
      summary:
        'Log in; answers a bearer token for `Authorization: Bearer …`. 401 for a wrong password, 429 after 5 failures in 15 min',
      body: loginBodySchema,
      response: loginResponseSchema,
      errors: [401, 429],
      handler: ({ body }, res) =>
        auth.login({ ...body, address: res.req.ip ?? res.req.socket.remoteAddress ?? 'unknown' }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'End the session of the bearer token sent',
      response: logoutResponseSchema,
      handler: async (_input, res) => {
        const token = bearerTokenOf(res.req);
        if (token !== undefined) await auth.logout(token);
        return { loggedOut: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      summary: 'The logged-in user',
      response: meResponseSchema,
      handler: async ({ user }) => ({ user }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/changes',
      tag: 'admin',
      access: 'admin',
      summary: 'The audit trail: every write with who, when, and the values before and after; newest first',
      query: changesQuerySchema,
      response: changeListSchema,
      handler: async ({ query }) => ({
        ...(await audit.listChanges(query)),
        page: query.page,
        limit: query.limit,
      }),
    }),
  ];
}
