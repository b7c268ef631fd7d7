import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';
import { applyMigrations, currentSchemaVersion, readSchemaVersion } from '../../api/src/graph/migrations.ts';
import { isGraphEmpty, loadSeedGraph, readSeedGraph } from '../../api/src/graph/seed-loader.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';

let db: Database;
beforeAll(() => {
  db = createDatabase({ uri: inject('neo4jUri'), database: 'neo4j' });
});
afterAll(async () => {
  await db.close();
});

const count = async (cypher: string) => (await db.read(cypher, {}, (r) => Number(r.get('n'))))[0] ?? 0;

describe('the seed graph', () => {
  it('has the counts the bureau expects', async () => {
    expect(await count('MATCH (c:Chain) RETURN count(c) AS n')).toBe(28);
    expect(await count('MATCH (e:Ecosystem) RETURN count(e) AS n')).toBe(8);
    expect(await count('MATCH (c:Chain) WHERE COUNT { (c)-[:HAS_LINK]->() } < 6 RETURN count(c) AS n')).toBe(
      0,
    );
    expect(await count('MATCH (d:District) RETURN count(d) AS n')).toBeGreaterThanOrEqual(23);
    expect(await count('MATCH (e:Enterprise) RETURN count(e) AS n')).toBeGreaterThanOrEqual(3000);
    expect(
      await count('MATCH (e:Enterprise)-[:LOCATED_IN]->(:District) RETURN count(DISTINCT e) AS n'),
    ).toBeGreaterThanOrEqual(50);
    expect(await count('MATCH ()-[s:SUPPLIES]->() RETURN count(s) AS n')).toBeGreaterThanOrEqual(90);
    expect(await count('MATCH ()-[f:FEEDS]->() RETURN count(f) AS n')).toBeGreaterThan(28 * 5);
    expect(await count('MATCH (:Enterprise)-[l:LEADS]->() RETURN count(l) AS n')).toBeGreaterThan(0);
  });

  it('carries provenance on every enterprise and every inferred relationship', async () => {
    expect(
      await count('MATCH (e:Enterprise) WHERE e.source IS NULL OR e.asOf IS NULL RETURN count(e) AS n'),
    ).toBe(0);
    expect(
      await count(
        'MATCH ()-[r:IN_LINK|LOCATED_IN|SUPPLIES]->() WHERE r.source IS NULL OR r.asOf IS NULL OR r.confidence IS NULL RETURN count(r) AS n',
      ),
    ).toBe(0);
    expect(
      await count('MATCH ()-[r:FEEDS|HAS_LINK|PRIORITIZES]->() WHERE r.source IS NULL RETURN count(r) AS n'),
    ).toBe(0);
    expect(
      await count(
        "MATCH (p:Park) WHERE p.landAvailableHa IS NOT NULL AND p.landSource <> 'synthetic' RETURN count(p) AS n",
      ),
    ).toBe(0);
  });

  it('gives PRIORITIZES edges only to districts with a known lead industry', async () => {
    expect(
      await count(
        'MATCH (d:District)-[:PRIORITIZES]->() WHERE d.leadIndustry IS NULL RETURN count(DISTINCT d) AS n',
      ),
    ).toBe(0);
    expect(
      await count('MATCH (d:District)-[:PRIORITIZES]->() RETURN count(DISTINCT d) AS n'),
    ).toBeGreaterThan(5);
  });

  it('loads twice without changing anything', async () => {
    const seed = await readSeedGraph(loadConfig({}).seedDir);
    const before = await graphFingerprint(db);
    expect(before.length).toBeGreaterThan(8_000);
    const again = await loadSeedGraph(db, seed);
    expect(again.skipped).toBe(true);
    const forced = await loadSeedGraph(db, seed, { force: true });
    expect(forced.skipped).toBe(false);
    expect(await graphFingerprint(db)).toEqual(before);
    expect(await isGraphEmpty(db)).toBe(false);
  });

  it('applies migrations once and records the schema version', async () => {
    expect(await readSchemaVersion(db)).toBe(currentSchemaVersion);
    const constraintsBefore = await count('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
    expect(await applyMigrations(db)).toEqual([]);
    expect(await count('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n')).toBe(constraintsBefore);
    const indexes = await db.read(
      'SHOW INDEXES YIELD name, type RETURN name, type',
      {},
      (r) => `${r.get('name')}:${r.get('type')}`,
    );
    expect(indexes).toEqual(
      expect.arrayContaining(['enterprise_search_text:TEXT', 'enterprise_name_tokens:FULLTEXT']),
    );
  });

  it('refuses a duplicate enterprise id', async () => {
    await expect(
      db.write("CREATE (:Enterprise {id: '000725.SZ', name: 'dup'})", {}, () => null),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
