import { z } from 'zod';
import { errorBodySchema } from '../../../api/src/http/schemas/error.schemas.ts';
import { endSession, getSession } from './session.ts';

/**
 * The one way the web app talks to the API: JSON in, JSON out, every response parsed with the API's own
 * zod schema, every failure turned into an `ApiError` whose message a person can read.
 */

export type ApiErrorKind =
  /** The request never got an answer (server down, network lost). */
  | 'network'
  /** The API answered with an error status. */
  | 'http'
  /** The API answered, but not with what its contract promises. */
  | 'invalid-response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, or null when there was no answer. */
  readonly status: number | null;
  /** The API's error code (`NOT_FOUND`, …) or a client-side one (`NETWORK`, `INVALID_RESPONSE`, `HTTP_502`). */
  readonly code: string;
  readonly details: unknown;
  /** True when the message came from the API's error body rather than from this client. */
  readonly fromServer: boolean;

  constructor(init: {
    kind: ApiErrorKind;
    status: number | null;
    code: string;
    message: string;
    details?: unknown;
    fromServer?: boolean;
  }) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.fromServer = init.fromServer ?? false;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a `Blob` (an uploaded `File`) is sent as it is, as `application/octet-stream`. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Injectable for tests; the browser's fetch otherwise. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getSession()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof Blob) {
    headers['Content-Type'] = 'application/octet-stream';
    init.body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetchImpl(path, init);
  } catch (error) {
    // A cancelled request is not a failure the user needs to hear about; callers check `isAbortError`.
    if (isAbortError(error)) throw error;
    throw new ApiError({
      kind: 'network',
      status: null,
      code: 'NETWORK',
      message: 'Could not reach the server. Check the connection and try again.',
      details: error instanceof Error ? error.message : undefined,
    });
  }

  const body = await readJson(response);

  // The session ended (expired, logged out elsewhere, user disabled): back to the login screen.
  if (response.status === 401 && token) endSession();

  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body.ok ? body.value : undefined);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError({ kind: 'http', status: response.status, code, message, details, fromServer: true });
    }
    throw new ApiError({
      kind: 'http',
      status: response.status,
      code: `HTTP_${response.status}`,
      message: `The server answered with status ${response.status} and no explanation.`,
    });
  }

  if (!body.ok) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      code: 'INVALID_RESPONSE',
      message: 'The server sent something that is not JSON.',
    });
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      code: 'INVALID_RESPONSE',
      message: 'The server sent data in a shape this page does not understand.',
      details: z.prettifyError(parsed.error),
    });
  }
  return parsed.data;
}

export function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { signal?: AbortSignal } = {},
  fetchImpl?: FetchLike,
): Promise<z.output<S>> {
  return apiRequest(path, schema, { method: 'GET', ...options }, fetchImpl);
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text();
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
