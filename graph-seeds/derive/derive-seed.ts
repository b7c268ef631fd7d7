/**
 * Derives the seed graph from the public data set:
 *   npx tsx graph-seeds/derive/derive-seed.ts <data folder>      (e.g. ../shared/data)
 * Writes graph-seeds/data/*. The output depends only on the inputs and the catalog, so a second run gives
 * byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { seedFiles } from '../seed.schemas.ts';
import { buildSeed, type SeedOutput, type UnplacedRow } from './build-seed.ts';
import { loadMappingTables } from './mapping-tables.ts';
import { loadSources } from './sources.ts';

export const SEED_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toUnplacedCsv(rows: readonly UnplacedRow[]): string {
  const header = ['id', 'name', 'sw_class', 'industry', 'reason', 'detail'];
  const lines = rows.map((r) =>
    [r.id, r.name, r.swClass, r.industry, r.reason, r.detail].map(csvField).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** Every row is parsed with the seed schemas before it is written: a bad row stops the run. */
function validate(output: SeedOutput): void {
  const check = <T>(name: string, schema: z.ZodType<T>, rows: readonly unknown[]) => {
    rows.forEach((row, i) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        throw new Error(
          `${name} entry ${i + 1} does not fit the seed schema: ${z.prettifyError(parsed.error)}`,
        );
      }
    });
  };
  check(seedFiles.ecosystems.file, seedFiles.ecosystems.schema, output.ecosystems);
  check(seedFiles.chains.file, seedFiles.chains.schema, output.chains);
  check(seedFiles.feeds.file, seedFiles.feeds.schema, output.feeds);
  check(seedFiles.districts.file, seedFiles.districts.schema, output.districts);
  check(seedFiles.enterprises.file, seedFiles.enterprises.schema, output.enterprises);
  check(seedFiles.supplies.file, seedFiles.supplies.schema, output.supplies);
}

export function writeSeed(output: SeedOutput, dir: string): void {
  validate(output);
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string) => writeFileSync(resolve(dir, file), text, 'utf8');
  write(seedFiles.ecosystems.file, json(output.ecosystems));
  write(seedFiles.chains.file, json(output.chains));
  write(seedFiles.feeds.file, json(output.feeds));
  write(seedFiles.districts.file, json(output.districts));
  write(seedFiles.enterprises.file, output.enterprises.map((e) => `${JSON.stringify(e)}\n`).join(''));
  write(seedFiles.supplies.file, json(output.supplies));
  write('unplaced.csv', toUnplacedCsv(output.unplaced));
  write('summary.json', json(output.summary));
}

function main(args: readonly string[]): void {
  const dataDir = args[0];
  if (dataDir === undefined) {
    throw new Error(
      'Usage: npx tsx graph-seeds/derive/derive-seed.ts <data folder>, for example ../shared/data.',
    );
  }
  const output = buildSeed(loadSources(resolve(dataDir)), loadMappingTables());
  writeSeed(output, SEED_DATA_DIR);
  const counts = output.summary.counts;
  console.log(`Wrote ${SEED_DATA_DIR}: ${JSON.stringify(counts)}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
