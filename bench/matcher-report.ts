import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../api/src/config.ts';
import { createMatcherService } from '../api/src/domain/matcher/matcher.service.ts';
import { createDatabase, type Database } from '../api/src/graph/database.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { createMatcherRepository } from '../api/src/graph/matcher.repository.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { createWeightProfileRepository } from '../api/src/graph/weight-profile.repository.ts';
import { freePort } from '../test/support/free-port.ts';
import { type BacktestSummary, runBacktest } from './matcher-backtest.ts';

/**
 * Prints the matcher's sample output for a domain reader (gap summary and top 20 targets for five chains) and the
 * back-test table, as Markdown. `--write` puts it between the report markers in docs/matcher.md.
 * Runs on a throw-away embedded Neo4j loaded with the seed.
 */

const sampleChains = [
  'integrated-circuit',
  'new-energy-vehicle',
  'rail-transit',
  'innovative-drug',
  'large-aircraft',
];
const startMarker = '<!-- matcher-report:start -->';
const endMarker = '<!-- matcher-report:end -->';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);
const cell = (text: string) => text.replaceAll('|', '\\|');

async function sampleSection(db: Database): Promise<string> {
  const matcher = createMatcherService(createMatcherRepository(db), createWeightProfileRepository(db));
  const out: string[] = [];
  for (const chainId of sampleChains) {
    const gaps = await matcher.chainGaps(chainId);
    const page = await matcher.rankTargets({
      chain: chainId,
      page: 1,
      limit: 20,
      profile: 'default',
      includeVetoed: false,
    });
    const missing = gaps.links.filter((l) => l.class === 'missing').map((l) => l.name);
    const present = gaps.links
      .filter((l) => l.class !== 'missing')
      .map((l) => `${l.name}（${l.classLabel}，${l.local.enterpriseCount} 家）`);
    out.push(`### ${gaps.chain.name} (\`${chainId}\`)`, '');
    out.push(
      `Gaps: ${gaps.summary.strong} strong, ${gaps.summary.weak} weak, ${gaps.summary.missing} missing of ${gaps.links.length} links. ` +
        `Present: ${present.length > 0 ? present.join('、') : '—'}. Missing: ${missing.join('、')}. ` +
        `${page.total} candidates (${page.vetoedCount} vetoed).`,
      '',
    );
    out.push(
      '| # | 企业 | 省份 | 板块 | 得分 | 缺链 | 配套 | 质量 | 动能 | 最佳环节 | 落地影响 | 理由（节选） |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const t of page.items) {
      const c = t.components;
      const impact = `${t.impact.before.classLabel}→${t.impact.after.classLabel}`;
      const reasons = t.reasons
        .filter((r) => r.kind !== 'listed')
        .slice(0, 3)
        .map((r) => r.text)
        .join('；');
      out.push(
        `| ${t.rank} | ${cell(t.name)} | ${t.province ?? '—'} | ${t.board ?? '—'} | ${f2(t.score)} | ${f2(c.gapFit)} | ${f2(
          c.supplyTies,
        )} | ${f2(c.quality)} | ${f2(c.momentum)} | ${cell(t.bestLink.name)} | ${impact} | ${cell(reasons)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function backtestRow(label: string, s: BacktestSummary): string {
  return `| ${label} | ${s.buyers} | ${s.suppliers} | ${s.inPool} | ${pct(s.recallAt10)} | ${pct(s.randomAt10)} | ${pct(
    s.recallAt50,
  )} | ${pct(s.randomAt50)} | ${pct(s.macroRecallAt10)} | ${pct(s.macroRecallAt50)} |`;
}

async function backtestSection(db: Database): Promise<string> {
  const supplyOnly = { gapFit: 0, supplyTies: 1, quality: 0, momentum: 0 };
  const runs: [string, BacktestSummary][] = [
    ['成都 local buyers, default weights', await runBacktest(db, 'home')],
    ['buyer’s province as local, default weights', await runBacktest(db, 'province')],
    ['buyer’s city as local, default weights', await runBacktest(db, 'city')],
    ['buyer’s province as local, supply ties only', await runBacktest(db, 'province', supplyOnly)],
    ['buyer’s city as local, supply ties only', await runBacktest(db, 'city', supplyOnly)],
  ];
  return [
    '| run | buyers | true suppliers | in the chain’s pool | recall@10 | random@10 | recall@50 | random@50 | macro@10 | macro@50 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(([label, s]) => backtestRow(label, s)),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-matcher-report-'));
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCacheMiB: 256,
  });
  const db = createDatabase(connection);
  try {
    await applyMigrations(db);
    await loadSeedGraph(db, await readSeedGraph(loadConfig({}).seedDir));
    const report = [
      startMarker,
      '',
      '## Back-test figures (generated)',
      '',
      await backtestSection(db),
      '## Top 20 for five chains (generated, default weights)',
      '',
      await sampleSection(db),
      endMarker,
    ].join('\n');
    if (values.write) {
      const file = path.join(projectRoot, 'docs', 'matcher.md');
      const doc = await readFile(file, 'utf8');
      const start = doc.indexOf(startMarker);
      const end = doc.indexOf(endMarker);
      if (start < 0 || end < start) throw new Error(`${file} has no ${startMarker} … ${endMarker} section`);
      await writeFile(file, `${doc.slice(0, start)}${report}${doc.slice(end + endMarker.length)}`);
      process.stdout.write(`Wrote the report into ${file}\n`);
    } else {
      process.stdout.write(`${report}\n`);
    }
  } finally {
    await db.close();
    await connection.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
