import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bumpGraphVersion, readGraphVersion } from '../../api/src/graph/graph-version.ts';
import { chainDetailSchema } from '../../api/src/http/schemas/catalog.schemas.ts';
import { mapChangeResponseSchema } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { chainGapsSchema, targetPageSchema } from '../../api/src/http/schemas/matcher.schemas.ts';
import { readMapChangeSequence, restoreMapChangeSequence } from '../support/map-change-sequence.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.writeTransaction(async (tx) => {
    await tx.run("MATCH (e:Enterprise {id: 'TEST-CACHE-1'}) DETACH DELETE e");
    await bumpGraphVersion(tx);
  }, 'test-cleanup');
  await api.close();
});

const link = 'food-grain-oil';

async function localCount(): Promise<number> {
  const { status, body } = await api.get('/api/chains/food/gaps');
  expect(status).toBe(200);
  const gaps = chainGapsSchema.parse(body);
  return gaps.links.find((l) => l.id === link)?.local.enterpriseCount ?? -1;
}

const chainListSchema = z.object({
  items: z.array(z.object({ id: z.string(), localEnterpriseCount: z.number() })),
});

async function listedLocal(): Promise<number> {
  const { body } = await api.get('/api/chains');
  return chainListSchema.parse(body).items.find((c) => c.id === 'food')?.localEnterpriseCount ?? -1;
}

describe('read cache keyed by the graph version', () => {
  it('serves a write made in a bumping transaction on the very next read', async () => {
    const linkExists = await api.db.read('MATCH (l:Link {id: $id}) RETURN l.id AS id', { id: link }, (r) =>
      z.string().parse(r.get('id')),
    );
    expect(linkExists, `the seed should have the link ${link}`).toHaveLength(1);
    const before = await localCount();
    const listedBefore = await listedLocal();
    expect(await localCount()).toBe(before); // answered from the cache: same graph version
    const version = await readGraphVersion(api.db);

    await api.db.writeTransaction(async (tx) => {
      await tx.run(
        `MATCH (l:Link {id: $link})
         CREATE (e:Enterprise {id: 'TEST-CACHE-1', name: '缓存测试企业', board: '主板', listed: true,
                               local: true, city: '成都市', source: 'test'})-[:IN_LINK {confidence: 1.0}]->(l)`,
        { link },
      );
      await bumpGraphVersion(tx);
    }, 'test-write');

    expect((await readGraphVersion(api.db)).all).toBeGreaterThan(version.all);
    expect(await localCount()).toBe(before + 1);
    expect(await listedLocal()).toBe(listedBefore + 1);

    await api.db.writeTransaction(async (tx) => {
      await tx.run("MATCH (e:Enterprise {id: 'TEST-CACHE-1'}) DETACH DELETE e");
      await bumpGraphVersion(tx);
    }, 'test-undo');
    expect(await localCount()).toBe(before);
    expect(await listedLocal()).toBe(listedBefore);
  });

  it('keeps rankings across a rename, and shows the new name at once', async () => {
    const sequenceBefore = await readMapChangeSequence(api.db);
    const changeIds: string[] = [];
    const targets = async () => {
      const { status, body } = await api.get('/api/targets?chain=food&limit=10');
      expect(status).toBe(200);
      return targetPageSchema.parse(body);
    };
    const ranking = (page: z.infer<typeof targetPageSchema>) =>
      page.items.map((t) => ({ id: t.id, score: t.score, bestLink: t.bestLink.id }));
    const mapChange = async (method: string, path: string, body: Record<string, unknown>) => {
      const response = await api.request(method, path, { body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const change = mapChangeResponseSchema.parse(response.body);
      changeIds.push(change.id);
      return change;
    };
    try {
      const before = await targets();
      const renamed = before.items[0]?.bestLink;
      if (!renamed) throw new Error('the food chain should have targets');
      const version = await readGraphVersion(api.db);
      const chain = chainDetailSchema.parse((await api.get('/api/chains/food')).body);
      const rename = await mapChange('patch', `/api/admin/links/${renamed.id}`, {
        version: chain.version,
        name: `${renamed.name}（测）`,
      });

      const after = await readGraphVersion(api.db);
      expect(after.all).toBeGreaterThan(version.all);
      expect(after.structure).toBe(version.structure);
      const renamedPage = await targets();
      expect(ranking(renamedPage)).toEqual(ranking(before));
      const shown = renamedPage.items.filter((t) => t.bestLink.id === renamed.id);
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) expect(t.bestLink.name).toBe(`${renamed.name}（测）`);
      // Every reason that names the link names it anew.
      const naming = renamedPage.items
        .flatMap((t) => t.reasons)
        .flatMap((r) => [
          ...('linkId' in r && r.linkId === renamed.id ? [r.linkName] : []),
          ...('viaLinkId' in r && r.viaLinkId === renamed.id ? [r.viaLinkName] : []),
        ]);
      expect(naming.length).toBeGreaterThan(0);
      expect(new Set(naming)).toEqual(new Set([`${renamed.name}（测）`]));

      await mapChange('post', `/api/admin/map-changes/${rename.id}/revert`, { note: 'test' });
      expect((await readGraphVersion(api.db)).structure).toBe(version.structure);
      expect((await targets()).items[0]?.bestLink.name).toBe(renamed.name);
    } finally {
      await api.db.write(
        'MATCH (m:MapChange) WHERE m.id IN $ids OR m.reverts IN $ids DETACH DELETE m',
        { ids: changeIds },
        () => null,
      );
      await api.db.write(
        "MATCH (c:Change) WHERE c.action STARTS WITH 'map.' AND c.summary CONTAINS '（测）' DELETE c",
        {},
        () => null,
      );
      await restoreMapChangeSequence(api.db, sequenceBefore);
    }
  });
});
