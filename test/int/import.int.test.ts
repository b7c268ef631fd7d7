import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../api/src/config.ts';
import { ValidationError } from '../../api/src/domain/errors.ts';
import { createDatabase, type Database, text } from '../../api/src/graph/database.ts';
import { ensureNeo4j, type Neo4jConnection } from '../../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../../api/src/graph/seed-loader.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import { writeGeneratedCsv } from '../../bench/import-generator.ts';
import { parseCsvRecords, readText } from '../../graph-seeds/derive/read-text.ts';
import { enterpriseSeedSchema } from '../../graph-seeds/seed.schemas.ts';
import { readMappingFile } from '../../importers/mapping/mapping-file.ts';
import { fileInput } from '../../importers/read/open-source.ts';
import { type ImportRequest, runImport } from '../../importers/run-import.ts';
import { freePort } from '../support/free-port.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';

/**
 * File imports end to end, on a Neo4j of their own (started here like the lifecycle test does): the imports
 * below add thousands of enterprises and clear them between cases, which the shared seed graph must not see.
 * The graph holds the seed's chains, links and districts, without the seed's enterprises.
 */

const defaultSourceDir = path.resolve(projectRoot, '..', 'shared', 'data');
const sourceDir =
  process.env.CHAINSCOUT_SOURCE_DATA ?? (existsSync(defaultSourceDir) ? defaultSourceDir : undefined);

function sourceFile(relative: string): string {
  if (sourceDir === undefined || !existsSync(path.join(sourceDir, relative))) {
    throw new Error(
      `The public data file ${relative} is missing: set CHAINSCOUT_SOURCE_DATA to the folder holding a-share/ and industry-chain-atlas/ (CI has it at ../shared/data).`,
    );
  }
  return path.join(sourceDir, relative);
}

/** Imports of the real files write thousands of firms; Neo4j shares two cores with everything else. */
const SLOW = 300_000;

const fixture = (name: string) => path.join(projectRoot, 'test', 'fixtures', name);

let connection: Neo4jConnection | undefined;
let db: Database;
let dataDir: string;
let workDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-import-neo4j-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'chainscout-import-files-'));
  connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCacheMiB: 256,
    log: () => {},
  });
  db = createDatabase(connection);
  await applyMigrations(db);
  const seed = await readSeedGraph(loadConfig({}).seedDir);
  await loadSeedGraph(db, { ...seed, enterprises: [], supplies: [] });
});

afterAll(async () => {
  await db?.close();
  await connection?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

const count = async (cypher: string) => (await db.read(cypher, {}, (r) => Number(r.get('n'))))[0] ?? 0;
const enterpriseCount = () => count('MATCH (e:Enterprise) RETURN count(e) AS n');

async function clearImports(): Promise<void> {
  await db.runAutoCommit('MATCH (e:Enterprise) CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 5000 ROWS');
  await db.runAutoCommit('MATCH (i:Import) DELETE i');
  await db.runAutoCommit("MATCH (c:Change {entityType: 'Import'}) DELETE c");
}

type Options = Partial<Omit<ImportRequest, 'input' | 'kind' | 'via'>>;
const importFile = (file: string, options: Options = {}) =>
  runImport(db, { kind: 'enterprises', input: fileInput(file), dryRun: false, via: 'cli', ...options });

function startCli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'importers/import.cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: connection?.uri ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}
const runCli = (args: string[]) => startCli(args).done;

describe('the Shenzhen exchange list with the szse preset', () => {
  const szse = () => sourceFile('a-share/szse_a_share_list.csv');

  it(
    'imports the file as it is and places its Chengdu firms in their districts',
    async () => {
      await clearImports();
      const summary = await importFile(szse(), { preset: 'szse', asOf: '2025-10-22' });
      expect(summary).toMatchObject({
        rows: 2875,
        accepted: 2875,
        created: 2875,
        updated: 0,
        unchanged: 0,
        rejectedRows: 0,
        encoding: 'utf-8',
        located: 71,
      });
      expect(await enterpriseCount()).toBe(2875);

      const located = new Map(
        await db.read(
          'MATCH (e:Enterprise)-[:LOCATED_IN]->(d:District) RETURN e.stockCode AS code, d.code AS district',
          {},
          (r) => [text(r, 'code'), text(r, 'district')] as const,
        ),
      );
      expect(located.size).toBe(71);
      // Checked by hand against the registered addresses.
      expect(located.get('000155')).toBe('510113'); // 四川省成都市青白江区大弯镇团结路311号
      expect(located.get('000558')).toBe('zone-chengdu-hi-tech'); // …自由贸易试验区成都高新区府城大道西段399号
      expect(located.get('000598')).toBe('510105'); // 四川省成都市青羊区苏坡乡万家湾村
      expect(located.get('000593')).toBe('510108'); // 四川省成都市建设路55号: 建设路 lies in 成华区
      // And the same districts as the seed derivation gave the firms it holds.
      const seedLines = (
        await readFile(path.join(loadConfig({}).seedDir, 'enterprises.jsonl'), 'utf8')
      ).split('\n');
      const seeded = seedLines
        .filter((line) => line.trim() !== '')
        .map((line) => enterpriseSeedSchema.parse(JSON.parse(line)))
        .filter((e) => e.exchange === 'SZSE' && e.city === '成都市' && e.districtCode !== undefined);
      expect(seeded.length).toBeGreaterThanOrEqual(40);
      for (const e of seeded)
        expect(located.get(e.stockCode), `${e.stockCode} ${e.name}`).toBe(e.districtCode);

      const vanke = await db.read(
        `MATCH (e:Enterprise {stockCode: '000002'})
       RETURN e {.id, .name, .fullName, .totalShares, .sources, .exchange, listDate: toString(e.listDate)} AS e`,
        {},
        (r) => r.get('e'),
      );
      expect(vanke).toEqual([
        {
          id: '000002.SZ',
          name: '万科A',
          fullName: '万科企业股份有限公司',
          totalShares: 9_724_196_533,
          sources: ['szse_a_share_list.csv'],
          exchange: 'SZSE',
          listDate: '1991-01-29',
        },
      ]);
    },
    SLOW,
  );

  it(
    'changes nothing when the same file is imported again',
    async () => {
      const before = await graphFingerprint(db);
      const again = await importFile(szse(), { preset: 'szse', asOf: '2025-11-01' });
      expect(again).toMatchObject({
        accepted: 2875,
        created: 0,
        updated: 0,
        unchanged: 2875,
        rejectedRows: 0,
      });
      expect(await graphFingerprint(db)).toEqual(before);
      const records = await db.read(
        'MATCH (i:Import) RETURN i.status AS status, i.unchanged AS unchanged ORDER BY i.at',
        {},
        (r) => [r.get('status'), r.get('unchanged')],
      );
      expect(records).toEqual([
        ['done', 0],
        ['done', 2875],
      ]);
    },
    SLOW,
  );

  it(
    'reads the same rows saved as GBK into the identical graph',
    async () => {
      const gbk = await readFile(fixture('szse-chengdu.gbk.csv'));
      const decoded = new TextDecoder('gb18030').decode(gbk);
      // The fixture is the exchange list's header and Chengdu rows, as Excel on Chinese Windows would save them.
      const lines = (await readFile(szse(), 'utf8')).split('\n');
      expect(decoded).toBe(
        `${[lines[0], ...lines.slice(1).filter((l) => l.includes(',成都市,'))].join('\n')}\n`,
      );
      const utf8File = path.join(workDir, 'szse-chengdu.csv');
      await writeFile(utf8File, decoded, 'utf8');

      await clearImports();
      const fromUtf8 = await importFile(utf8File, {
        preset: 'szse',
        source: 'szse-chengdu',
        asOf: '2025-10-22',
      });
      const utf8Graph = await graphFingerprint(db);
      await clearImports();
      const fromGbk = await importFile(fixture('szse-chengdu.gbk.csv'), {
        preset: 'szse',
        source: 'szse-chengdu',
        asOf: '2025-10-22',
      });
      expect(fromUtf8.encoding).toBe('utf-8');
      expect(fromGbk.encoding).toBe('gb18030');
      expect(fromGbk).toMatchObject({ rows: 71, accepted: 71, created: 71, rejectedRows: 0, located: 71 });
      expect(await graphFingerprint(db)).toEqual(utf8Graph);
      const names = await db.read(
        "MATCH (e:Enterprise {stockCode: '000155'}) RETURN e.fullName AS n",
        {},
        (r) => r.get('n'),
      );
      expect(names).toEqual(['四川省新能源动力股份有限公司']);
    },
    SLOW,
  );
});

describe('a file with malformed rows', () => {
  const malformed = fixture('enterprises-malformed.csv');
  const expectedRejections = [
    { line: 3, field: '统一社会信用代码', reason: 'check character should be A, found B' },
    { line: 4, field: '股票代码', reason: 'expected a six-digit stock code such as 000725 or 000725.SZ' },
    { line: 5, field: '成立日期', reason: '2019-02-30 is not a calendar date' },
    {
      line: 5,
      field: '注册资本(万元)',
      reason: '"1,20,0" is not a number (use digits, with commas only between groups of three)',
    },
    { line: 6, field: '企业名称', reason: 'a name is required' },
    {
      line: 7,
      field: '(row)',
      reason: 'has 9 fields where the header has 8 (a comma inside an unquoted value?)',
    },
    {
      line: 8,
      field: '环节',
      reason: '"不存在的环节" is neither a link id nor a link name of the chain map',
    },
  ];

  it('reports every bad row on a dry run and writes nothing', async () => {
    await clearImports();
    const { code, stdout } = await runCli(['enterprises', malformed, '--dry-run', '--json']);
    expect(code).toBe(1);
    const summary = importSummarySchema.parse(JSON.parse(stdout));
    expect(summary).toMatchObject({
      dryRun: true,
      importId: null,
      rows: 10,
      accepted: 4,
      created: 4,
      rejectedRows: 6,
    });
    expect(summary.rejected).toEqual(expectedRejections);
    expect(await enterpriseCount()).toBe(0);
    expect(await count('MATCH (i:Import) RETURN count(i) AS n')).toBe(0);
  });

  it('imports the good rows, reports each bad one by line and exits with 1', async () => {
    const { code, stdout } = await runCli(['enterprises', malformed, '--json', '--as-of', '2025-06-30']);
    expect(code).toBe(1);
    const summary = importSummarySchema.parse(JSON.parse(stdout));
    expect(summary).toMatchObject({
      rows: 10,
      accepted: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      rejectedRows: 6,
    });
    expect(summary.rejected).toEqual(expectedRejections);

    const firms = await db.read(
      `MATCH (e:Enterprise)
       RETURN e {.id, .registeredCapital, founded: toString(e.foundedDate),
                 districts: [(e)-[:LOCATED_IN]->(d) | d.code],
                 links: [(e)-[r:IN_LINK]->(l) | l.id + ' ' + r.evidence]} AS e ORDER BY e.id`,
      {},
      (r) => r.get('e'),
    );
    expect(firms).toEqual([
      {
        id: '91510100MA6CMT0017',
        registeredCapital: 1200,
        founded: '2015-03-02',
        districts: ['510107'],
        links: ['pbs-separator products:锂电池隔膜'],
      },
      {
        id: '91510100MA6CMT0090',
        registeredCapital: 8000,
        founded: '2012-12-12',
        districts: [],
        links: [expect.stringMatching(/ products:工业机器人$/)],
      },
      {
        id: '91510100MA6CMT0105',
        registeredCapital: 200_000_000,
        founded: '2018-03-01',
        districts: ['510112'],
        links: ['pbs-separator file:enterprises-malformed.csv'],
      },
      // Written in full-width digits and padded with ideographic spaces in the file.
      {
        id: '91510100MA6CMT0118',
        registeredCapital: 12345.5,
        founded: '2010-08-08',
        districts: ['510114'],
        links: [],
      },
    ]);
  });

  it('refuses a file whose columns cannot be mapped, naming the missing columns, with exit code 2', async () => {
    const before = await graphFingerprint(db);
    const { code, stdout, stderr } = await runCli(['enterprises', malformed, '--preset', 'szse']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'Cannot map the columns of enterprises-malformed.csv with preset "szse": missing 公司全称 (fullName); A股简称 (name); A股代码 (stockCode). The file\'s columns are: 企业名称, 统一社会信用代码, 股票代码, 注册地址, 成立日期, 注册资本(万元), 主营产品, 环节.',
    );
    expect(await graphFingerprint(db)).toEqual(before);
    const usage = await runCli(['enterprises', malformed, '--preset', 'nasdaq']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--preset must be one of szse, tushare, chain-atlas');
  });
});

describe('one enterprise per firm across sources', () => {
  it(
    'merges the tushare listing and the atlas onto the exchange list by stock code, keeping every source',
    async () => {
      await clearImports();
      await importFile(sourceFile('a-share/szse_a_share_list.csv'), { preset: 'szse', asOf: '2025-10-22' });
      const tushare = await importFile(sourceFile('a-share/stock_basic.csv'), {
        preset: 'tushare',
        asOf: '2026-01-15',
      });
      const szseCodes = new Set(
        parseCsvRecords(readText(sourceFile('a-share/szse_a_share_list.csv'))).map((r) => r.A股代码),
      );
      const tushareCodes = parseCsvRecords(readText(sourceFile('a-share/stock_basic.csv'))).map(
        (r) => r.symbol,
      );
      const shared = tushareCodes.filter((c) => szseCodes.has(c)).length;
      expect(shared).toBeGreaterThan(2500);
      expect(tushare).toMatchObject({ rows: 5448, rejectedRows: 0, accepted: 5448, created: 5448 - shared });
      expect(tushare.updated + tushare.unchanged).toBe(shared);
      expect(await enterpriseCount()).toBe(2875 + 5448 - shared);
      expect(
        await count(
          'MATCH (e:Enterprise) WITH e.stockCode AS code, count(*) AS c WHERE c > 1 RETURN count(*) AS n',
        ),
      ).toBe(0);
      const vanke = await db.read(
        "MATCH (e:Enterprise {stockCode: '000002'}) RETURN e {.sources, .industry, .province, .fullName} AS e",
        {},
        (r) => r.get('e'),
      );
      expect(vanke).toEqual([
        {
          sources: ['szse_a_share_list.csv', 'stock_basic.csv'],
          industry: '全国地产',
          province: '广东',
          fullName: '万科企业股份有限公司',
        },
      ]);
      // Tushare's 深圳 area is a city of 广东.
      const byArea = await db.read(
        "MATCH (e:Enterprise {stockCode: '000001'}) RETURN e.province + ' ' + e.city AS p",
        {},
        (r) => r.get('p'),
      );
      expect(byArea).toEqual(['广东 深圳市']);

      const atlas = await importFile(sourceFile('industry-chain-atlas/semiconductor.yaml'), {
        preset: 'chain-atlas',
        asOf: '2026-06-18',
      });
      expect(atlas.rejectedRows).toBe(0);
      expect(atlas.created).toBeLessThan(atlas.accepted / 4);
      const wafer = await db.read(
        `MATCH (e:Enterprise {stockCode: '688126'})-[r:IN_LINK]->(l:Link)
       RETURN e.sources AS sources, collect(l.id + ' ' + r.evidence) AS links`,
        {},
        (r) => [r.get('sources'), r.get('links')],
      );
      expect(wafer).toEqual([
        [['stock_basic.csv', 'semiconductor.yaml'], ['ic-silicon-wafer atlas:semi_silicon_wafer']],
      ]);
    },
    SLOW,
  );

  it(
    'imports supply relations between firms found by code or name, and changes nothing the second time',
    async () => {
      // The firms of the listings and the atlas imported above are the ends.
      const supplies = (file: string, options: Options = {}) =>
        runImport(db, { kind: 'supplies', input: fileInput(file), dryRun: false, via: 'cli', ...options });
      const atlasFile = sourceFile('industry-chain-atlas/semiconductor.yaml');
      const atlas = await supplies(atlasFile, { preset: 'chain-atlas', asOf: '2026-06-18' });
      expect(atlas.rows).toBe(93);
      expect(atlas.accepted + atlas.rejectedRows).toBe(93);
      expect(atlas.created).toBe(atlas.accepted);
      expect(atlas.accepted).toBeGreaterThanOrEqual(70);
      // Edges whose buyer the atlas names only in its notes have no buyer_code.
      for (const r of atlas.rejected) expect(r.field, r.reason).toBe('buyer_code');
      const again = await supplies(atlasFile, { preset: 'chain-atlas', asOf: '2026-06-18' });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: atlas.accepted });

      const csv = await supplies(fixture('supplies.csv'), { asOf: '2026-07-01' });
      expect(csv).toMatchObject({ rows: 3, accepted: 2, created: 1, updated: 1, rejectedRows: 1 });
      expect(csv.rejected).toEqual([
        {
          line: 4,
          field: '供应商',
          reason: 'no enterprise with the name 不存在的示例公司 in the graph: import it first',
        },
      ]);
      const edges = await db.read(
        `MATCH (a:Enterprise {stockCode: '688126'})-[s:SUPPLIES]->(b:Enterprise)
       WHERE b.stockCode IN ['688981', '000725']
       RETURN b.stockCode + ' ' + s.product + ' ' + s.confidence + ' ' + s.source AS edge ORDER BY edge`,
        {},
        (r) => r.get('edge'),
      );
      expect(edges).toEqual([
        '000725 硅片 1.0 supplies.csv',
        '688981 12英寸硅片 0.9 semiconductor.yaml; supplies.csv',
      ]);
    },
    SLOW,
  );

  it('matches a district list by credit code and by name through a mapping file, from CSV and XLSX alike', async () => {
    await clearImports();
    await importFile(fixture('enterprises-malformed.csv'), { asOf: '2025-06-30' });
    await expect(importFile(fixture('district-list.csv'))).rejects.toThrow(ValidationError);
    await expect(importFile(fixture('district-list.csv'))).rejects.toThrow(
      /missing 公司全称 \/ 企业名称 \/ 公司名称 \/ 企业全称 \(fullName\) or 简称 \/ 公司简称 \/ 企业简称 \/ 证券简称 \(name\)\. The file's columns are: 序号, 单位名称（全称）, 信用代码, 所在地址, 主导产品\.$/,
    );

    const mapping = await readMappingFile(fixture('district-list.mapping.yaml'));
    const fromCsv = await importFile(fixture('district-list.csv'), { mapping });
    expect(fromCsv).toMatchObject({
      rows: 3,
      accepted: 3,
      created: 1,
      updated: 2,
      rejectedRows: 0,
      source: '示例区经信局企业名录',
      asOf: '2025-06-30',
    });
    const merged = await db.read(
      `MATCH (e:Enterprise) WHERE e.id IN ['91510100MA6CMT0017', '91510100MA6CMT0118', '91510100MA6CMT012B']
       RETURN e {.id, .sources, .fullName, .aliases, .mainProducts} AS e ORDER BY e.id`,
      {},
      (r) => r.get('e'),
    );
    expect(merged).toEqual([
      expect.objectContaining({
        id: '91510100MA6CMT0017',
        sources: ['enterprises-malformed.csv', '示例区经信局企业名录'],
        mainProducts: ['锂电池隔膜'],
      }),
      // No credit code in the list: found by its name, legal form aside.
      expect.objectContaining({
        id: '91510100MA6CMT0118',
        fullName: '成都测试示例十一科技股份有限公司',
        aliases: expect.arrayContaining(['成都测试示例十一科技有限公司']),
        sources: ['enterprises-malformed.csv', '示例区经信局企业名录'],
      }),
      expect.objectContaining({ id: '91510100MA6CMT012B', sources: ['示例区经信局企业名录'] }),
    ]);
    expect(await enterpriseCount()).toBe(5);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    for (const record of readText(fixture('district-list.csv')).trim().split('\n'))
      sheet.addRow(record.split(','));
    const xlsx = path.join(workDir, 'district-list.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await importFile(xlsx, { mapping });
    expect(fromXlsx).toMatchObject({ format: 'xlsx', rows: 3, accepted: 3, unchanged: 3, rejectedRows: 0 });
  });
});

describe('a firm repeated in the next batch', () => {
  it('is the same firm, although that batch was looked up before the first one was written', async () => {
    await clearImports();
    const file = path.join(workDir, 'repeated.csv');
    await writeFile(
      file,
      '企业名称,统一社会信用代码,网址\n成都重复示例科技有限公司,91510100MA6CMT0017,\n成都重复示例科技有限公司,91510100MA6CMT0017,www.example.cn\n',
    );
    const dry = await importFile(file, { batchSize: 1, dryRun: true });
    expect(dry).toMatchObject({ accepted: 2, created: 1, updated: 1 });
    const real = await importFile(file, { batchSize: 1 });
    expect(real).toMatchObject({ accepted: 2, created: 1, updated: 1 });
    expect(await enterpriseCount()).toBe(1);
    const website = await db.read(
      "MATCH (e:Enterprise {id: '91510100MA6CMT0017'}) RETURN e.website AS w",
      {},
      (r) => r.get('w'),
    );
    expect(website).toEqual(['www.example.cn']);
  });
});

describe('an import killed midway', () => {
  it('ends, once run again, in the same graph as an uninterrupted import', async () => {
    const rows = 20_000;
    const file = path.join(workDir, 'generated.csv');
    await writeGeneratedCsv(file, rows);
    await clearImports();
    await importFile(file, { asOf: '2025-01-01' });
    const uninterrupted = await graphFingerprint(db);

    await clearImports();
    const { child, done } = startCli(['enterprises', file, '--batch-size', '500', '--as-of', '2025-01-01']);
    let written = 0;
    while (written === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      written = await enterpriseCount();
    }
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.code).toBeNull();
    const partial = await enterpriseCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);
    expect(partial % 500).toBe(0);

    const rerun = await importFile(file, { asOf: '2025-01-01' });
    expect(rerun).toMatchObject({ accepted: rows, unchanged: partial, created: rows - partial });
    expect(await graphFingerprint(db)).toEqual(uninterrupted);
    const records = await db.read('MATCH (i:Import) RETURN i.status AS s ORDER BY i.at', {}, (r) =>
      r.get('s'),
    );
    expect(records).toEqual(['running', 'done']);
  }, 600_000);
});

describe('district profiles', () => {
  it('updates profiles and chain priorities, adds a named new zone, and changes nothing the second time', async () => {
    const profiles = () =>
      runImport(db, {
        kind: 'districts',
        input: fileInput(fixture('district-profiles.csv')),
        dryRun: false,
        via: 'cli',
        asOf: '2025-12-31',
      });
    const first = await profiles();
    expect(first).toMatchObject({ rows: 5, accepted: 3, created: 1, updated: 2, rejectedRows: 2 });
    expect(first.rejected).toEqual([
      {
        line: 5,
        field: '区县名称',
        reason: '510199 is not a district of the map yet: a new one needs a name',
      },
      {
        line: 6,
        field: '重点产业链',
        reason: '"不存在的产业链" is neither a chain id nor a chain name of the map',
      },
    ]);
    const districts = await db.read(
      `MATCH (d:District) WHERE d.code IN ['510105', '510112', 'zone-chengdu-example-port']
       RETURN d {.code, .name, .kind, .leadIndustry, .sources,
                 priorities: COLLECT { MATCH (d)-[p:PRIORITIZES]->(c) WITH p, c ORDER BY p.rank RETURN c.id + ' ' + p.source }} AS d
       ORDER BY d.code`,
      {},
      (r) => r.get('d'),
    );
    expect(districts).toEqual([
      expect.objectContaining({
        code: '510105',
        name: '青羊区',
        leadIndustry: '航空航天',
        sources: [expect.any(String), 'district-profiles.csv'],
        priorities: ['large-aircraft district-profiles.csv', 'aero-engine district-profiles.csv'],
      }),
      expect.objectContaining({
        code: '510112',
        leadIndustry: '汽车',
        priorities: [
          'new-energy-vehicle district-profiles.csv',
          'intelligent-connected-vehicle district-profiles.csv',
        ],
      }),
      {
        code: 'zone-chengdu-example-port',
        name: '示例港区',
        kind: 'functional-zone',
        leadIndustry: '现代物流',
        sources: ['district-profiles.csv'],
        priorities: ['modern-logistics district-profiles.csv'],
      },
    ]);
    const before = await graphFingerprint(db);
    const again = await profiles();
    expect(again).toMatchObject({ accepted: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
