import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config.ts';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';
import { ensureNeo4j, type Neo4jConnection } from '../../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../../api/src/graph/seed-loader.ts';
import { freePort } from '../support/free-port.ts';

/**
 * A Neo4j of the test's own, which it may kill: started through the app's `ensureNeo4j()` on a throw-away
 * folder, killed with SIGKILL (no shutdown, no flush) and started again on the same folder and port, so
 * drivers already pointed at it find it again.
 */
export interface OwnNeo4j {
  uri: string;
  dataDir: string;
  /** kill -9 of the JVM; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same data and port (recovery runs on start). */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

const quiet = () => {};

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-faults-'));
  const boltPort = await freePort();
  const start = () => ensureNeo4j({ dataDir, boltPort, heap: '768m', pageCacheMiB: 128, log: quiet });
  let connection: Neo4jConnection = await start();
  return {
    uri: connection.uri,
    dataDir,
    async kill() {
      const pid = connection.pid;
      if (pid === undefined)
        throw new Error('This Neo4j was not started by the test: there is no pid to kill');
      process.kill(pid, 'SIGKILL');
      await connection.stop(); // waits for the exit of the killed JVM
    },
    async restart() {
      connection = await start();
    },
    async dispose() {
      await connection.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Migrations and the seed graph, as the test run's shared Neo4j gets them. */
export async function loadSeed(uri: string): Promise<void> {
  const db = createDatabase({ uri, database: 'neo4j' });
  try {
    await applyMigrations(db);
    await loadSeedGraph(db, await readSeedGraph(loadConfig({}).seedDir));
  } finally {
    await db.close();
  }
}

/** Deletes every node and relationship, in batches small enough for a 768 MB heap. */
export async function wipe(db: Database): Promise<void> {
  for (;;) {
    const [deleted] = await db.write(
      'MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n',
      {},
      (r) => Number(r.get('n')),
    );
    if (!deleted) return;
  }
}

/** Retries `probe` every 500 ms until it returns true or `ms` have passed. */
export async function eventually(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
