import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainDetailSchema, chainListSchema } from '../../api/src/http/schemas/catalog.schemas.ts';
import { enterpriseDetailSchema } from '../../api/src/http/schemas/enterprise.schemas.ts';
import { mapChangeResponseSchema, mapDiffSchema } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { readMapChangeSequence, restoreMapChangeSequence } from '../support/map-change-sequence.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * Versioned map edits against the shared seed graph. The test builds a chain of its own (ids starting `zz-map-`)
 * and a fictional enterprise, edits them with past dates, and removes everything it wrote afterwards, including the
 * change records and the change sequence's value.
 */

let api: TestApi;
const chainId = 'zz-map-test';
const link = (s: string) => `zz-map-${s}`;
const enterpriseId = 'ZZMAP0001.TEST';
const changeIds: string[] = [];
let sequenceBefore: number | null = null;

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await api.db.read(cypher, params, (r) => Number(r.get('n'))))[0] ?? 0;

async function chain(asOf?: string) {
  const { status, body } = await api.get(`/api/chains/${chainId}${asOf ? `?asOf=${asOf}` : ''}`);
  return { status, chain: status === 200 ? chainDetailSchema.parse(body) : undefined, body };
}

async function version(): Promise<number> {
  const { chain: c } = await chain();
  if (!c) throw new Error(`chain ${chainId} is not on the current map`);
  return c.version;
}

async function edit(method: string, path: string, body: Record<string, unknown>) {
  const response = await api.request(method, path, { body });
  if (response.status !== 200) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const change = mapChangeResponseSchema.parse(response.body);
  changeIds.push(change.id);
  return change;
}

beforeAll(async () => {
  api = await startTestApi();
  sequenceBefore = await readMapChangeSequence(api.db);
  await api.db.write(
    `CREATE (e:Enterprise {id: $id, name: '测绘测试', fullName: '成都测绘测试科技有限公司', local: true,
                           source: 'test', asOf: date('2019-01-01')})`,
    { id: enterpriseId },
    () => null,
  );
});

afterAll(async () => {
  await api.db.write(
    'MATCH (m:MapChange) WHERE m.id IN $ids OR m.reverts IN $ids DETACH DELETE m',
    { ids: changeIds },
    () => null,
  );
  await api.db.write(
    "MATCH (c:Change) WHERE c.action STARTS WITH 'map.' AND (c.entityId STARTS WITH 'zz-map-' OR c.entityId = $enterpriseId) DELETE c",
    { enterpriseId },
    () => null,
  );
  await api.db.write(
    "MATCH (x) WHERE (x:Chain OR x:Link) AND x.id STARTS WITH 'zz-map-' DETACH DELETE x",
    {},
    () => null,
  );
  await api.db.write('MATCH (e:Enterprise {id: $id}) DETACH DELETE e', { id: enterpriseId }, () => null);
  await restoreMapChangeSequence(api.db, sequenceBefore);
  await api.close();
});

describe('versioned map edits', () => {
  it('builds a chain with dated edits and shows it as it was on each date', async () => {
    await edit('post', '/api/admin/chains', {
      id: chainId,
      name: '测试链',
      nameEn: 'Test chain',
      ecosystemId: 'electronic-information',
      date: '2020-01-01',
    });
    for (const [id, name, stage] of [
      ['a', '原料', 'upstream'],
      ['b', '制造', 'midstream'],
      ['c', '应用', 'downstream'],
    ] as const) {
      await edit('post', `/api/admin/chains/${chainId}/links`, {
        version: await version(),
        id: link(id),
        name,
        nameEn: name,
        stage,
        date: '2020-01-01',
      });
    }
    await edit('post', '/api/admin/feeds', {
      version: await version(),
      from: link('a'),
      to: link('b'),
      date: '2020-02-01',
    });
    await edit('post', `/api/admin/enterprises/${enterpriseId}/move`, {
      toLinkId: link('a'),
      expectedLinks: [],
      date: '2020-03-01',
    });
    await edit('patch', `/api/admin/links/${link('b')}`, {
      version: await version(),
      name: '智能制造',
      date: '2021-01-01',
    });
    await edit('post', `/api/admin/links/${link('c')}/retire`, {
      version: await version(),
      date: '2021-06-01',
    });
    await edit('post', '/api/admin/feeds/remove', {
      version: await version(),
      from: link('a'),
      to: link('b'),
      date: '2022-01-01',
    });
    await edit('post', `/api/admin/enterprises/${enterpriseId}/move`, {
      toLinkId: link('b'),
      expectedLinks: [link('a')],
      date: '2022-03-01',
    });

    const now = (await chain()).chain;
    expect(now?.links.map((l) => [l.id, l.name])).toEqual([
      [link('a'), '原料'],
      [link('b'), '智能制造'],
    ]);
    expect(now?.feeds).toEqual([]);
    expect(now?.links.find((l) => l.id === link('b'))?.enterpriseCount).toBe(1);
    expect(now?.links.find((l) => l.id === link('a'))?.enterpriseCount).toBe(0);

    const then = (await chain('2020-06-01')).chain;
    expect(then?.links.map((l) => [l.id, l.name])).toEqual([
      [link('a'), '原料'],
      [link('b'), '制造'],
      [link('c'), '应用'],
    ]);
    expect(then?.feeds).toEqual([{ from: link('a'), to: link('b'), crossChain: false }]);
    expect(then?.links.find((l) => l.id === link('a'))?.enterpriseCount).toBe(1);

    const before = await chain('2019-06-01');
    expect(before.status).toBe(404);
  });

  it('lists what changed between two dates', async () => {
    const { status, body } = await api.get('/api/admin/map-diff?from=2020-06-01&to=2022-06-01');
    expect(status).toBe(200);
    const diff = mapDiffSchema.parse(body);
    expect(diff.links.renamed).toContainEqual({ id: link('b'), chainId, from: '制造', to: '智能制造' });
    expect(diff.links.retired).toContainEqual({ id: link('c'), name: '应用', chainId });
    expect(diff.feeds.removed).toContainEqual({ from: link('a'), to: link('b') });
    expect(diff.enterprisesMoved).toEqual([
      expect.objectContaining({
        enterpriseId,
        fromLinks: [link('a')],
        toLinks: [link('b')],
        date: '2022-03-01',
      }),
    ]);
    const earlier = mapDiffSchema.parse(
      (await api.get('/api/admin/map-diff?from=2019-01-01&to=2020-06-01')).body,
    );
    expect(earlier.chains.added).toContainEqual({ id: chainId, name: '测试链' });
    expect(earlier.links.added.filter((l) => l.chainId === chainId)).toHaveLength(3);
    expect(earlier.feeds.added).toContainEqual({ from: link('a'), to: link('b') });
  });

  it('refuses an edit made against a stale version and writes nothing', async () => {
    const current = await version();
    const changesBefore = await count('MATCH (m:MapChange) RETURN count(m) AS n');
    const { status, body } = await api.request('patch', `/api/admin/links/${link('a')}`, {
      body: { version: current - 1, name: '过期的名字' },
    });
    expect(status).toBe(409);
    expect(JSON.stringify(body)).toContain(`version ${current}`);
    expect((await chain()).chain?.links.find((l) => l.id === link('a'))?.name).toBe('原料');
    expect(await count('MATCH (m:MapChange) RETURN count(m) AS n')).toBe(changesBefore);
    expect(await version()).toBe(current);

    const stale = await api.request('post', `/api/admin/enterprises/${enterpriseId}/move`, {
      body: { toLinkId: link('a'), expectedLinks: [link('a')] },
    });
    expect(stale.status).toBe(409);
  });

  it('keeps map edits for admins', async () => {
    const asAnalyst = await api.request('post', `/api/admin/links/${link('a')}/retire`, {
      body: { version: await version() },
      as: 'analyst',
    });
    expect(asAnalyst.status).toBe(403);
    expect(
      (await api.get('/api/admin/map-diff?from=2020-01-01&to=2021-01-01', { as: 'analyst' })).status,
    ).toBe(403);
    expect((await chain()).chain?.links.map((l) => l.id)).toContain(link('a'));
  });

  it('reverts a change unless later changes build on it', async () => {
    const changes = await api.db.read(
      'MATCH (m:MapChange) WHERE m.id IN $ids RETURN m.id AS id, m.action AS action, m.entityId AS entity ORDER BY m.seq',
      { ids: changeIds },
      (r) => ({ id: String(r.get('id')), action: String(r.get('action')), entity: String(r.get('entity')) }),
    );
    const addA = changes.find((c) => c.action === 'link.add' && c.entity === link('a'));
    const renameB = changes.find((c) => c.action === 'link.rename');
    const retireC = changes.find((c) => c.action === 'link.retire');
    if (!addA || !renameB || !retireC) throw new Error('the edits of the first test are missing');

    const blocked = await api.request('post', `/api/admin/map-changes/${addA.id}/revert`, { body: {} });
    expect(blocked.status).toBe(409);
    expect(JSON.stringify(blocked.body)).toContain('build on it');

    const reverted = await edit('post', `/api/admin/map-changes/${renameB.id}/revert`, { note: 'typo' });
    expect(reverted.action).toBe('revert');
    expect(reverted.reverts).toBe(renameB.id);
    await edit('post', `/api/admin/map-changes/${retireC.id}/revert`, {});
    const now = (await chain()).chain;
    expect(now?.links.map((l) => [l.id, l.name])).toEqual([
      [link('a'), '原料'],
      [link('b'), '制造'],
      [link('c'), '应用'],
    ]);
    const again = await api.request('post', `/api/admin/map-changes/${renameB.id}/revert`, { body: {} });
    expect(again.status).toBe(409);
    // The audit trail has every edit and revert.
    expect(
      await count(
        "MATCH (c:Change) WHERE c.action STARTS WITH 'map.' AND c.entityId STARTS WITH 'zz-map-' RETURN count(c) AS n",
      ),
    ).toBeGreaterThanOrEqual(9);
  });

  it('flags facts older than the configured age as stale', async () => {
    const c = (await chain()).chain;
    expect(c?.stale).toBe(true);
    expect(c?.links.every((l) => l.stale)).toBe(true);
    await edit('post', `/api/admin/chains/${chainId}/links`, {
      version: await version(),
      id: link('d'),
      name: '服务',
      nameEn: 'Services',
      stage: 'downstream',
    });
    expect((await chain()).chain?.links.find((l) => l.id === link('d'))?.stale).toBe(false);
    const profile = enterpriseDetailSchema.parse((await api.get(`/api/enterprises/${enterpriseId}`)).body);
    expect(profile.provenance.stale).toBe(true);
    expect(profile.links.map((l) => l.id)).toEqual([link('b')]);
  });

  it('retires a chain: gone from the current list, still there for earlier dates', async () => {
    await edit('post', `/api/admin/chains/${chainId}/retire`, { version: await version() });
    const list = chainListSchema.parse((await api.get('/api/chains')).body);
    expect(list.items.map((c) => c.id)).not.toContain(chainId);
    expect((await chain()).status).toBe(404);
    expect((await chain('2021-01-01')).chain?.links.map((l) => l.id)).toContain(link('a'));
  });
});
