import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, apiRequest, type FetchLike, isAbortError } from './api-client.ts';

const itemSchema = z.object({ id: z.string(), count: z.number().int() });

function answer(status: number, body: string): FetchLike {
  return async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiGet', () => {
  it('returns the parsed body', async () => {
    const data = await apiGet('/api/x', itemSchema, {}, answer(200, '{"id":"a","count":3,"extra":true}'));
    expect(data).toEqual({ id: 'a', count: 3 });
  });

  it('sends a GET that asks for JSON', async () => {
    let seen: RequestInit | undefined;
    const fetchImpl: FetchLike = async (_input, init) => {
      seen = init;
      return new Response('{"id":"a","count":1}', { status: 200 });
    };
    await apiGet('/api/x', itemSchema, {}, fetchImpl);
    expect(seen?.method).toBe('GET');
    expect(seen?.headers).toEqual({ Accept: 'application/json' });
  });

  it("turns the API's error body into an ApiError with its code, message and details", async () => {
    const body = JSON.stringify({
      error: { code: 'NOT_FOUND', message: 'No chain with id "x".', details: { id: 'x' } },
    });
    const error = await failure(apiGet('/api/chains/x', itemSchema, {}, answer(404, body)));
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      code: 'NOT_FOUND',
      message: 'No chain with id "x".',
      details: { id: 'x' },
      fromServer: true,
    });
  });

  it('explains an error status without a body in plain words', async () => {
    const error = await failure(apiGet('/api/x', itemSchema, {}, answer(502, '<html>Bad gateway</html>')));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'HTTP_502', fromServer: false });
    expect(error.message).toContain('502');
  });

  it('reports a body that breaks the contract as an invalid response, naming the field', async () => {
    const error = await failure(apiGet('/api/x', itemSchema, {}, answer(200, '{"id":"a","count":"3"}')));
    expect(error).toMatchObject({ kind: 'invalid-response', code: 'INVALID_RESPONSE' });
    expect(String(error.details)).toContain('count');
  });

  it('reports a body that is not JSON as an invalid response', async () => {
    const error = await failure(apiGet('/api/x', itemSchema, {}, answer(200, '<!doctype html>')));
    expect(error).toMatchObject({ kind: 'invalid-response' });
  });

  it('reports an unreachable server as a network error', async () => {
    const fetchImpl: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await failure(apiGet('/api/x', itemSchema, {}, fetchImpl));
    expect(error).toMatchObject({ kind: 'network', status: null, code: 'NETWORK' });
  });

  it('lets a cancelled request through as an abort, not as an ApiError', async () => {
    const fetchImpl: FetchLike = async () => {
      throw new DOMException('aborted', 'AbortError');
    };
    const outcome = await apiGet('/api/x', itemSchema, {}, fetchImpl).catch((error: unknown) => error);
    expect(isAbortError(outcome)).toBe(true);
  });
});

describe('apiRequest bodies', () => {
  const capture = () => {
    const seen: { init?: RequestInit } = {};
    const fetchImpl: FetchLike = async (_input, init) => {
      seen.init = init;
      return new Response('{"id":"a","count":1}', { status: 200 });
    };
    return { seen, fetchImpl };
  };

  it('sends plain values as JSON', async () => {
    const { seen, fetchImpl } = capture();
    await apiRequest('/api/x', itemSchema, { method: 'POST', body: { a: 1 } }, fetchImpl);
    expect(seen.init?.body).toBe('{"a":1}');
    expect(seen.init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('sends a file as it is, as octet-stream', async () => {
    const { seen, fetchImpl } = capture();
    const file = new Blob(['名称\n甲\n'], { type: 'text/csv' });
    await apiRequest('/api/x', itemSchema, { method: 'POST', body: file }, fetchImpl);
    expect(seen.init?.body).toBe(file);
    expect(seen.init?.headers).toMatchObject({ 'Content-Type': 'application/octet-stream' });
  });
});
