import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  type ChainSeed,
  type DistrictSeed,
  type EcosystemSeed,
  type EnterpriseSeed,
  type FeedSeed,
  type SupplySeed,
  seedFiles,
} from '../../../graph-seeds/seed.schemas.ts';
import { nameCoreOf, nameKeyOf } from '../../../importers/enterprises/name-keys.ts';
import { ValidationError } from '../domain/errors.ts';
import { isLocalEnterprise } from '../domain/home-city.ts';
import { searchTokens } from '../domain/text/segment.ts';
import type { Database, ManagedTransaction } from './database.ts';
import { bumpGraphVersion } from './graph-version.ts';
import {
  type ProjectSeedData,
  projectSeedIssues,
  readProjectSeed,
  writeProjectSeed,
} from './project-seed.ts';

export interface SeedGraph {
  ecosystems: EcosystemSeed[];
  chains: ChainSeed[];
  feeds: FeedSeed[];
  districts: DistrictSeed[];
  enterprises: EnterpriseSeed[];
  supplies: SupplySeed[];
  /** Demo projects (六个一批) and land parcels; absent in a seed folder without their files. */
  projects?: ProjectSeedData['projects'];
  landParcels?: ProjectSeedData['landParcels'];
  /** Hash of the files' bytes: a load of identical files is recognised and skipped. */
  hash: string;
}

export interface SeedLoadResult {
  skipped: boolean;
  hash: string;
  counts: Record<keyof typeof seedFiles | keyof ProjectSeedData, number>;
}

/** Bumped whenever the loader writes the same files differently, so existing graphs are rewritten once. */
const loaderVersion = 2;

/** Reads and validates every seed file; errors name the file, line and field. */
export async function readSeedGraph(dir: string): Promise<SeedGraph> {
  const hash = createHash('sha256');
  hash.update(`loader ${loaderVersion}\n`);
  const read = async <S extends z.ZodType>(key: keyof typeof seedFiles, schema: S): Promise<z.infer<S>[]> => {
    const file = path.join(dir, seedFiles[key].file);
    const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`Seed file ${file} cannot be read (${error.code ?? error.message})`);
    });
    hash.update(`${key}\n${content}`);
    return file.endsWith('.jsonl')
      ? parseJsonLines(file, content, schema)
      : parseJsonArray(file, content, schema);
  };
  const graph = {
    ecosystems: await read('ecosystems', seedFiles.ecosystems.schema),
    chains: await read('chains', seedFiles.chains.schema),
    feeds: await read('feeds', seedFiles.feeds.schema),
    districts: await read('districts', seedFiles.districts.schema),
    enterprises: await read('enterprises', seedFiles.enterprises.schema),
    supplies: await read('supplies', seedFiles.supplies.schema),
    ...(await readProjectSeed(dir, (key, content) => hash.update(`${key}\n${content}`))),
  };
  return { ...graph, hash: hash.digest('hex') };
}

function parseJsonLines<S extends z.ZodType>(file: string, content: string, schema: S): z.infer<S>[] {
  const rows: z.infer<S>[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    rows.push(parseEntry(`${file}:${index + 1}`, () => JSON.parse(line), schema));
  });
  return rows;
}

function parseJsonArray<S extends z.ZodType>(file: string, content: string, schema: S): z.infer<S>[] {
  const data: unknown = parseEntry(file, () => JSON.parse(content), schema.array());
  return schema.array().parse(data);
}

function parseEntry<S extends z.ZodType>(where: string, load: () => unknown, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = load();
  } catch (error) {
    throw new ValidationError(`${where}: not valid JSON (${(error as Error).message})`, [
      { path: where, message: 'not valid JSON' },
    ]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: `${where} ${i.path.join('.')}`,
      message: i.message,
    }));
    throw new ValidationError(
      `Invalid seed data: ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}

/** Every reference between seed files must resolve before anything is written. */
export function checkSeedReferences(seed: SeedGraph): void {
  const issues: { path: string; message: string }[] = [];
  const ecosystemIds = new Set(seed.ecosystems.map((e) => e.id));
  const chainIds = new Set(seed.chains.map((c) => c.id));
  const linkIds = new Set(seed.chains.flatMap((c) => c.links.map((l) => l.id)));
  const districtCodes = new Set(seed.districts.map((d) => d.code));
  const enterpriseIds = new Set(seed.enterprises.map((e) => e.id));
  const need = (ok: boolean, where: string, message: string) => {
    if (!ok) issues.push({ path: where, message });
  };

  for (const [i, c] of seed.chains.entries()) {
    need(
      ecosystemIds.has(c.ecosystemId),
      `chains.json ${i}.ecosystemId`,
      `unknown ecosystem ${c.ecosystemId}`,
    );
  }
  for (const [i, f] of seed.feeds.entries()) {
    need(linkIds.has(f.from), `feeds.json ${i}.from`, `unknown link ${f.from}`);
    need(linkIds.has(f.to), `feeds.json ${i}.to`, `unknown link ${f.to}`);
  }
  for (const [i, d] of seed.districts.entries()) {
    for (const [j, p] of d.priorities.entries()) {
      need(chainIds.has(p.chainId), `districts.json ${i}.priorities.${j}`, `unknown chain ${p.chainId}`);
    }
    for (const [j, p] of d.parks.entries()) {
      for (const c of p.focusChainIds)
        need(chainIds.has(c), `districts.json ${i}.parks.${j}`, `unknown chain ${c}`);
    }
  }
  for (const [i, e] of seed.enterprises.entries()) {
    const where = `enterprises.jsonl:${i + 1}`;
    for (const l of e.links) need(linkIds.has(l.linkId), `${where} links`, `unknown link ${l.linkId}`);
    for (const c of e.leadsChainIds) need(chainIds.has(c), `${where} leadsChainIds`, `unknown chain ${c}`);
    if (e.districtCode) {
      need(districtCodes.has(e.districtCode), `${where} districtCode`, `unknown district ${e.districtCode}`);
    }
  }
  for (const [i, s] of seed.supplies.entries()) {
    need(enterpriseIds.has(s.from), `supplies.json ${i}.from`, `unknown enterprise ${s.from}`);
    need(enterpriseIds.has(s.to), `supplies.json ${i}.to`, `unknown enterprise ${s.to}`);
  }
  issues.push(
    ...projectSeedIssues(
      { projects: seed.projects ?? [], landParcels: seed.landParcels ?? [] },
      {
        districts: districtCodes,
        links: linkIds,
        parks: new Set(seed.districts.flatMap((d) => d.parks.map((p) => p.id))),
        // A seed loaded without its firms (tests, benchmarks) keeps its projects without theirs.
        enterprises: seed.enterprises.length > 0 ? enterpriseIds : null,
      },
    ),
  );
  if (issues.length > 0) {
    throw new ValidationError(
      `The seed graph has ${issues.length} broken reference(s), first: ${issues[0]?.path}: ${issues[0]?.message}`,
      issues,
    );
  }
}

const enterpriseBatchSize = 1000;

/**
 * Loads the seed graph with MERGE, so loading twice changes nothing; a load of the same files as last
 * time is skipped outright.
 */
export async function loadSeedGraph(
  db: Database,
  seed: SeedGraph,
  options: { force?: boolean } = {},
): Promise<SeedLoadResult> {
  checkSeedReferences(seed);
  const counts = {
    ecosystems: seed.ecosystems.length,
    chains: seed.chains.length,
    feeds: seed.feeds.length,
    districts: seed.districts.length,
    enterprises: seed.enterprises.length,
    supplies: seed.supplies.length,
    projects: seed.projects?.length ?? 0,
    landParcels: seed.landParcels?.length ?? 0,
  };
  if (!options.force && (await loadedSeedHash(db)) === seed.hash)
    return { skipped: true, hash: seed.hash, counts };

  await db.writeTransaction((tx) => writeCatalog(tx, seed), 'seed-catalog');
  await upsertEnterprises(db, seed.enterprises);
  await db.writeTransaction((tx) => writeSupplies(tx, seed.supplies), 'seed-supplies');
  await db.writeTransaction(
    (tx) => writeProjectSeed(tx, { projects: seed.projects ?? [], landParcels: seed.landParcels ?? [] }),
    'seed-projects',
  );
  await db.write(
    "MERGE (s:SeedLoad {id: 'seed'}) SET s.hash = $hash, s.loadedAt = datetime()",
    { hash: seed.hash },
    () => null,
  );
  return { skipped: false, hash: seed.hash, counts };
}

const seedSource = 'graph-seeds';

async function writeCatalog(tx: ManagedTransaction, seed: SeedGraph): Promise<void> {
  await bumpGraphVersion(tx);
  await tx.run(
    `UNWIND $rows AS row
     MERGE (e:Ecosystem {id: row.id})
     SET e.name = row.name, e.nameEn = row.nameEn, e.order = row.order, e.verified = row.verified,
         e.sourceNote = row.sourceNote, e.source = $source`,
    { rows: seed.ecosystems, source: seedSource },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (eco:Ecosystem {id: row.ecosystemId})
     MERGE (c:Chain {id: row.id})
     SET c.name = row.name, c.nameEn = row.nameEn, c.order = row.order, c.verified = row.verified,
         c.sourceNote = row.sourceNote, c.source = $source, c.asOf = date(row.asOf), c.ecosystemId = row.ecosystemId
     MERGE (eco)-[r:HAS_CHAIN]->(c)
     SET r.source = $source, r.asOf = date(row.asOf)
     WITH c, row
     UNWIND row.links AS link
     MERGE (l:Link {id: link.id})
     SET l.name = link.name, l.nameEn = link.nameEn, l.stage = link.stage, l.order = link.order,
         l.description = link.description, l.chainId = c.id, l.source = $source, l.asOf = date(row.asOf)
     MERGE (c)-[h:HAS_LINK]->(l)
     SET h.source = $source, h.asOf = date(row.asOf)`,
    { rows: seed.chains, source: seedSource },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Link {id: row.from}), (b:Link {id: row.to})
     MERGE (a)-[f:FEEDS]->(b)
     SET f.note = row.note, f.source = row.source, f.asOf = date(row.asOf)`,
    { rows: seed.feeds },
  );
  await tx.run(
    `UNWIND $rows AS row
     MERGE (d:District {code: row.code})
     SET d.name = row.name, d.nameEn = row.nameEn, d.kind = row.kind, d.leadIndustry = row.leadIndustry,
         d.source = row.source, d.asOf = date(row.asOf)
     WITH d, row
     CALL (d, row) {
       UNWIND row.priorities AS p
       MATCH (c:Chain {id: p.chainId})
       MERGE (d)-[r:PRIORITIZES]->(c)
       SET r.rank = p.rank, r.source = p.source, r.asOf = date(row.asOf)
     }
     CALL (d, row) {
       UNWIND row.parks AS p
       MERGE (park:Park {id: p.id})
       SET park.name = p.name, park.nameEn = p.nameEn, park.landAvailableHa = p.landAvailableHa,
           park.landSource = p.landSource, park.source = p.source, park.asOf = date(row.asOf),
           park.districtCode = d.code
       MERGE (d)-[h:HAS_PARK]->(park)
       SET h.source = p.source
       WITH park, p
       UNWIND p.focusChainIds AS chainId
       MATCH (c:Chain {id: chainId})
       MERGE (park)-[f:FOCUSES_ON]->(c)
       SET f.source = p.source
     }`,
    { rows: seed.districts },
  );
}

/** Creates or updates enterprises with their links, leadership and district, in batched transactions. */
export async function upsertEnterprises(db: Database, enterprises: EnterpriseSeed[]): Promise<void> {
  for (let start = 0; start < enterprises.length; start += enterpriseBatchSize) {
    const batch = enterprises.slice(start, start + enterpriseBatchSize).map(toEnterpriseRow);
    await db.writeTransaction((tx) => writeEnterprises(tx, batch), 'upsert-enterprises');
  }
}

interface EnterpriseRow extends EnterpriseSeed {
  source: string;
  local: boolean;
  searchText: string;
  nameTokens: string;
  nameKey: string;
  nameCore: string;
}

function toEnterpriseRow(e: EnterpriseSeed): EnterpriseRow {
  const names = [e.name, e.fullName, ...e.aliases];
  // The importers' entity-resolution keys, written here too so that no import has to add them to seeded firms.
  const nameKey = nameKeyOf(e.fullName, e.name);
  return {
    nameKey,
    nameCore: nameCoreOf(nameKey),
    ...e,
    source: e.sources.join('; '),
    local: isLocalEnterprise(e),
    searchText: [...new Set(names)].join(' '),
    nameTokens: searchTokens(names.join(' ')).join(' '),
  };
}

async function writeEnterprises(tx: ManagedTransaction, rows: EnterpriseRow[]): Promise<void> {
  await bumpGraphVersion(tx);
  await tx.run(
    `UNWIND $rows AS row
     MERGE (e:Enterprise {id: row.id})
     SET e.name = row.name, e.fullName = row.fullName, e.aliases = row.aliases, e.stockCode = row.stockCode,
         e.exchange = row.exchange, e.board = row.board, e.province = row.province, e.city = row.city,
         e.districtCode = row.districtCode, e.address = row.address, e.industry = row.industry,
         e.swIndustry = row.swIndustry, e.listDate = CASE WHEN row.listDate IS NULL THEN null ELSE date(row.listDate) END,
         e.mainProducts = row.mainProducts, e.listed = true, e.local = row.local, e.source = row.source, e.sources = row.sources,
         e.asOf = date(row.asOf), e.searchText = row.searchText, e.nameTokens = row.nameTokens,
         e.nameKey = row.nameKey, e.nameCore = row.nameCore
     WITH e, row
     CALL (e, row) {
       UNWIND row.links AS link
       MATCH (l:Link {id: link.linkId})
       MERGE (e)-[r:IN_LINK]->(l)
       SET r.confidence = link.confidence, r.evidence = link.evidence, r.source = row.source, r.asOf = date(row.asOf)
     }
     CALL (e, row) {
       UNWIND row.leadsChainIds AS chainId
       MATCH (c:Chain {id: chainId})
       MERGE (e)-[r:LEADS]->(c)
       SET r.source = 'graph-seeds/catalog (chain leaders)', r.asOf = date(row.asOf)
     }
     CALL (e, row) {
       WITH e, row WHERE row.districtCode IS NOT NULL
       MATCH (d:District {code: row.districtCode})
       MERGE (e)-[r:LOCATED_IN]->(d)
       SET r.source = row.source, r.asOf = date(row.asOf), r.evidence = row.address, r.confidence = 0.9
     }`,
    { rows },
  );
}

async function writeSupplies(tx: ManagedTransaction, rows: SupplySeed[]): Promise<void> {
  await bumpGraphVersion(tx);
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Enterprise {id: row.from}), (b:Enterprise {id: row.to})
     MERGE (a)-[s:SUPPLIES {product: row.product}]->(b)
     SET s.confidence = row.confidence, s.source = row.source, s.asOf = date(row.asOf)`,
    { rows },
  );
}

/** Hash of the seed files last loaded into this graph, if any. */
export async function loadedSeedHash(db: Database): Promise<string | undefined> {
  const rows = await db.read("MATCH (s:SeedLoad {id: 'seed'}) RETURN s.hash AS hash", {}, (r) =>
    r.get('hash'),
  );
  const hash = rows[0];
  return typeof hash === 'string' ? hash : undefined;
}

/** True when the graph holds no chain yet (a fresh database). */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await db.read('MATCH (c:Chain) RETURN count(c) > 0 AS any', {}, (r) => r.get('any') === true);
  return rows[0] !== true;
}
