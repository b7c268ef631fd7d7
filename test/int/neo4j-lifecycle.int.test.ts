import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../api/src/graph/database.ts';
import { ensureNeo4j, type Neo4jConnection } from '../../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../../api/src/graph/migrations.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { healthSchema } from '../../api/src/http/schemas/health.schemas.ts';
import { freePort } from '../support/free-port.ts';
import { startTestApi } from '../support/test-api.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chainscout-lifecycle-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const quiet = () => {};
// Starting and stopping a JVM takes 15–60 s on a busy 2-core machine.
const jvmTestTimeoutMs = 300_000;

describe('ensureNeo4j', () => {
  it(
    'reuses the server already running for a data folder instead of starting another',
    async () => {
      const dataDir = await tempDataDir();
      const boltPort = await freePort();
      const first = await ensureNeo4j({ dataDir, boltPort, heap: '512m', pageCacheMiB: 64, log: quiet });
      cleanups.push(() => first.stop());
      expect(first.owned).toBe(true);

      const second = await ensureNeo4j({ dataDir, boltPort: await freePort(), log: quiet });
      expect(second.owned).toBe(false);
      expect(second.uri).toBe(first.uri);
      await second.stop(); // Not the owner: must leave the server running.

      const db = createDatabase(second);
      try {
        await applyMigrations(db);
        const rows = await db.read('RETURN 1 AS one', {}, (r) => r.get('one'));
        expect(rows).toEqual([1]);
      } finally {
        await db.close();
      }
    },
    jvmTestTimeoutMs,
  );

  it('uses an external server when a URI is given, without starting anything', async () => {
    const external = await ensureNeo4j({ uri: 'bolt://127.0.0.1:1', dataDir: '/nonexistent', boltPort: 1 });
    expect(external).toMatchObject({ uri: 'bolt://127.0.0.1:1', owned: false, database: 'neo4j' });
  });

  it('says in one sentence what to install when Java is missing', async () => {
    const previous = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-jdk';
    try {
      await expect(
        ensureNeo4j({ dataDir: await tempDataDir(), boltPort: await freePort(), log: quiet }),
      ).rejects.toThrow(/Java 17 or newer is needed.*install a JDK 17\+.*or set NEO4J_URI/);
    } finally {
      if (previous === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = previous;
    }
  });
});

describe('when Neo4j goes away', () => {
  it(
    'answers 503 while it is down and recovers without restarting the API',
    async () => {
      const dataDir = await tempDataDir();
      const boltPort = await freePort();
      let server: Neo4jConnection = await ensureNeo4j({
        dataDir,
        boltPort,
        heap: '512m',
        pageCacheMiB: 64,
        log: quiet,
      });
      const api = await startTestApi({ uri: server.uri });
      cleanups.push(async () => {
        await api.close();
        await server.stop();
      });
      await applyMigrations(api.db);
      expect((await api.get('/api/health')).status).toBe(200);

      await server.stop();
      const down = await api.get('/api/health');
      expect(down.status).toBe(503);
      expect(errorBodySchema.parse(down.body).error.code).toBe('unavailable');
      expect(down.headers.get('retry-after')).toBe('5');
      expect((await api.get('/api/chains')).status).toBe(503);

      server = await ensureNeo4j({ dataDir, boltPort, heap: '512m', pageCacheMiB: 64, log: quiet });
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await api.get('/api/health')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
      const health = healthSchema.parse((await api.get('/api/health')).body);
      expect(health.neo4j.schemaVersion).toBeGreaterThanOrEqual(1);
    },
    jvmTestTimeoutMs,
  );
});
