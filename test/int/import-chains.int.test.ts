import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainDetailSchema } from '../../api/src/http/schemas/catalog.schemas.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import { mapDiffSchema } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { readMapChangeSequence, restoreMapChangeSequence } from '../support/map-change-sequence.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * Chain-map imports through the upload endpoint against the shared seed graph: a chain of its own (ids starting
 * `zz-imp-`) is created, renamed in part, retired in part and fed into a seed link, with dated edits; everything
 * written is removed afterwards, the change records and the change sequence's value included.
 */

let api: TestApi;
const chainId = 'zz-imp-chain';
let sequenceBefore: number | null = null;

beforeAll(async () => {
  api = await startTestApi();
  sequenceBefore = await readMapChangeSequence(api.db);
});

afterAll(async () => {
  await api.db.write(
    `MATCH (m:MapChange) WHERE $chainId IN m.chainIds OR m.entityId STARTS WITH 'zz-imp-' DETACH DELETE m`,
    { chainId },
    () => null,
  );
  await api.db.write(
    "MATCH (c:Change) WHERE c.entityId STARTS WITH 'zz-imp-' OR c.entityId CONTAINS 'zz-imp-' DELETE c",
    {},
    () => null,
  );
  await api.db.write(
    `MATCH (i:Import) WHERE i.file STARTS WITH 'zz-imp'
     OPTIONAL MATCH (c:Change {entityType: 'Import', entityId: i.id})
     DETACH DELETE c, i`,
    {},
    () => null,
  );
  await api.db.write(
    "MATCH (x) WHERE (x:Chain OR x:Link) AND x.id STARTS WITH 'zz-imp-' DETACH DELETE x",
    {},
    () => null,
  );
  await restoreMapChangeSequence(api.db, sequenceBefore);
  await api.close();
});

async function upload(file: string, text: string, query: string) {
  const response = await fetch(
    `${api.baseUrl}/api/admin/imports?kind=chains&file=${encodeURIComponent(file)}&${query}`,
    {
      method: 'POST',
      headers: { ...(await api.headersFor('admin')), 'content-type': 'text/csv' },
      body: new Uint8Array(Buffer.from(text, 'utf8')),
    },
  );
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 400)).toBe(200);
  return importSummarySchema.parse(body);
}

async function chain(asOf?: string) {
  const { status, body } = await api.get(`/api/chains/${chainId}${asOf ? `?asOf=${asOf}` : ''}`);
  return { status, chain: status === 200 ? chainDetailSchema.parse(body) : undefined };
}

const mapChanges = async () =>
  (
    await api.db.read(
      "MATCH (m:MapChange) WHERE $chainId IN m.chainIds OR m.entityId STARTS WITH 'zz-imp-' RETURN count(m) AS n",
      { chainId },
      (r) => Number(r.get('n')),
    )
  )[0] ?? 0;

const newChain = [
  '产业链编号,产业链,产业链英文名,产业生态圈,环节编号,环节,位置,供给环节',
  `${chainId},导入测试链,Import test chain,电子信息,zz-imp-materials,材料,上游,zz-imp-devices`,
  `${chainId},,,,zz-imp-devices,器件,中游,`,
  `${chainId},,,,zz-imp-bad,坏环节,旁游,`,
].join('\n');

const changes = [
  '产业链编号,环节编号,环节,供给环节,撤销',
  `${chainId},zz-imp-materials,关键材料,ic-wafer-fab,否`,
  `${chainId},zz-imp-devices,,,是`,
].join('\n');

describe('chain-map import', () => {
  it('reports a dry run, rejecting a bad row by line and column, and writes nothing', async () => {
    const summary = await upload('zz-imp-new.csv', newChain, 'dryRun=true&asOf=2024-01-01');
    expect(summary).toMatchObject({ kind: 'chains', rows: 3, accepted: 2, created: 2, rejectedRows: 1 });
    expect(summary.rejected).toEqual([
      expect.objectContaining({ line: 4, field: '位置', reason: expect.stringContaining('上游') }),
    ]);
    expect((await chain()).status).toBe(404);
    expect(await mapChanges()).toBe(0);
  });

  it('creates the chain, its links and FEEDS as dated map changes, and a re-run changes nothing', async () => {
    const summary = await upload('zz-imp-new.csv', newChain, 'asOf=2024-01-01');
    expect(summary).toMatchObject({ accepted: 2, created: 2, updated: 0, rejectedRows: 1 });
    const { chain: created } = await chain();
    expect(created?.name).toBe('导入测试链');
    expect(created?.ecosystemId).toBe('electronic-information');
    expect(created?.links.map((l) => [l.id, l.name, l.stage])).toEqual([
      ['zz-imp-materials', '材料', 'upstream'],
      ['zz-imp-devices', '器件', 'midstream'],
    ]);
    expect(created?.feeds).toEqual([
      expect.objectContaining({ from: 'zz-imp-materials', to: 'zz-imp-devices' }),
    ]);
    // chain, two links, one FEEDS
    expect(await mapChanges()).toBe(4);
    expect((await chain('2023-12-31')).status).toBe(404);

    const again = await upload('zz-imp-new.csv', newChain, 'asOf=2024-01-01');
    expect(again).toMatchObject({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await mapChanges()).toBe(4);
  });

  it('renames, retires and feeds another chain as of a later date, diffable and revertible', async () => {
    const summary = await upload('zz-imp-changes.csv', changes, 'asOf=2025-01-01');
    expect(summary).toMatchObject({ accepted: 2, created: 0, updated: 2, rejectedRows: 0 });

    const { chain: now } = await chain();
    expect(now?.links.map((l) => [l.id, l.name])).toEqual([['zz-imp-materials', '关键材料']]);
    expect(now?.feeds).toEqual([
      expect.objectContaining({ from: 'zz-imp-materials', to: 'ic-wafer-fab', crossChain: true }),
    ]);
    const { chain: before } = await chain('2024-06-01');
    expect(before?.links.map((l) => [l.id, l.name])).toEqual([
      ['zz-imp-materials', '材料'],
      ['zz-imp-devices', '器件'],
    ]);

    const diff = mapDiffSchema.parse(
      (await api.get('/api/admin/map-diff?from=2024-06-01&to=2025-06-01')).body,
    );
    expect(diff.links.renamed.filter((l) => l.chainId === chainId)).toEqual([
      expect.objectContaining({ id: 'zz-imp-materials', from: '材料', to: '关键材料' }),
    ]);
    expect(diff.links.retired.map((l) => l.id)).toContain('zz-imp-devices');
    expect(diff.feeds.added).toContainEqual(
      expect.objectContaining({ from: 'zz-imp-materials', to: 'ic-wafer-fab' }),
    );

    const [rename] = await api.db.read(
      "MATCH (m:MapChange {action: 'link.rename', entityId: 'zz-imp-materials'}) RETURN m.id AS id, m.note AS note",
      {},
      (r) => ({ id: String(r.get('id')), note: String(r.get('note')) }),
    );
    expect(rename?.note).toContain('zz-imp-changes.csv');
    const reverted = await api.request('post', `/api/admin/map-changes/${rename?.id}/revert`, { body: {} });
    expect(reverted.status, JSON.stringify(reverted.body)).toBe(200);
    expect((await chain()).chain?.links.map((l) => l.name)).toEqual(['材料']);
  });
});
