import express from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '../domain/auth/session-user.ts';
import { errorHandler } from './error-handler.ts';
import { buildOpenApi } from './openapi.ts';
import { type Authenticate, defineRoute, toHandler } from './route.ts';
import { errorBodySchema } from './schemas/error.schemas.ts';
import { pageQuerySchema } from './schemas/query.ts';

const echo = defineRoute({
  method: 'get',
  path: '/api/things/:id',
  tag: 'test',
  summary: 'Echo the parsed input',
  params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
  query: pageQuerySchema,
  response: z.object({ id: z.string(), page: z.number(), pageSize: z.number() }),
  errors: [404],
  handler: async ({ params, query }) => ({ id: params.id, ...query }),
});

const analyst: SessionUser = { username: 'ana', role: 'analyst', districtCode: null };
const asAnalyst: Authenticate = async () => analyst;

const adminOnly = defineRoute({
  method: 'get',
  path: '/api/admin/things',
  tag: 'test',
  summary: 'Admins only',
  access: 'admin',
  response: z.object({ ok: z.boolean() }),
  handler: async () => ({ ok: true }),
});

const open = defineRoute({
  method: 'get',
  path: '/api/open',
  tag: 'test',
  summary: 'No login needed',
  access: 'public',
  response: z.object({ user: z.null() }),
  handler: async ({ user }) => ({ user }),
});

async function call(path: string, authenticate: Authenticate = asAnalyst) {
  const app = express();
  for (const route of [echo, adminOnly, open]) app.get(route.path, toHandler(route, authenticate));
  app.use(errorHandler({ error: () => {} }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  } finally {
    server.close();
  }
}

describe('routes defined by schemas', () => {
  it('hands the handler parsed values with defaults for empty parameters', async () => {
    expect(await call('/api/things/abc?page=&pageSize=5')).toEqual({
      status: 200,
      body: { id: 'abc', page: 1, pageSize: 5 },
    });
  });

  it('answers 400 with the path of every bad field', async () => {
    const { status, body } = await call('/api/things/ABC?page=0&pageSize=x');
    expect(status).toBe(400);
    const { error } = errorBodySchema.parse(body);
    expect(error.code).toBe('validation_failed');
    expect(
      z
        .array(z.object({ path: z.string() }))
        .parse(error.details)
        .map((d) => d.path)
        .sort(),
    ).toEqual(['params.id', 'query.page', 'query.pageSize']);
  });

  it('documents path and query parameters and error bodies in OpenAPI', () => {
    const doc = buildOpenApi([echo]) as { paths: Record<string, { get: Record<string, unknown> }> };
    const operation = doc.paths['/api/things/{id}']?.get;
    expect(operation?.summary).toBe('Echo the parsed input');
    expect(operation?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', required: true }),
        expect.objectContaining({ name: 'page', in: 'query' }),
      ]),
    );
    expect(Object.keys(operation?.responses as object)).toEqual(['200', '400', '401', '404', '503']);
  });
});

describe('access to routes', () => {
  const nobody: Authenticate = async () => null;

  it('answers 401 without a session, before looking at the input', async () => {
    const { status, body } = await call('/api/things/ABC', nobody);
    expect(status).toBe(401);
    expect(errorBodySchema.parse(body).error.code).toBe('unauthorized');
  });

  it('answers 403 to a non-admin on an admin route', async () => {
    const { status, body } = await call('/api/admin/things');
    expect(status).toBe(403);
    expect(errorBodySchema.parse(body).error.code).toBe('forbidden');
  });

  it('lets admins through admin routes and anyone through public ones', async () => {
    const asAdmin: Authenticate = async () => ({ ...analyst, role: 'admin' });
    expect((await call('/api/admin/things', asAdmin)).status).toBe(200);
    expect(await call('/api/open', nobody)).toEqual({ status: 200, body: { user: null } });
  });

  it('marks public operations as needing no bearer token in OpenAPI', () => {
    const doc = buildOpenApi([echo, open]) as {
      paths: Record<string, { get: Record<string, unknown> }>;
      security: unknown;
    };
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/open']?.get.security).toEqual([]);
    expect(doc.paths['/api/things/{id}']?.get.security).toBeUndefined();
  });
});
