import type { Request } from 'express';
import type { AuthService } from '../domain/auth/auth.service.ts';
import { UnauthorizedError } from '../domain/errors.ts';
import type { Authenticate } from './route.ts';

/** The token of an `Authorization: Bearer <token>` header; undefined when there is none. */
export function bearerTokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,200})\s*$/i.exec(header);
  if (!match?.[1]) throw new UnauthorizedError('The Authorization header must be "Bearer <token>"');
  return match[1];
}

/** Resolves a request's bearer token to its user, through the sessions stored in the graph. */
export function bearerAuthenticator(auth: AuthService): Authenticate {
  return async (req) => {
    const token = bearerTokenOf(req);
    return token === undefined ? null : auth.authenticate(token);
  };
}
