import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../api/src/config.ts';
import { enterpriseDetailSchema } from '../../api/src/http/schemas/enterprise.schemas.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import { authHeader, startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * The upload endpoint against the shared seed graph. The fixture's firms are fictional, with credit codes of
 * their own (91510100MA6CMT…), and everything this file writes is removed afterwards.
 */

let api: TestApi;
const importIds: string[] = [];
const fixtureIds = ['91510100MA6CMT0017', '91510100MA6CMT0090', '91510100MA6CMT0105', '91510100MA6CMT0118'];

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.db.write(
    'MATCH (e:Enterprise) WHERE e.id IN $ids DETACH DELETE e',
    { ids: fixtureIds },
    () => null,
  );
  await api.db.write(
    `MATCH (i:Import) WHERE i.id IN $ids DELETE i
     WITH count(*) AS done
     MATCH (c:Change {entityType: 'Import'}) WHERE c.entityId IN $ids DELETE c`,
    { ids: importIds },
    () => null,
  );
  await api.close();
});

const malformed = () => readFile(path.join(projectRoot, 'test', 'fixtures', 'enterprises-malformed.csv'));

async function upload(query: string, body: Uint8Array | undefined, type = 'application/octet-stream') {
  const response = await fetch(`${api.baseUrl}/api/admin/imports?${query}`, {
    method: 'POST',
    headers: { ...(await authHeader(api)), ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body }),
  });
  const json: unknown = await response.json();
  return { status: response.status, body: json };
}

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await api.db.read(cypher, params, (r) => Number(r.get('n'))))[0] ?? 0;

describe('POST /api/admin/imports', () => {
  it('validates and resolves an uploaded file on a dry run without writing anything', async () => {
    const enterprisesBefore = await count('MATCH (e:Enterprise) RETURN count(e) AS n');
    const importsBefore = await count('MATCH (i:Import) RETURN count(i) AS n');
    const { status, body } = await upload(
      'kind=enterprises&dryRun=true&file=enterprises-malformed.csv',
      await malformed(),
    );
    expect(status).toBe(200);
    const summary = importSummarySchema.parse(body);
    expect(summary).toMatchObject({
      dryRun: true,
      importId: null,
      encoding: 'utf-8-bom',
      rows: 10,
      accepted: 4,
      created: 4,
      rejectedRows: 6,
    });
    expect(summary.rejected.map((r) => `${r.line} ${r.field}`)).toEqual([
      '3 统一社会信用代码',
      '4 股票代码',
      '5 成立日期',
      '5 注册资本(万元)',
      '6 企业名称',
      '7 (row)',
      '8 环节',
    ]);
    expect(await count('MATCH (e:Enterprise) RETURN count(e) AS n')).toBe(enterprisesBefore);
    expect(await count('MATCH (i:Import) RETURN count(i) AS n')).toBe(importsBefore);
  });

  it('imports the good rows, records the import, and shows the firms through the API', async () => {
    const { status, body } = await upload(
      'kind=enterprises&file=enterprises-malformed.csv&asOf=2025-06-30',
      await malformed(),
    );
    expect(status).toBe(200);
    const summary = importSummarySchema.parse(body);
    expect(summary).toMatchObject({
      accepted: 4,
      created: 4,
      rejectedRows: 6,
      source: 'enterprises-malformed.csv',
    });
    expect(summary.importId).not.toBeNull();
    importIds.push(summary.importId ?? '');

    const records = await api.db.read(
      'MATCH (i:Import {id: $id}) RETURN i {.kind, .file, .via, .status, .created, .counts} AS i',
      { id: summary.importId },
      (r) => r.get('i'),
    );
    expect(records).toEqual([
      {
        kind: 'enterprises',
        file: 'enterprises-malformed.csv',
        via: 'http',
        status: 'done',
        created: 4,
        counts: JSON.stringify({
          rows: 10,
          accepted: 4,
          created: 4,
          updated: 0,
          unchanged: 0,
          rejected: 6,
          unplaced: 1,
        }),
      },
    ]);

    // The audit trail names who imported which file and what it changed.
    const trail = await api.get(`/api/admin/changes?entityType=Import&entityId=${summary.importId}`);
    expect(trail.body).toMatchObject({
      total: 1,
      items: [
        {
          actor: 'test-admin',
          action: 'import',
          before: null,
          after: {
            kind: 'enterprises',
            file: 'enterprises-malformed.csv',
            status: 'done',
            counts: { created: 4 },
          },
        },
      ],
    });

    const profile = await api.get('/api/enterprises/91510100MA6CMT0017');
    expect(profile.status).toBe(200);
    const firm = enterpriseDetailSchema.parse(profile.body);
    expect(firm.district).toMatchObject({
      code: '510107',
      provenance: { source: 'enterprises-malformed.csv' },
    });
    expect(firm.links.map((l) => [l.id, l.evidence])).toEqual([['pbs-separator', 'products:锂电池隔膜']]);
    expect(firm.provenance).toMatchObject({ source: 'enterprises-malformed.csv', asOf: '2025-06-30' });
    const search = await api.get(`/api/enterprises?q=${encodeURIComponent('测试示例一')}`);
    expect(JSON.stringify(search.body)).toContain('91510100MA6CMT0017');
  });

  it('reports the same upload again as unchanged', async () => {
    const { body } = await upload('kind=enterprises&file=enterprises-malformed.csv', await malformed());
    const summary = importSummarySchema.parse(body);
    importIds.push(summary.importId ?? '');
    expect(summary).toMatchObject({ accepted: 4, created: 0, updated: 0, unchanged: 4 });
  });

  it('answers 400 naming the missing columns when a preset does not fit the file', async () => {
    const { status, body } = await upload('kind=enterprises&preset=tushare&file=list.csv', await malformed());
    expect(status).toBe(400);
    const error = errorBodySchema.parse(body).error;
    expect(error.message).toMatch(
      /^Cannot map the columns of list\.csv with preset "tushare": missing ts_code \/ symbol \(stockCode\)/,
    );
  });

  it('answers 400 for a bad query or a missing body, and 413 above the size limit', async () => {
    const badKind = await upload('kind=parks&dryRun=maybe', await malformed());
    expect(badKind.status).toBe(400);
    expect(errorBodySchema.parse(badKind.body).error.details).toEqual([
      expect.objectContaining({ path: 'query.kind' }),
      expect.objectContaining({ path: 'query.dryRun' }),
    ]);
    const noBody = await upload('kind=enterprises', undefined);
    expect(noBody.status).toBe(400);
    expect(errorBodySchema.parse(noBody.body).error.details).toEqual([
      expect.objectContaining({ path: 'body' }),
    ]);
    const tooLarge = await upload('kind=enterprises&dryRun=true', new Uint8Array(50 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(errorBodySchema.parse(tooLarge.body).error.code).toBe('payload_too_large');
  });
});
