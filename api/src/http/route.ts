import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { SessionUser } from '../domain/auth/session-user.ts';
import { type FieldIssue, ForbiddenError, UnauthorizedError, ValidationError } from '../domain/errors.ts';

/**
 * Who may call an operation: `public` needs no login, `user` (the default) any logged-in user, `admin`
 * an admin (others get 403).
 */
export type Access = 'public' | 'user' | 'admin';

/** The caller on a route of this access: null only where no login is needed. */
export type UserOf<A extends Access> = A extends 'public' ? null : SessionUser;

/**
 * Resolves the request's session: the user, null when the request carries no credentials, or throws
 * `UnauthorizedError` when the credentials are bad or expired.
 */
export type Authenticate = (req: Request) => Promise<SessionUser | null>;

/**
 * One HTTP operation: its input schemas, its response schema and its handler. The router validates
 * input with the schemas before the handler runs, and the OpenAPI document is generated from them.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/api/chains/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Extra error statuses this operation can answer, for the documentation. */
  errors?: number[];
  /** Who may call it; `user` (any logged-in user) when left out. */
  access?: A;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; user: UserOf<A> },
    res: Response,
  ) => Promise<z.input<R>>;
}

/** Keeps each spec's generic types while letting a list hold specs of different shapes. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends Access = 'user',
>(spec: RouteSpec<P, Q, B, R, A>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function validationErrorFrom(part: string, error: z.ZodError): ValidationError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return invalidRequest(issues);
}

function invalidRequest(issues: FieldIssue[]): ValidationError {
  return new ValidationError(
    `Invalid request: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    issues,
  );
}

/** The caller of a route, checked against its access before anything else is looked at. */
async function userFor(
  access: Access,
  operation: string,
  req: Request,
  authenticate: Authenticate,
): Promise<SessionUser | null> {
  if (access === 'public') return null;
  const user = await authenticate(req);
  if (!user) throw new UnauthorizedError('Please log in: this operation needs a bearer token');
  if (access === 'admin' && user.role !== 'admin') {
    throw new ForbiddenError(`${operation} is for admins only`);
  }
  return user;
}

/**
 * The same check as a route's, as middleware, for work that should not start before it: reading a large
 * upload body. The route checks again; a session lookup is cheap next to an upload.
 */
export function accessGate(access: Access, authenticate: Authenticate): RequestHandler {
  return async (req, _res, next) => {
    await userFor(access, `${req.method} ${req.baseUrl}`, req, authenticate);
    next();
  };
}

export function toHandler(spec: RouteSpec, authenticate: Authenticate): RequestHandler {
  return async (req: Request, res: Response) => {
    const user = await userFor(
      spec.access ?? 'user',
      `${spec.method.toUpperCase()} ${spec.path}`,
      req,
      authenticate,
    );
    // Every part is checked before answering, so one 400 lists all the problems of a request.
    const issues: FieldIssue[] = [];
    const parse = (
      part: 'params' | 'query' | 'body',
      schema: z.ZodType | undefined,
      value: unknown,
    ): unknown => {
      if (!schema) return undefined;
      const parsed = schema.safeParse(value ?? {});
      if (parsed.success) return parsed.data;
      issues.push(...validationErrorFrom(part, parsed.error).issues);
      return undefined;
    };
    const input = {
      params: parse('params', spec.params, req.params),
      query: parse('query', spec.query, req.query),
      body: parse('body', spec.body, req.body),
      user,
    };
    if (issues.length > 0) throw invalidRequest(issues);
    const result = await spec.handler(input, res);
    if (!res.headersSent) res.json(result);
  };
}
