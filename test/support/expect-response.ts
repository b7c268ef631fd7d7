import { expect } from 'vitest';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import type { TestApi } from './test-api.ts';

/** GETs a path, expects 200 and returns the body parsed by the route's own response schema. */
export async function getOk<T>(api: TestApi, path: string, schema: { parse(v: unknown): T }): Promise<T> {
  const { status, body } = await api.get(path);
  expect(status, `GET ${path} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return schema.parse(body);
}

/** GETs a path, expects the given status and returns the standard error body's `error`. */
export async function getError(api: TestApi, path: string, expectedStatus: number) {
  const { status, body } = await api.get(path);
  expect(status, `GET ${path}`).toBe(expectedStatus);
  return errorBodySchema.parse(body).error;
}
