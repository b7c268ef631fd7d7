import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.ts';
import { checkSeedReferences, readSeedGraph } from './seed-loader.ts';

const link = (id: string, stage: string, order: number) => ({ id, name: id, nameEn: id, stage, order });
const chain = {
  id: 'demo',
  name: '示例',
  nameEn: 'Demo',
  ecosystemId: 'eco',
  order: 1,
  verified: false,
  sourceNote: 'test',
  asOf: '2023-04-01',
  links: [
    link('a', 'upstream', 1),
    link('b', 'upstream', 2),
    link('c', 'midstream', 1),
    link('d', 'midstream', 2),
    link('e', 'downstream', 1),
    link('f', 'downstream', 2),
  ],
};
const enterprise = {
  id: '000001.SZ',
  name: '甲',
  fullName: '甲股份有限公司',
  aliases: [],
  stockCode: '000001',
  exchange: 'SZSE',
  board: '主板',
  mainProducts: [],
  links: [{ linkId: 'a', confidence: 0.8, evidence: 'sw-class:test' }],
  leadsChainIds: [],
  sources: ['test'],
  asOf: '2026-01-15',
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeSeed(enterpriseLines: string[], feeds: unknown[] = []) {
  dir = await mkdtemp(path.join(tmpdir(), 'seed-test-'));
  const files: Record<string, string> = {
    'ecosystems.json': JSON.stringify([
      { id: 'eco', name: '生态', nameEn: 'Eco', order: 1, verified: false, sourceNote: 't' },
    ]),
    'chains.json': JSON.stringify([chain]),
    'feeds.json': JSON.stringify(feeds),
    'districts.json': '[]',
    'enterprises.jsonl': enterpriseLines.join('\n'),
    'supplies.json': '[]',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe('readSeedGraph', () => {
  it('reads valid files and hashes their content', async () => {
    const seed = await readSeedGraph(await writeSeed([JSON.stringify(enterprise)]));
    expect(seed.chains).toHaveLength(1);
    expect(seed.enterprises[0]?.id).toBe('000001.SZ');
    expect(seed.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file, line and field of a bad row', async () => {
    const bad = { ...enterprise, stockCode: '12' };
    const error = await readSeedGraph(
      await writeSeed([JSON.stringify(enterprise), JSON.stringify(bad)]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toMatch(/enterprises\.jsonl:2 stockCode$/);
  });

  it('names the line of broken JSON', async () => {
    await expect(readSeedGraph(await writeSeed([JSON.stringify(enterprise), '{oops']))).rejects.toThrow(
      /enterprises\.jsonl:2: not valid JSON/,
    );
  });

  it('rejects references to links that do not exist', async () => {
    const seed = await readSeedGraph(
      await writeSeed(
        [JSON.stringify(enterprise)],
        [{ from: 'a', to: 'zz', source: 't', asOf: '2023-04-01' }],
      ),
    );
    expect(() => checkSeedReferences(seed)).toThrow(/feeds\.json 0\.to: unknown link zz/);
  });
});
