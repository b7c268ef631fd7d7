import type { z } from 'zod';
import {
  type CreateUserBody,
  type UpdateUserBody,
  userListSchema,
  userSummarySchema,
} from '../../../../../api/src/http/schemas/user.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type UserList = z.infer<typeof userListSchema>;
export type UserSummary = z.infer<typeof userSummarySchema>;

export function usersQuery(revision: number): QueryOptions<UserList> {
  return {
    key: `users:${revision}`,
    fetch: (signal) => apiGet('/api/admin/users', userListSchema, { signal }),
  };
}

export function useUsers(revision: number) {
  return useApiQuery(usersQuery(revision));
}

const path = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

export function createUser(body: CreateUserBody): Promise<UserSummary> {
  return apiRequest('/api/admin/users', userSummarySchema, { method: 'POST', body });
}

export function updateUser(username: string, body: UpdateUserBody): Promise<UserSummary> {
  return apiRequest(path(username), userSummarySchema, { method: 'PATCH', body });
}

export function resetPassword(username: string, password: string): Promise<UserSummary> {
  return apiRequest(`${path(username)}/password`, userSummarySchema, { method: 'POST', body: { password } });
}
