import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findCatalogProblems, isCrossChainFeed } from '../catalog/catalog.ts';
import { seedFiles } from '../seed.schemas.ts';
import { SEED_DATA_DIR } from './derive-seed.ts';
import { parseCsv } from './read-text.ts';

/** The committed output in graph-seeds/data, read the way the seed loader reads it. */
function readSeed<T>(file: string, schema: z.ZodType<T>): T[] {
  const text = readFileSync(join(SEED_DATA_DIR, file), 'utf8');
  const rows: unknown[] = file.endsWith('.jsonl')
    ? text
        .split('\n')
        .filter((line) => line !== '')
        .map((line): unknown => JSON.parse(line))
    : z.array(z.unknown()).parse(JSON.parse(text));
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`${file} entry ${i + 1}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

const ecosystems = readSeed(seedFiles.ecosystems.file, seedFiles.ecosystems.schema);
const chains = readSeed(seedFiles.chains.file, seedFiles.chains.schema);
const feeds = readSeed(seedFiles.feeds.file, seedFiles.feeds.schema);
const districts = readSeed(seedFiles.districts.file, seedFiles.districts.schema);
const enterprises = readSeed(seedFiles.enterprises.file, seedFiles.enterprises.schema);
const supplies = readSeed(seedFiles.supplies.file, seedFiles.supplies.schema);
const linkIds = new Set(chains.flatMap((c) => c.links.map((l) => l.id)));
const chainIds = new Set(chains.map((c) => c.id));

describe('graph-seeds/data', () => {
  it('holds every seed file, and each parses with the seed schemas', () => {
    const present = readdirSync(SEED_DATA_DIR);
    for (const { file } of Object.values(seedFiles)) expect(present).toContain(file);
    expect(enterprises.length).toBeGreaterThanOrEqual(3000);
  });

  it('has 8 ecosystems and the 28 chains, each with at least 6 ordered links', () => {
    expect(ecosystems).toHaveLength(8);
    expect(chains).toHaveLength(28);
    const ecosystemIds = new Set(ecosystems.map((e) => e.id));
    for (const chain of chains) {
      expect(chain.links.length, chain.id).toBeGreaterThanOrEqual(6);
      expect(ecosystemIds.has(chain.ecosystemId), chain.id).toBe(true);
      expect(chain.links.map((l) => l.order)).toEqual(chain.links.map((_, i) => i + 1));
    }
    expect(linkIds.size).toBe(chains.reduce((n, c) => n + c.links.length, 0));
  });

  it('marks only the draft chains as unverified', () => {
    expect(chains.filter((c) => !c.verified).map((c) => c.id)).toEqual([
      'cybersecurity',
      'modern-tcm',
      'power-battery-storage',
      'photovoltaic',
    ]);
  });

  it('gives the integrated-circuit chain the 26 atlas segments', () => {
    expect(chains.find((c) => c.id === 'integrated-circuit')?.links).toHaveLength(26);
  });

  it('has FEEDS edges between existing links, at least 20 of them across chains', () => {
    for (const feed of feeds) {
      expect(linkIds.has(feed.from), feed.from).toBe(true);
      expect(linkIds.has(feed.to), feed.to).toBe(true);
    }
    expect(feeds.filter(isCrossChainFeed).length).toBeGreaterThanOrEqual(20);
    expect(findCatalogProblems()).toEqual([]);
  });

  it('has the 20 divisions and 3 functional zones, with priorities and parks on known chains', () => {
    expect(districts.length).toBeGreaterThanOrEqual(23);
    expect(districts.filter((d) => d.kind === 'functional-zone')).toHaveLength(3);
    for (const d of districts) {
      for (const p of d.priorities) expect(chainIds.has(p.chainId), d.code).toBe(true);
      for (const park of d.parks)
        for (const id of park.focusChainIds) expect(chainIds.has(id), park.id).toBe(true);
    }
  });

  it('places enterprises in known links and districts, with leaders on known chains', () => {
    const districtCodes = new Set(districts.map((d) => d.code));
    for (const e of enterprises) {
      for (const link of e.links) expect(linkIds.has(link.linkId), e.id).toBe(true);
      if (e.districtCode !== undefined) expect(districtCodes.has(e.districtCode), e.id).toBe(true);
      for (const id of e.leadsChainIds) expect(chainIds.has(id), e.id).toBe(true);
    }
    const located = enterprises.filter((e) => e.districtCode !== undefined);
    expect(located.length).toBeGreaterThanOrEqual(50);
    expect(located.every((e) => e.city === '成都市')).toBe(true);
  });

  it('keeps enterprises sorted by id and unique', () => {
    const ids = enterprises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('has at least 90 SUPPLIES edges, each between two seeded enterprises', () => {
    const ids = new Set(enterprises.map((e) => e.id));
    expect(supplies.length).toBeGreaterThanOrEqual(90);
    for (const s of supplies) {
      expect(ids.has(s.from), s.from).toBe(true);
      expect(ids.has(s.to), s.to).toBe(true);
    }
  });

  it('lists unplaced companies with a reason', () => {
    const rows = parseCsv(readFileSync(join(SEED_DATA_DIR, 'unplaced.csv'), 'utf8'));
    expect(rows[0]).toEqual(['id', 'name', 'sw_class', 'industry', 'reason', 'detail']);
    expect(rows.slice(1).every((r) => r.length === 6 && r[4] !== '')).toBe(true);
    expect(existsSync(join(SEED_DATA_DIR, 'summary.json'))).toBe(true);
  });
});
