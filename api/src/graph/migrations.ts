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
  {
    version: 2,
    description: 'matcher: local-firm and listing-date lookups, weight profiles with a default',
    statements: [
      // The matcher starts from local firms: by district, by city when the district is unknown, or by flag.
      'CREATE INDEX enterprise_city IF NOT EXISTS FOR (n:Enterprise) ON (n.city)',
      'CREATE INDEX enterprise_local IF NOT EXISTS FOR (n:Enterprise) ON (n.local)',
      // Momentum is measured against the newest listing date, read from the end of this index.
      'CREATE INDEX enterprise_list_date IF NOT EXISTS FOR (n:Enterprise) ON (n.listDate)',
      'CREATE CONSTRAINT weight_profile_name IF NOT EXISTS FOR (n:WeightProfile) REQUIRE n.name IS UNIQUE',
      // Node properties cannot hold maps, so the weights are stored as JSON text (parsed with zod on read).
      `MERGE (p:WeightProfile {name: 'default'})
       ON CREATE SET p.weights = '{"gapFit":0.4,"supplyTies":0.3,"quality":0.2,"momentum":0.1}',
                     p.description = '默认权重：缺链补链优先，其次本地配套关系与企业质量',
                     p.version = 1, p.updatedAt = datetime(), p.source = 'migration 2'`,
    ],
  },
  {
    version: 3,
    description: 'imports: credit codes unique, name keys for entity resolution, import records',
    statements: [
      'CREATE CONSTRAINT enterprise_credit_code IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.creditCode IS UNIQUE',
      // Normalised legal names: imports match firms by them when a file has no codes.
      'CREATE INDEX enterprise_name_key IF NOT EXISTS FOR (n:Enterprise) ON (n.nameKey)',
      // The same without a leading region: near-duplicates to list for review.
      'CREATE INDEX enterprise_name_core IF NOT EXISTS FOR (n:Enterprise) ON (n.nameCore)',
      'CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX import_at IF NOT EXISTS FOR (n:Import) ON (n.at)',
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
