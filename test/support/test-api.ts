import type { Server } from 'node:http';
import { inject } from 'vitest';
import { type AppDeps, createApp } from '../../api/src/app.ts';
import { hashPassword } from '../../api/src/domain/auth/password.ts';
import type { Role } from '../../api/src/domain/auth/session-user.ts';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';
import { createUserRepository } from '../../api/src/graph/user.repository.ts';

/** Who a test request is made as: a test user of that role (created on first use), or nobody. */
export type TestRole = 'admin' | 'analyst' | 'anonymous' | { district: string };

export interface TestResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface TestRequestOptions {
  /** JSON-encoded unless it is a string or bytes, which are sent as they are. */
  body?: unknown;
  /** `admin` when left out. */
  as?: TestRole;
  headers?: Record<string, string>;
}

export interface TestApi {
  baseUrl: string;
  db: Database;
  /** GET a path (as the admin test user unless `as` says otherwise) and return status and parsed JSON body. */
  get(path: string, options?: { as?: TestRole }): Promise<TestResponse>;
  request(method: string, path: string, options?: TestRequestOptions): Promise<TestResponse>;
  /** The `Authorization` header for a role (empty for `anonymous`), for tests that call `fetch` themselves. */
  headersFor(as?: TestRole): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export const silentLogger = { error: () => {} };

/** The password of every test user. */
export const testPassword = 'test-password-1';

/** The username of the test user of a role: `test-admin`, `test-analyst`, `test-district-510107`. */
export function testUsername(as: Exclude<TestRole, 'anonymous'>): string {
  return typeof as === 'string' ? `test-${as}` : `test-district-${as.district}`;
}

/** The `Authorization` header for a role, for raw `fetch` calls (uploads, CSV downloads). */
export function authHeader(api: TestApi, as: TestRole = 'admin'): Promise<Record<string, string>> {
  return api.headersFor(as);
}

export interface StartTestApiOptions {
  uri?: string;
  webDir?: string;
  /** Session lifetime, login throttling and clock, as the app takes them. */
  auth?: AppDeps['auth'];
  /** Warm the read cache at start, as the app takes it. */
  warmUp?: AppDeps['warmUp'];
  /** Stands between the app and the database (to watch what it asks). */
  wrapDb?: (db: Database) => Database;
}

/** The real app on a free port against the test run's Neo4j (or the URI given). */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const connected = createDatabase({ uri: options.uri ?? inject('neo4jUri'), database: 'neo4j' });
  const db = options.wrapDb ? options.wrapDb(connected) : connected;
  const app = createApp({
    db,
    logger: silentLogger,
    webDir: options.webDir,
    auth: options.auth,
    ...(options.warmUp ? { warmUp: options.warmUp } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The test server has no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const users = createUserRepository(db);
  const tokens = new Map<string, Promise<string>>();

  const send = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> },
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | Uint8Array | undefined;
    if (typeof init.body === 'string' || init.body instanceof Uint8Array) body = init.body;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method: method.toUpperCase(), headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (the web app's HTML, a CSV): keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  const logIn = async (as: Exclude<TestRole, 'anonymous'>): Promise<string> => {
    const role: Role = typeof as === 'string' ? as : 'district';
    const username = testUsername(as);
    await users.ensureUser({
      username,
      role,
      districtCode: typeof as === 'string' ? null : as.district,
      passwordHash: await hashPassword(testPassword),
    });
    const { status, body } = await send('post', '/api/auth/login', {
      body: { username, password: testPassword },
    });
    if (status !== 200 || typeof body !== 'object' || body === null || !('token' in body)) {
      throw new Error(`Test login as ${username} failed with ${status}: ${JSON.stringify(body)}`);
    }
    if (typeof body.token !== 'string') throw new Error(`Test login as ${username} answered no token`);
    return body.token;
  };

  const headersFor = async (as: TestRole = 'admin'): Promise<Record<string, string>> => {
    if (as === 'anonymous') return {};
    const key = testUsername(as);
    let token = tokens.get(key);
    if (!token) {
      token = logIn(as);
      tokens.set(key, token);
      token.catch(() => tokens.delete(key));
    }
    return { authorization: `Bearer ${await token}` };
  };

  return {
    baseUrl,
    db,
    headersFor,
    async get(path, requestOptions = {}) {
      return send('get', path, { headers: await headersFor(requestOptions.as) });
    },
    async request(method, path, requestOptions = {}) {
      const auth = await headersFor(requestOptions.as);
      return send(method, path, {
        body: requestOptions.body,
        headers: { ...auth, ...requestOptions.headers },
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
