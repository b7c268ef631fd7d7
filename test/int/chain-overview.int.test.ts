import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainDetailSchema,
  chainHealthListSchema,
  chainListSchema,
} from '../../api/src/http/schemas/catalog.schemas.ts';
import { chainChangesSchema, mapChangeResponseSchema } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { chainGapsSchema } from '../../api/src/http/schemas/matcher.schemas.ts';
import { searchResultSchema } from '../../api/src/http/schemas/search.schemas.ts';
import { getError, getOk } from '../support/expect-response.ts';
import { readMapChangeSequence, restoreMapChangeSequence } from '../support/map-change-sequence.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('GET /api/chains/health', () => {
  it('counts every chain’s links by gap class, agreeing with the chain’s own gap analysis', async () => {
    const [health, chains] = await Promise.all([
      getOk(api, '/api/chains/health', chainHealthListSchema),
      getOk(api, '/api/chains', chainListSchema),
    ]);
    expect(health.items.map((h) => h.chainId).sort()).toEqual(chains.items.map((c) => c.id).sort());
    const ic = health.items.find((h) => h.chainId === 'integrated-circuit');
    const gaps = await getOk(api, '/api/chains/integrated-circuit/gaps', chainGapsSchema);
    expect(ic).toEqual({ chainId: 'integrated-circuit', linkCount: gaps.links.length, ...gaps.summary });
    for (const h of health.items) expect(h.strong + h.weak + h.missing).toBe(h.linkCount);
  });

  it('is open to district users and refused without a login', async () => {
    await getOk(api, '/api/chains/health', chainHealthListSchema);
    expect((await api.get('/api/chains/health', { as: { district: '510107' } })).status).toBe(200);
    expect((await api.get('/api/chains/health', { as: 'anonymous' })).status).toBe(401);
  });
});

describe('GET /api/search', () => {
  it('finds chains, links, enterprises and districts by a Chinese partial name', async () => {
    const result = await getOk(
      api,
      `/api/search?q=${encodeURIComponent('集成电路')}&limit=5`,
      searchResultSchema,
    );
    expect(result.chains.items[0]?.id).toBe('integrated-circuit');
    expect(result.chains.items.length).toBeLessThanOrEqual(5);

    const district = await getOk(api, `/api/search?q=${encodeURIComponent('武侯')}`, searchResultSchema);
    expect(district.districts.items.map((d) => d.code)).toContain('510107');

    const anyLink = await getOk(
      api,
      `/api/search?q=${encodeURIComponent('材料')}&limit=3`,
      searchResultSchema,
    );
    expect(anyLink.links.items.length).toBeGreaterThan(0);
    expect(anyLink.links.items.length).toBeLessThanOrEqual(3);
    expect(anyLink.links.total).toBeGreaterThanOrEqual(anyLink.links.items.length);
    for (const link of anyLink.links.items) expect(link.name).toContain('材料');
  });

  it('refuses an empty query with the field named', async () => {
    const error = await getError(api, '/api/search?q=', 400);
    expect(error.message).toContain('query.q');
  });
});

describe('GET /api/chains/:id/changes', () => {
  // A chain of the test's own (ids starting `zz-ov-`), edited with past dates and removed afterwards with its
  // change records and the change sequence's value.
  const chainId = 'zz-ov-test';
  const changeIds: string[] = [];
  let sequenceBefore: number | null = null;

  async function edit(path: string, body: Record<string, unknown>) {
    const response = await api.request('POST', path, { body });
    if (response.status !== 200) throw new Error(`POST ${path} answered ${response.status}`);
    changeIds.push(mapChangeResponseSchema.parse(response.body).id);
  }

  beforeAll(async () => {
    sequenceBefore = await readMapChangeSequence(api.db);
    await edit('/api/admin/chains', {
      id: chainId,
      name: '概览测试链',
      nameEn: 'Overview test chain',
      ecosystemId: 'electronic-information',
      date: '2020-01-01',
    });
    const chain = chainDetailSchema.parse((await api.get(`/api/chains/${chainId}`)).body);
    await edit(`/api/admin/chains/${chainId}/links`, {
      version: chain.version,
      id: 'zz-ov-link',
      name: '概览测试环节',
      nameEn: 'Overview test link',
      stage: 'midstream',
      date: '2021-01-01',
    });
  });

  afterAll(async () => {
    await api.db.write(
      'MATCH (m:MapChange) WHERE m.id IN $ids OR m.reverts IN $ids DETACH DELETE m',
      { ids: changeIds },
      () => null,
    );
    await api.db.write(
      "MATCH (c:Change) WHERE c.action STARTS WITH 'map.' AND c.entityId STARTS WITH 'zz-ov-' DELETE c",
      {},
      () => null,
    );
    await api.db.write(
      "MATCH (x) WHERE (x:Chain OR x:Link) AND x.id STARTS WITH 'zz-ov-' DETACH DELETE x",
      {},
      () => null,
    );
    await restoreMapChangeSequence(api.db, sequenceBefore);
  });

  it('lets an analyst see what changed in one chain, and only in that chain', async () => {
    const { status, body } = await api.get(`/api/chains/${chainId}/changes?from=2020-06-01&to=2021-06-01`, {
      as: 'analyst',
    });
    expect(status).toBe(200);
    const changes = chainChangesSchema.parse(body);
    expect(changes.chainId).toBe(chainId);
    expect(changes.links.added).toEqual([{ id: 'zz-ov-link', name: '概览测试环节', chainId }]);
    expect(changes.chains.added).toEqual([]);

    const before = chainChangesSchema.parse(
      (await api.get(`/api/chains/${chainId}/changes?from=2019-01-01&to=2020-06-01`, { as: 'analyst' })).body,
    );
    expect(before.chains.added.map((c) => c.id)).toEqual([chainId]);
    expect(before.links.added).toEqual([]);

    const other = chainChangesSchema.parse(
      (await api.get('/api/chains/integrated-circuit/changes?from=2020-06-01&to=2021-06-01')).body,
    );
    expect(other.links.added.map((l) => l.id)).not.toContain('zz-ov-link');
  });

  it('answers 404 for an unknown chain and 400 for a reversed range', async () => {
    await getError(api, '/api/chains/no-such-chain/changes?from=2020-01-01&to=2021-01-01', 404);
    await getError(api, `/api/chains/${chainId}/changes?from=2021-01-01&to=2020-01-01`, 400);
  });
});
