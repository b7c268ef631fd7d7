import { z } from 'zod';
import type { Database } from './database.ts';

/**
 * Schema migrations, applied in order at start. Each statement is idempotent (`IF NOT EXISTS`), and the
 * highest applied version is recorded on a `(:SchemaVersion)` node, so a restart applies nothing twice.
 */
export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'uniqueness of every id, lookup indexes, Chinese name search',
    statements: [
      'CREATE CONSTRAINT ecosystem_id IF NOT EXISTS FOR (n:Ecosystem) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT link_id IF NOT EXISTS FOR (n:Link) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT district_code IF NOT EXISTS FOR (n:District) REQUIRE n.code IS UNIQUE',
      'CREATE CONSTRAINT park_id IF NOT EXISTS FOR (n:Park) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT schema_version_id IF NOT EXISTS FOR (n:SchemaVersion) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT seed_load_id IF NOT EXISTS FOR (n:SeedLoad) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX enterprise_stock_code IF NOT EXISTS FOR (n:Enterprise) ON (n.stockCode)',
      'CREATE INDEX enterprise_province IF NOT EXISTS FOR (n:Enterprise) ON (n.province)',
      'CREATE INDEX enterprise_district IF NOT EXISTS FOR (n:Enterprise) ON (n.districtCode)',
      'CREATE INDEX link_chain IF NOT EXISTS FOR (n:Link) ON (n.chainId)',
      // CONTAINS over one concatenated text (name, full name, aliases) finds partial Chinese names of any length.
      'CREATE TEXT INDEX enterprise_search_text IF NOT EXISTS FOR (n:Enterprise) ON (n.searchText)',
      // Word-segmented names under a whitespace analyzer: ranked multi-word search without the cjk bigram pitfalls.
      "CREATE FULLTEXT INDEX enterprise_name_tokens IF NOT EXISTS FOR (n:Enterprise) ON EACH [n.nameTokens] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }",
    ],
  },
];

export const currentSchemaVersion = Math.max(...migrations.map((m) => m.version));

const versionRowSchema = z.object({ version: z.number().int() });

export async function readSchemaVersion(db: Database): Promise<number> {
  const rows = await db.read(
    "MATCH (v:SchemaVersion {id: 'schema'}) RETURN {version: v.version} AS row",
    {},
    (r) => versionRowSchema.parse(r.get('row')),
  );
  return rows[0]?.version ?? 0;
}

/** Applies every migration newer than the recorded version; returns the versions applied. */
export async function applyMigrations(db: Database): Promise<number[]> {
  const from = await readSchemaVersion(db);
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => m.version > from)) {
    for (const statement of migration.statements) await db.runAutoCommit(statement);
    await db.write(
      `MERGE (v:SchemaVersion {id: 'schema'})
       SET v.version = $version, v.description = $description, v.appliedAt = datetime()`,
      { version: migration.version, description: migration.description },
      () => null,
    );
    applied.push(migration.version);
  }
  // Queries right after start should not race index population.
  if (applied.length > 0) await db.runAutoCommit('CALL db.awaitIndexes(300)');
  return applied;
}
