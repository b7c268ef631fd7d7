import { logoutResponseSchema } from '../../../../../api/src/http/schemas/auth.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function logOut(): Promise<unknown> {
  return apiRequest('/api/auth/logout', logoutResponseSchema, { method: 'POST' });
}
