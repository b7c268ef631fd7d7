import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bumpGraphVersion, readGraphVersion } from '../../api/src/graph/graph-version.ts';
import { chainGapsSchema } from '../../api/src/http/schemas/matcher.schemas.ts';
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

    expect(await readGraphVersion(api.db)).toBeGreaterThan(version);
    expect(await localCount()).toBe(before + 1);
    expect(await listedLocal()).toBe(listedBefore + 1);

    await api.db.writeTransaction(async (tx) => {
      await tx.run("MATCH (e:Enterprise {id: 'TEST-CACHE-1'}) DETACH DELETE e");
      await bumpGraphVersion(tx);
    }, 'test-undo');
    expect(await localCount()).toBe(before);
    expect(await listedLocal()).toBe(listedBefore);
  });
});
