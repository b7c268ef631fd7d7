import { z } from 'zod';
import { defaultAlertRuleStatements } from './alert-rule-defaults.ts';
import { type Database, int } from './database.ts';

/**
 * Schema migrations, applied in order at start. Each statement is idempotent (`IF NOT EXISTS`), and every
 * applied version is recorded as a `(:SchemaMigration)` node (the highest also on `(:SchemaVersion)`), so a
 * restart applies nothing twice and a migration merged later with a lower number is not skipped.
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
  {
    version: 4,
    description: 'versioned map: validity intervals, change records and the elements they created or closed',
    statements: [
      'CREATE CONSTRAINT map_change_id IF NOT EXISTS FOR (n:MapChange) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX map_change_seq IF NOT EXISTS FOR (n:MapChange) ON (n.seq)',
      'CREATE INDEX map_change_effective IF NOT EXISTS FOR (n:MapChange) ON (n.effectiveDate)',
      'CREATE INDEX chain_valid_to IF NOT EXISTS FOR (n:Chain) ON (n.validTo)',
      'CREATE INDEX link_valid_to IF NOT EXISTS FOR (n:Link) ON (n.validTo)',
      'CREATE INDEX link_valid_from IF NOT EXISTS FOR (n:Link) ON (n.validFrom)',
      // Relationship indexes hold only edges that have the property: edits set these, imports do not.
      'CREATE INDEX feeds_valid_to IF NOT EXISTS FOR ()-[r:FEEDS]-() ON (r.validTo)',
      'CREATE INDEX in_link_valid_to IF NOT EXISTS FOR ()-[r:IN_LINK]-() ON (r.validTo)',
      // A revert finds exactly what its change created or closed.
      'CREATE INDEX chain_created_by IF NOT EXISTS FOR (n:Chain) ON (n.createdBy)',
      'CREATE INDEX chain_closed_by IF NOT EXISTS FOR (n:Chain) ON (n.closedBy)',
      'CREATE INDEX link_created_by IF NOT EXISTS FOR (n:Link) ON (n.createdBy)',
      'CREATE INDEX link_closed_by IF NOT EXISTS FOR (n:Link) ON (n.closedBy)',
      'CREATE INDEX feeds_created_by IF NOT EXISTS FOR ()-[r:FEEDS]-() ON (r.createdBy)',
      'CREATE INDEX feeds_closed_by IF NOT EXISTS FOR ()-[r:FEEDS]-() ON (r.closedBy)',
      'CREATE INDEX in_link_created_by IF NOT EXISTS FOR ()-[r:IN_LINK]-() ON (r.createdBy)',
      'CREATE INDEX in_link_closed_by IF NOT EXISTS FOR ()-[r:IN_LINK]-() ON (r.closedBy)',
    ],
  },
  {
    version: 5,
    description: 'users, sessions, login throttling and the audit trail of changes',
    statements: [
      'CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE',
      'CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.tokenHash IS UNIQUE',
      'CREATE INDEX session_username IF NOT EXISTS FOR (n:Session) ON (n.username)',
      'CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (n:LoginThrottle) REQUIRE n.key IS UNIQUE',
      'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)',
      'CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityType, n.entityId)',
      'CREATE INDEX change_actor IF NOT EXISTS FOR (n:Change) ON (n.actor)',
      // Weight-profile changes recorded before the audit trail named the kind `entity`.
      `MATCH (c:Change) WHERE c.entityType IS NULL AND c.entity IS NOT NULL
       SET c.entityType = c.entity REMOVE c.entity`,
      'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE',
    ],
  },
  {
    version: 6,
    description: 'joint attraction: proposals, their steps (one per version) and agreements',
    statements: [
      'CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE',
      // "<proposal id>:<version>": a second step at one version cannot commit, whatever the code does.
      'CREATE CONSTRAINT proposal_step_id IF NOT EXISTS FOR (n:ProposalStep) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX proposal_updated_at IF NOT EXISTS FOR (n:Proposal) ON (n.updatedAt)',
    ],
  },
  {
    version: 7,
    description: 'project life cycle: projects, their timeline, land parcels, alert rules and alerts',
    statements: [
      'CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX project_year_batch IF NOT EXISTS FOR (n:Project) ON (n.year, n.batch)',
      'CREATE INDEX project_stage IF NOT EXISTS FOR (n:Project) ON (n.stage)',
      // "<project id>:<version>": a second event at one version cannot commit, whatever the code does.
      'CREATE CONSTRAINT project_event_id IF NOT EXISTS FOR (n:ProjectEvent) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT land_parcel_id IF NOT EXISTS FOR (n:LandParcel) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX land_parcel_district IF NOT EXISTS FOR (n:LandParcel) ON (n.districtCode)',
      'CREATE INDEX land_parcel_status IF NOT EXISTS FOR (n:LandParcel) ON (n.status)',
      'CREATE CONSTRAINT alert_rule_id IF NOT EXISTS FOR (n:AlertRule) REQUIRE n.id IS UNIQUE',
      // Alerts are keyed "<rule>:<project>", so handling survives every evaluation.
      'CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX alert_project IF NOT EXISTS FOR (n:Alert) ON (n.projectId)',
      'CREATE CONSTRAINT alert_evaluation_id IF NOT EXISTS FOR (n:AlertEvaluation) REQUIRE n.id IS UNIQUE',
      // The default rules of the domain; admins change them later.
      ...defaultAlertRuleStatements(7),
    ],
  },
];

export const currentSchemaVersion = Math.max(...migrations.map((m) => m.version));

const versionRowSchema = z.object({ version: z.number().int() });

/** The highest applied version (shown by `/api/health`). */
export async function readSchemaVersion(db: Database): Promise<number> {
  const rows = await db.read(
    "MATCH (v:SchemaVersion {id: 'schema'}) RETURN {version: v.version} AS row",
    {},
    (r) => versionRowSchema.parse(r.get('row')),
  );
  return rows[0]?.version ?? 0;
}

/**
 * Every applied version, each recorded as `(:SchemaMigration {version})`. A graph from before these records
 * knew only its highest version: every migration up to it counts as applied.
 */
export async function readAppliedVersions(db: Database): Promise<Set<number>> {
  const recorded = await db.read('MATCH (m:SchemaMigration) RETURN {version: m.version} AS row', {}, (r) =>
    versionRowSchema.parse(r.get('row')),
  );
  if (recorded.length > 0) return new Set(recorded.map((r) => r.version));
  const highest = await readSchemaVersion(db);
  return new Set(migrations.filter((m) => m.version <= highest).map((m) => m.version));
}

/**
 * Applies every migration not yet recorded, in order, and records each; returns the versions applied.
 * A migration numbered below the highest applied one (merged from a parallel branch) is still applied.
 */
export async function applyMigrations(db: Database): Promise<number[]> {
  const done = await readAppliedVersions(db);
  const applied: number[] = [];
  const pending = migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    for (const statement of migration.statements) await db.runAutoCommit(statement);
    await db.write(
      `MERGE (m:SchemaMigration {version: $version})
       SET m.description = $description, m.appliedAt = datetime()
       MERGE (v:SchemaVersion {id: 'schema'})
       SET v.version = CASE WHEN coalesce(v.version, 0) > $version THEN v.version ELSE $version END,
           v.description = CASE WHEN coalesce(v.version, 0) > $version THEN v.description ELSE $description END,
           v.appliedAt = datetime()`,
      { version: int(migration.version), description: migration.description },
      () => null,
    );
    applied.push(migration.version);
  }
  // Graphs from before per-version records get them for what they already had, so the next start knows.
  if (done.size > 0) {
    await db.write(
      `UNWIND $versions AS version
       MERGE (m:SchemaMigration {version: version}) ON CREATE SET m.appliedAt = datetime(), m.backfilled = true`,
      { versions: [...done].map((v) => int(v)) },
      () => null,
    );
  }
  // Queries right after start should not race index population.
  if (applied.length > 0) await db.runAutoCommit('CALL db.awaitIndexes(300)');
  return applied;
}
