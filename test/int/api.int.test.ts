import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainDetailSchema,
  chainListSchema,
  ecosystemListSchema,
} from '../../api/src/http/schemas/catalog.schemas.ts';
import { districtDetailSchema, districtListSchema } from '../../api/src/http/schemas/district.schemas.ts';
import {
  enterpriseDetailSchema,
  enterpriseListSchema,
} from '../../api/src/http/schemas/enterprise.schemas.ts';
import { neighbourhoodSchema } from '../../api/src/http/schemas/graph.schemas.ts';
import { healthSchema } from '../../api/src/http/schemas/health.schemas.ts';
import { getError, getOk } from '../support/expect-response.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('system routes', () => {
  it('reports health with the Neo4j version and schema version', async () => {
    const health = await getOk(api, '/api/health', healthSchema);
    expect(health.neo4j.version).toMatch(/^Neo4j\/5\.26/);
    expect(health.neo4j.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('serves an OpenAPI document covering every route', async () => {
    const { status, body } = await api.get('/api/openapi.json');
    expect(status).toBe(200);
    const doc = body as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/chains',
      '/api/chains/{id}',
      '/api/districts/{code}',
      '/api/enterprises',
      '/api/graph/neighbourhood',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const searchParams = doc.paths['/api/enterprises']?.get?.parameters.map((p) => p.name);
    expect(searchParams).toEqual(
      expect.arrayContaining(['q', 'chain', 'link', 'district', 'province', 'page', 'pageSize']),
    );
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const error = await getError(api, '/api/nothing-here', 404);
    expect(error.code).toBe('not_found');
  });
});

describe('chains', () => {
  it('lists 8 ecosystems holding 28 chains', async () => {
    const ecosystems = await getOk(api, '/api/ecosystems', ecosystemListSchema);
    expect(ecosystems.total).toBe(8);
    expect(ecosystems.items.reduce((sum, e) => sum + e.chainCount, 0)).toBe(28);
  });

  it('lists 28 chains, each with at least 6 links and counts', async () => {
    const chains = await getOk(api, '/api/chains', chainListSchema);
    expect(chains.total).toBe(28);
    expect(chains.items).toHaveLength(28);
    for (const chain of chains.items) expect(chain.linkCount, chain.id).toBeGreaterThanOrEqual(6);
    expect(chains.items.some((c) => !c.verified)).toBe(true);
    expect(chains.items.reduce((sum, c) => sum + c.localEnterpriseCount, 0)).toBeGreaterThan(0);
  });

  it('gives every chain its links by stage, FEEDS edges and foreign links that resolve', async () => {
    const chains = await getOk(api, '/api/chains', chainListSchema);
    let crossChainFeeds = 0;
    for (const summary of chains.items) {
      const chain = await getOk(api, `/api/chains/${summary.id}`, chainDetailSchema);
      expect(chain.links.length).toBeGreaterThanOrEqual(6);
      expect(new Set(chain.links.map((l) => l.stage))).toEqual(
        new Set(['upstream', 'midstream', 'downstream']),
      );
      const known = new Set([...chain.links, ...chain.foreignLinks].map((l) => l.id));
      for (const feed of chain.feeds) {
        expect(known.has(feed.from) && known.has(feed.to), `${feed.from} → ${feed.to}`).toBe(true);
      }
      expect(chain.feeds.filter((f) => !f.crossChain).length, `${chain.id} has FEEDS inside`).toBeGreaterThan(
        0,
      );
      crossChainFeeds += chain.feeds.filter((f) => f.crossChain).length;
      const stages = chain.links.map((l) => l.stage);
      expect(stages).toEqual([...stages].sort((a, b) => stageIndex(a) - stageIndex(b)));
    }
    expect(crossChainFeeds).toBeGreaterThan(10);
  });

  it('rejects a malformed chain id with 400 and an unknown one with 404', async () => {
    const bad = await getError(api, '/api/chains/NOT%20A%20SLUG', 400);
    expect(bad.details).toEqual([expect.objectContaining({ path: 'params.id' })]);
    const missing = await getError(api, '/api/chains/no-such-chain', 404);
    expect(missing.message).toContain('no-such-chain');
  });
});

const stageIndex = (s: string) => ['upstream', 'midstream', 'downstream'].indexOf(s);

describe('districts', () => {
  it('lists the 20 divisions and 3 functional zones with local enterprise counts', async () => {
    const districts = await getOk(api, '/api/districts', districtListSchema);
    expect(districts.total).toBeGreaterThanOrEqual(23);
    expect(districts.items.filter((d) => d.kind === 'functional-zone')).toHaveLength(3);
    expect(districts.items.find((d) => d.code === '510112')?.name).toBe('龙泉驿区');
    const located = districts.items.reduce((sum, d) => sum + d.enterpriseCount, 0);
    expect(located).toBeGreaterThanOrEqual(50);
  });

  it('shows one district with parks and chains, and 400/404 for bad codes', async () => {
    const districts = await getOk(api, '/api/districts', districtListSchema);
    const busiest = [...districts.items].sort((a, b) => b.enterpriseCount - a.enterpriseCount)[0];
    expect(busiest).toBeDefined();
    const detail = await getOk(api, `/api/districts/${busiest?.code}`, districtDetailSchema);
    expect(detail.enterpriseCount).toBe(busiest?.enterpriseCount);
    expect(detail.chains.length).toBeGreaterThan(0);
    const withPark = districts.items.find((d) => d.parkCount > 0);
    const parkDistrict = await getOk(api, `/api/districts/${withPark?.code}`, districtDetailSchema);
    expect(parkDistrict.parks.length).toBe(withPark?.parkCount);
    await getError(api, '/api/districts/abc', 400);
    await getError(api, '/api/districts/999999', 404);
  });
});

describe('enterprises', () => {
  it('finds enterprises by partial Chinese names', async () => {
    const boe = await getOk(api, `/api/enterprises?q=${encodeURIComponent('京东方')}`, enterpriseListSchema);
    expect(boe.total).toBeGreaterThanOrEqual(1);
    expect(boe.items[0]?.name).toContain('京东方');
    const lithium = await getOk(
      api,
      `/api/enterprises?q=${encodeURIComponent('锂电')}`,
      enterpriseListSchema,
    );
    expect(lithium.total).toBeGreaterThanOrEqual(1);
    for (const item of lithium.items) expect(`${item.name}${item.fullName}`).toContain('锂电');
  });

  it('falls back to word search when the text is not one substring', async () => {
    const result = await getOk(
      api,
      `/api/enterprises?q=${encodeURIComponent('京东方 科技')}`,
      enterpriseListSchema,
    );
    expect(result.items.some((e) => e.name.includes('京东方'))).toBe(true);
  });

  it('does not throw on Lucene syntax in user input', async () => {
    const result = await getOk(
      api,
      `/api/enterprises?q=${encodeURIComponent('电池) OR (*:*')}`,
      enterpriseListSchema,
    );
    expect(result.total).toBeGreaterThanOrEqual(0);
  });

  it('filters by chain, link, district and province, and paginates', async () => {
    const chains = await getOk(api, '/api/chains', chainListSchema);
    const chain = [...chains.items].sort((a, b) => b.enterpriseCount - a.enterpriseCount)[0];
    const byChain = await getOk(api, `/api/enterprises?chain=${chain?.id}&pageSize=5`, enterpriseListSchema);
    expect(byChain.total).toBe(chain?.enterpriseCount);
    expect(byChain.items).toHaveLength(5);
    for (const e of byChain.items) expect(e.links.some((l) => l.chainId === chain?.id)).toBe(true);

    const page2 = await getOk(
      api,
      `/api/enterprises?chain=${chain?.id}&pageSize=5&page=2`,
      enterpriseListSchema,
    );
    expect(page2.items.map((e) => e.id)).not.toEqual(expect.arrayContaining(byChain.items.map((e) => e.id)));

    const linkId = byChain.items[0]?.links.find((l) => l.chainId === chain?.id)?.id;
    const byLink = await getOk(api, `/api/enterprises?link=${linkId}&pageSize=100`, enterpriseListSchema);
    for (const e of byLink.items) expect(e.links.map((l) => l.id)).toContain(linkId);

    const inSichuan = await getOk(
      api,
      `/api/enterprises?province=${encodeURIComponent('四川')}&pageSize=100`,
      enterpriseListSchema,
    );
    expect(inSichuan.total).toBeGreaterThan(50);
    for (const e of inSichuan.items) expect(e.province).toBe('四川');

    const local = await getOk(api, '/api/enterprises?district=510112&pageSize=100', enterpriseListSchema);
    for (const e of local.items) expect(e.districtCode).toBe('510112');
  });

  it('rejects bad paging with field paths', async () => {
    const error = await getError(api, '/api/enterprises?page=0&pageSize=1000', 400);
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'query.page' }),
        expect.objectContaining({ path: 'query.pageSize' }),
      ]),
    );
    await getError(api, '/api/enterprises?pageSize=abc', 400);
  });

  it('counts a Chengdu firm without a known district as local', async () => {
    const bank = await getOk(api, '/api/enterprises/601838.SH', enterpriseDetailSchema);
    expect(bank).toMatchObject({ city: '成都市', district: null, local: true });
    const outside = await getOk(api, '/api/enterprises/000725.SZ', enterpriseDetailSchema);
    expect(outside.local).toBe(false);
  });

  it('gives a profile with links, supply ties and provenance', async () => {
    const supplied = await api.db.read(
      'MATCH (a:Enterprise)-[:SUPPLIES]->(b:Enterprise) RETURN a.id AS id LIMIT 1',
      {},
      (r) => String(r.get('id')),
    );
    const id = supplied[0];
    expect(id).toBeDefined();
    const profile = await getOk(api, `/api/enterprises/${id}`, enterpriseDetailSchema);
    expect(profile.links.length).toBeGreaterThan(0);
    expect(profile.suppliesTo.length).toBeGreaterThan(0);
    expect(profile.provenance.source).not.toBe('unknown');
    expect(profile.provenance.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const link of profile.links) {
      expect(link.provenance.confidence).toBeGreaterThan(0);
      expect(link.evidence).toBeTruthy();
    }
    await getError(api, '/api/enterprises/999999.XX', 404);
    await getError(api, `/api/enterprises/${encodeURIComponent('bad id!')}`, 400);
  });
});

describe('neighbourhood', () => {
  it('expands around an enterprise within the limit and marks truncation', async () => {
    const chains = await getOk(api, '/api/chains', chainListSchema);
    const chain = await getOk(api, `/api/chains/${chains.items[0]?.id}`, chainDetailSchema);
    const one = await getOk(
      api,
      `/api/graph/neighbourhood?id=chain:${chain.id}&depth=2&limit=20`,
      neighbourhoodSchema,
    );
    expect(one.center).toBe(`chain:${chain.id}`);
    expect(one.nodes.length).toBeLessThanOrEqual(20);
    expect(one.nodes.filter((n) => n.kind === 'link').length).toBeGreaterThan(0);
    const ids = new Set(one.nodes.map((n) => n.id));
    for (const edge of one.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);

    const wide = await getOk(
      api,
      `/api/graph/neighbourhood?id=${chain.id}&depth=3&limit=500`,
      neighbourhoodSchema,
    );
    expect(wide.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(one.truncated).toBe(true);
  });

  it('follows only the relationship types asked for', async () => {
    const result = await getOk(
      api,
      '/api/graph/neighbourhood?id=510112&types=LOCATED_IN&limit=50',
      neighbourhoodSchema,
    );
    expect(result.edges.length).toBeGreaterThan(0);
    for (const edge of result.edges) expect(edge.type).toBe('LOCATED_IN');
    for (const node of result.nodes.filter((n) => n.id !== result.center))
      expect(node.kind).toBe('enterprise');
  });

  it('draws a supply recorded by two sources as one edge, so every edge id is unique', async () => {
    // SMIC's supply from 上海新阳 (300236.SZ) is recorded twice in the seed graph.
    const result = await getOk(
      api,
      '/api/graph/neighbourhood?id=enterprise:688981.SH&types=SUPPLIES&limit=100',
      neighbourhoodSchema,
    );
    const ids = result.edges.map((edge) => edge.id);
    expect(ids).toContain('SUPPLIES:enterprise:300236.SZ->enterprise:688981.SH');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects bad parameters and unknown nodes', async () => {
    const missingId = await getError(api, '/api/graph/neighbourhood', 400);
    expect(missingId.details).toEqual([expect.objectContaining({ path: 'query.id' })]);
    await getError(api, '/api/graph/neighbourhood?id=x&depth=9', 400);
    await getError(api, '/api/graph/neighbourhood?id=x&types=DROP', 400);
    await getError(api, '/api/graph/neighbourhood?id=nothing-like-this', 404);
  });
});
