import type { Config } from '../config.ts';
import { createDatabase, type Database } from './database.ts';
import { ensureNeo4j, type Neo4jConnection } from './ensure-neo4j.ts';
import { applyMigrations } from './migrations.ts';
import {
  isGraphEmpty,
  loadedSeedHash,
  loadSeedGraph,
  readSeedGraph,
  type SeedLoadResult,
} from './seed-loader.ts';

export interface OpenGraph {
  db: Database;
  connection: Neo4jConnection;
  /** Closes the driver, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * Everything between "process started" and "ready to query": a Neo4j (external or embedded), the
 * driver, the schema migrations, and the seed graph when the database is still empty.
 */
export async function openGraph(
  config: Config,
  options: { seedIfEmpty: boolean; log?: (line: string) => void },
): Promise<OpenGraph & { seeded?: SeedLoadResult }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const connection = await ensureNeo4j({ ...config.neo4j, log });
  const db = createDatabase(connection);
  const close = async () => {
    await db.close();
    await connection.stop();
  };
  try {
    const applied = await applyMigrations(db);
    if (applied.length > 0) log(`Applied schema migrations ${applied.join(', ')}`);
    let seeded: SeedLoadResult | undefined;
    if (options.seedIfEmpty) {
      const seed = await readSeedGraph(config.seedDir);
      if (await isGraphEmpty(db)) {
        log(`The graph is empty: loading the seed graph from ${config.seedDir} …`);
        seeded = await loadSeedGraph(db, seed);
        const counts = Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`);
        log(`Seed loaded: ${counts.join(', ')}`);
      } else if ((await loadedSeedHash(db)) !== seed.hash) {
        // Not applied by itself: the graph may hold edits made since, and an admin decides.
        log(
          'The seed files differ from the ones this graph was loaded from: run `npm run seed` to apply them.',
        );
      }
    }
    return { db, connection, close, seeded };
  } catch (error) {
    await close();
    throw error;
  }
}
