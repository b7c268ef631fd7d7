import express from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from './error-handler.ts';
import { buildOpenApi } from './openapi.ts';
import { defineRoute, toHandler } from './route.ts';
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

async function call(path: string) {
  const app = express();
  app.get(echo.path, toHandler(echo));
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
    expect(Object.keys(operation?.responses as object)).toEqual(['200', '400', '404', '503']);
  });
});
