import { type LoginResponse, loginResponseSchema } from '../../../../../api/src/http/schemas/auth.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function logIn(credentials: { username: string; password: string }): Promise<LoginResponse> {
  return apiRequest('/api/auth/login', loginResponseSchema, { method: 'POST', body: credentials });
}
