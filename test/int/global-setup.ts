import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../api/src/config.ts';
import { createDatabase } from '../../api/src/graph/database.ts';
import { ensureNeo4j } from '../../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../../api/src/graph/seed-loader.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

/**
 * Starts a real Neo4j for the test run, through the same `ensureNeo4j()` the app uses, on a free port
 * with a throw-away data folder, and loads the seed graph into it once.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-test-neo4j-'));
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCacheMiB: 256,
    log: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
  });
  const db = createDatabase(connection);
  try {
    await applyMigrations(db);
    await loadSeedGraph(db, await readSeedGraph(loadConfig({}).seedDir));
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', connection.uri);
  project.provide('neo4jDataDir', dataDir);

  return async () => {
    await connection.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
