import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedFiles } from '../seed.schemas.ts';
import { buildSeed } from './build-seed.ts';
import { SEED_DATA_DIR, toUnplacedCsv } from './derive-seed.ts';
import { loadMappingTables } from './mapping-tables.ts';
import { assertDataFolder, loadSources, SourceDataError } from './sources.ts';

/**
 * The public data set is large and lives outside the project: its folder comes from CHAINSCOUT_SOURCE_DATA,
 * else `../shared/data` beside the project when that exists (as in CI). A clone without it skips this check.
 */
const defaultSourceDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const sourceDir =
  process.env.CHAINSCOUT_SOURCE_DATA ?? (existsSync(defaultSourceDir) ? defaultSourceDir : undefined);

describe('derive-seed', () => {
  it('fails with one sentence naming the missing folder', () => {
    expect(() => assertDataFolder('/no/such/folder')).toThrow(SourceDataError);
    expect(() => assertDataFolder('/no/such/folder')).toThrow(/does not exist: pass the folder/);
  });

  it('quotes CSV fields that need it', () => {
    const csv = toUnplacedCsv([
      { id: 'X', name: 'a,b', swClass: '', industry: '', reason: 'not-listed-2026', detail: 'say "hi"' },
    ]);
    expect(csv).toBe('id,name,sw_class,industry,reason,detail\nX,"a,b",,,not-listed-2026,"say ""hi"""\n');
  });

  it.skipIf(sourceDir === undefined)(
    'reproduces the committed graph-seeds/data from CHAINSCOUT_SOURCE_DATA (set it to ../shared/data)',
    () => {
      const output = buildSeed(loadSources(sourceDir ?? ''), loadMappingTables());
      const committed = readFileSync(join(SEED_DATA_DIR, seedFiles.enterprises.file), 'utf8');
      expect(output.enterprises.map((e) => `${JSON.stringify(e)}\n`).join('')).toBe(committed);
      const supplies = readFileSync(join(SEED_DATA_DIR, seedFiles.supplies.file), 'utf8');
      expect(`${JSON.stringify(output.supplies, null, 2)}\n`).toBe(supplies);
    },
    60_000,
  );
});
