import type { Server } from 'node:http';
import { inject } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';

export interface TestApi {
  baseUrl: string;
  db: Database;
  /** GET a path and return status and parsed JSON body. */
  get(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

export const silentLogger = { error: () => {} };

/** The real app on a free port against the test run's Neo4j (or the URI given). */
export async function startTestApi(options: { uri?: string; webDir?: string } = {}): Promise<TestApi> {
  const db = createDatabase({ uri: options.uri ?? inject('neo4jUri'), database: 'neo4j' });
  const app = createApp({ db, logger: silentLogger, webDir: options.webDir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The test server has no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    db,
    async get(path) {
      const response = await fetch(`${baseUrl}${path}`);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (the web app's HTML): keep the text.
      }
      return { status: response.status, body, headers: response.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
