import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locality } from '../../api/src/domain/matcher/locality.ts';
import {
  countCypher,
  localClause,
  localityParams,
  rankCypher,
  supplyMapCypher,
} from '../../api/src/graph/matcher.repository.ts';
import {
  type ChainGapsBody,
  chainGapsSchema,
  type ReasonBody,
  type TargetBody,
  type TargetPageBody,
  targetPageSchema,
} from '../../api/src/http/schemas/matcher.schemas.ts';
import { getError, getOk } from '../support/expect-response.ts';
import { authHeader, startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const countRow = z.object({ n: z.number().int() });

/** Local firms of a link counted straight from the graph, independently of the matcher's queries. */
async function localFirmsIn(linkId: string, district?: string): Promise<number> {
  const rows = await api.db.read(
    `MATCH (:Link {id: $link})<-[:IN_LINK]-(e:Enterprise)
     WHERE CASE WHEN $district IS NULL THEN coalesce(e.local, false) OR e.districtCode IS NOT NULL OR coalesce(e.city = '成都市', false)
                ELSE e.districtCode = $district END
     RETURN {n: count(DISTINCT e)} AS row`,
    { link: linkId, district: district ?? null },
    (r) => countRow.parse(r.get('row')),
  );
  return rows[0]?.n ?? -1;
}

describe('matcher Cypher', () => {
  it('varies only by fixed clauses: request values travel as parameters', () => {
    const hostile = "x' OR 1=1 //";
    const localities: Locality[] = [
      { kind: 'city' },
      { kind: 'district', code: hostile, name: hostile },
      { kind: 'area', field: 'city', value: hostile },
      { kind: 'area', field: 'province', value: hostile },
    ];
    for (const locality of localities) {
      for (const text of [
        rankCypher(locality),
        countCypher(locality),
        supplyMapCypher(locality),
        localClause('e', locality),
      ]) {
        expect(text).not.toContain(hostile);
      }
      expect(Object.values(localityParams(locality))).toContain(
        locality.kind === 'city' ? '成都市' : hostile,
      );
    }
    expect(localClause('b', { kind: 'district', code: '510114', name: '新都区' })).toBe(
      'coalesce(b.districtCode = $district, false)',
    );
    expect(localClause('e', { kind: 'city' })).toBe(
      '(coalesce(e.local, false) OR e.districtCode IS NOT NULL OR coalesce(e.city = $homeCity, false))',
    );
  });
});

describe('gap analysis', () => {
  it('classifies every link of every chain with counts that match the graph', async () => {
    const chains = await api.db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY id', {}, (r) =>
      z.string().parse(r.get('id')),
    );
    expect(chains).toHaveLength(28);
    const totals = { strong: 0, weak: 0, missing: 0 };
    for (const chainId of chains) {
      const gaps = await getOk(api, `/api/chains/${chainId}/gaps`, chainGapsSchema);
      expect(gaps.scope).toEqual({ kind: 'city', code: null, name: '成都市' });
      expect(gaps.links.length).toBeGreaterThanOrEqual(6);
      for (const link of gaps.links) {
        expect(link.local.enterpriseCount, link.id).toBe(await localFirmsIn(link.id));
        expect(link.class === 'missing', link.id).toBe(link.local.enterpriseCount === 0);
        expect(link.class === 'strong', link.id).toBe(
          link.local.leaderCount > 0 || link.local.strength >= gaps.rules.strongStrength,
        );
        expect(link.reason).toContain(link.name);
        expect(link.reason).toContain(link.classLabel);
        totals[link.class] += 1;
      }
      expect(gaps.summary.strong + gaps.summary.weak + gaps.summary.missing).toBe(gaps.links.length);
    }
    // The seed has few local firms: most links are missing, yet each class occurs.
    expect(totals.missing).toBeGreaterThan(totals.strong);
    expect(totals.strong).toBeGreaterThan(0);
    expect(totals.weak).toBeGreaterThan(0);
  }, 240_000);

  it('counts FEEDS edges and dependent local firms as the importance of a link', async () => {
    const gaps = await getOk(api, '/api/chains/integrated-circuit/gaps', chainGapsSchema);
    const fab = gaps.links.find((l) => l.id === 'ic-wafer-fab');
    expect(fab?.class).toBe('missing');
    const feeds = await api.db.read(
      `MATCH (:Link {id: 'ic-power-semiconductor'})-[:FEEDS]->(m:Link)
       RETURN {inside: count(CASE WHEN m.chainId = 'integrated-circuit' THEN 1 END),
               across: count(CASE WHEN m.chainId <> 'integrated-circuit' THEN 1 END)} AS row`,
      {},
      (r) => z.object({ inside: z.number(), across: z.number() }).parse(r.get('row')),
    );
    const power = gaps.links.find((l) => l.id === 'ic-power-semiconductor');
    expect(power?.importance.feedsInside).toBe(feeds[0]?.inside);
    expect(power?.importance.feedsAcross).toBe(feeds[0]?.across);
    // Power semiconductors feed rail traction, where local firms sit.
    expect(power?.importance.dependentFirms).toBeGreaterThan(0);
    expect(power?.reason).toMatch(/依赖其产出/);
  });

  it('names the chain leader behind a strong link', async () => {
    const gaps = await getOk(api, '/api/chains/innovative-drug/gaps', chainGapsSchema);
    const chemical = gaps.links.find((l) => l.id === 'drug-chemical-drugs');
    expect(chemical?.class).toBe('strong');
    expect(chemical?.local.leaders.map((l) => l.name)).toContain('科伦药业');
  });

  it('analyses one district on its own firms', async () => {
    const city = await getOk(api, '/api/chains/innovative-drug/gaps', chainGapsSchema);
    const xindu = await getOk(api, '/api/chains/innovative-drug/gaps?district=510114', chainGapsSchema);
    expect(xindu.scope).toEqual({ kind: 'district', code: '510114', name: '新都区' });
    for (const link of xindu.links) {
      expect(link.local.enterpriseCount, link.id).toBe(await localFirmsIn(link.id, '510114'));
      const cityLink = city.links.find((l) => l.id === link.id);
      expect(link.local.enterpriseCount).toBeLessThanOrEqual(cityLink?.local.enterpriseCount ?? -1);
    }
    expect(xindu.links.find((l) => l.id === 'drug-chemical-drugs')?.reason).toMatch(/^新都区有/);
    expect(xindu.summary.missing).toBeGreaterThan(city.summary.missing);
  });

  it('answers 404 for an unknown chain or district and 400 for a malformed district', async () => {
    await getError(api, '/api/chains/no-such-chain/gaps', 404);
    await getError(api, '/api/chains/food/gaps?district=999999', 404);
    const bad = await getError(api, '/api/chains/food/gaps?district=abc', 400);
    expect(bad.details).toEqual([expect.objectContaining({ path: 'query.district' })]);
  });
});

const localRow = z.object({ id: z.string(), local: z.boolean() });

/** Which of these enterprises are local to the city (or to one district), straight from the graph. */
async function localityOf(ids: string[], district?: string): Promise<Map<string, boolean>> {
  const rows = await api.db.read(
    `UNWIND $ids AS id MATCH (e:Enterprise {id: id})
     RETURN {id: e.id, local: CASE WHEN $district IS NULL
                                   THEN coalesce(e.local, false) OR e.districtCode IS NOT NULL OR coalesce(e.city = '成都市', false)
                                   ELSE coalesce(e.districtCode = $district, false) END} AS row`,
    { ids, district: district ?? null },
    (r) => localRow.parse(r.get('row')),
  );
  return new Map(rows.map((r) => [r.id, r.local]));
}

async function allTargets(query: string): Promise<TargetPageBody['items']> {
  const items: TargetPageBody['items'] = [];
  for (let page = 1; ; page += 1) {
    const body = await getOk(api, `/api/targets?${query}&limit=100&page=${page}`, targetPageSchema);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

describe('target ranking', () => {
  it('ranks every non-local firm of the chain, in score order with id as tie-break, page after page', async () => {
    const first = await getOk(api, '/api/targets?chain=integrated-circuit&limit=50', targetPageSchema);
    const pool = await api.db.read(
      `MATCH (:Link {chainId: 'integrated-circuit'})<-[:IN_LINK]-(e:Enterprise)
       WHERE NOT (coalesce(e.local, false) OR e.districtCode IS NOT NULL OR coalesce(e.city = '成都市', false))
       RETURN {n: count(DISTINCT e)} AS row`,
      {},
      (r) => countRow.parse(r.get('row')),
    );
    expect(first.total + first.vetoedCount).toBe(pool[0]?.n);
    expect(first.vetoedCount).toBeGreaterThan(0);
    const all = await allTargets('chain=integrated-circuit');
    expect(all).toHaveLength(first.total);
    expect(all.slice(0, 50).map((t) => t.id)).toEqual(first.items.map((t) => t.id));
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    all.forEach((t, i) => {
      expect(t.rank).toBe(i + 1);
      expect(t.components.veto).toBe(1);
      const next = all[i + 1];
      if (next) expect(t.score > next.score || (t.score === next.score && t.id < next.id), t.id).toBe(true);
    });
    const again = await getOk(api, '/api/targets?chain=integrated-circuit&limit=50', targetPageSchema);
    expect(again).toEqual(first);
  }, 240_000);

  it('never proposes a local enterprise, for any chain or district', async () => {
    const chains = await api.db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY id', {}, (r) =>
      z.string().parse(r.get('id')),
    );
    let checked = 0;
    for (const chain of chains) {
      const items = await allTargets(`chain=${chain}&includeVetoed=true`);
      const local = await localityOf(items.map((t) => t.id));
      for (const t of items) expect(local.get(t.id), `${chain}: ${t.id} ${t.name}`).toBe(false);
      checked += items.length;
    }
    expect(checked).toBeGreaterThan(3000);
    for (const district of ['510114', 'zone-chengdu-hi-tech']) {
      const items = await allTargets(`chain=innovative-drug&district=${district}`);
      const inDistrict = await localityOf(
        items.map((t) => t.id),
        district,
      );
      for (const t of items) expect(inDistrict.get(t.id), `${district}: ${t.id}`).toBe(false);
      // Firms of other districts are fair targets for this one.
      const inCity = await localityOf(items.map((t) => t.id));
      expect([...inCity.values()].some(Boolean)).toBe(true);
    }
  }, 240_000);

  it('lists vetoed candidates only when asked, last and with score 0', async () => {
    const withVetoed = await allTargets('chain=integrated-circuit&includeVetoed=true');
    const vetoed = withVetoed.filter((t) => t.components.veto === 0);
    expect(vetoed.length).toBeGreaterThan(0);
    for (const t of vetoed) {
      expect(t.score).toBe(0);
      expect(t.name).toMatch(/^(\*ST|ST|S\*ST|SST)|退$/);
      expect(t.reasons.map((r) => r.kind)).toContain('risk-warning');
    }
    expect(withVetoed.slice(-vetoed.length).every((t) => t.components.veto === 0)).toBe(true);
  });

  it('states only reasons that are true of the graph, for a chain, a missing-link chain and a district', async () => {
    const scopes = [
      { query: 'chain=integrated-circuit', district: undefined },
      { query: 'chain=new-energy-vehicle', district: undefined },
      { query: 'chain=rail-transit', district: undefined },
      { query: 'district=510114', district: '510114' },
    ];
    let reasonsChecked = 0;
    for (const scope of scopes) {
      const page = await getOk(api, `/api/targets?${scope.query}&limit=20`, targetPageSchema);
      expect(page.items.length, scope.query).toBe(20);
      const gapsByChain = new Map<string, ChainGapsBody>();
      for (const chain of page.scope.chains) {
        const q = scope.district ? `?district=${scope.district}` : '';
        gapsByChain.set(chain.id, await getOk(api, `/api/chains/${chain.id}/gaps${q}`, chainGapsSchema));
      }
      for (const t of page.items) {
        expect(t.reasons.length, t.id).toBeGreaterThan(0);
        for (const reason of t.reasons) {
          await expectTrue(t, reason, page.referenceDate, gapsByChain, scope.district);
          reasonsChecked += 1;
        }
        // The impact is the gap function applied to the best link with this firm added.
        const link = gapsByChain.get(t.bestLink.chainId)?.links.find((l) => l.id === t.bestLink.id);
        expect(t.impact.before).toMatchObject({
          class: link?.class,
          enterpriseCount: link?.local.enterpriseCount,
          strength: link?.local.strength,
        });
        expect(t.impact.after.enterpriseCount).toBe((link?.local.enterpriseCount ?? 0) + 1);
        expect(t.impact.after.strength).toBeGreaterThan(t.impact.before.strength);
      }
    }
    expect(reasonsChecked).toBeGreaterThan(200);
  }, 240_000);

  it('answers 400 for a bad query and 404 for unknown chains, links, districts and profiles', async () => {
    const none = await getError(api, '/api/targets', 400);
    expect(none.details).toEqual([expect.objectContaining({ path: 'query.chain' })]);
    const tooMany = await getError(api, '/api/targets?chain=food&limit=101', 400);
    expect(tooMany.details).toEqual([expect.objectContaining({ path: 'query.limit' })]);
    await getError(api, '/api/targets?chain=food&link=ic-wafer-fab', 400);
    await getError(api, '/api/targets?chain=food&format=pdf', 400);
    await getError(api, '/api/targets?chain=no-such-chain', 404);
    await getError(api, '/api/targets?link=no-such-link', 404);
    await getError(api, '/api/targets?chain=food&district=999999', 404);
    await getError(api, '/api/targets?chain=food&profile=no-such-profile', 404);
  });

  it('exports the page as CSV with a BOM and as XLSX', async () => {
    const json = await getOk(api, '/api/targets?chain=rail-transit&limit=30', targetPageSchema);
    const csv = await fetch(`${api.baseUrl}/api/targets?chain=rail-transit&limit=30&format=csv`, {
      headers: await authHeader(api),
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="targets-rail-transit-p1.csv"/,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines).toHaveLength(json.items.length + 1);
    expect(lines[1]).toContain(json.items[0]?.name);

    const xlsx = await fetch(`${api.baseUrl}/api/targets?chain=rail-transit&limit=300&format=xlsx`, {
      headers: await authHeader(api),
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(Math.min(300, json.total) + 1);
    expect(sheet?.getCell('B2').text).toBe(json.items[0]?.name);
  });

  it('documents the matcher routes in OpenAPI', async () => {
    const { body } = await api.get('/api/openapi.json');
    const doc = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }).parse(body);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/chains/{id}/gaps',
        '/api/targets',
        '/api/weight-profiles',
        '/api/admin/weight-profiles/{name}',
      ]),
    );
    expect(Object.keys(doc.paths['/api/admin/weight-profiles/{name}'] ?? {})).toEqual(['put']);
  });
});

const yes = z.object({ ok: z.boolean() });

async function holds(cypher: string, params: Record<string, unknown>): Promise<boolean> {
  const rows = await api.db.read(`${cypher} RETURN {ok: count(*) > 0} AS row`, params, (r) =>
    yes.parse(r.get('row')),
  );
  return rows[0]?.ok === true;
}

const isLocal = (v: string) =>
  `CASE WHEN $district IS NULL THEN coalesce(${v}.local, false) OR ${v}.districtCode IS NOT NULL OR coalesce(${v}.city = '成都市', false)
        ELSE coalesce(${v}.districtCode = $district, false) END`;

/** Checks one reason against the graph with its own query, never with the matcher's. */
async function expectTrue(
  t: TargetBody,
  reason: ReasonBody,
  referenceDate: string,
  gapsByChain: Map<string, ChainGapsBody>,
  district: string | undefined,
): Promise<void> {
  const where = `${t.id} ${reason.text}`;
  const p = { id: t.id, district: district ?? null };
  switch (reason.kind) {
    case 'fills-missing-link':
    case 'strengthens-weak-link':
    case 'joins-strong-link': {
      expect(
        await holds('MATCH (:Enterprise {id: $id})-[:IN_LINK]->(:Link {id: $link})', {
          ...p,
          link: reason.linkId,
        }),
        where,
      ).toBe(true);
      const link = [...gapsByChain.values()].flatMap((g) => g.links).find((l) => l.id === reason.linkId);
      const expected = {
        'fills-missing-link': 'missing',
        'strengthens-weak-link': 'weak',
        'joins-strong-link': 'strong',
      };
      expect(link?.class, where).toBe(expected[reason.kind]);
      expect(reason.localCount, where).toBe(await localFirmsIn(reason.linkId, district));
      expect(reason.text).toContain(reason.linkName);
      return;
    }
    case 'supplies-local-leader':
    case 'supplies-local':
    case 'buys-from-local': {
      const edge =
        reason.kind === 'buys-from-local'
          ? 'MATCH (e:Enterprise {id: $id})<-[:SUPPLIES {product: $product}]-(b:Enterprise {id: $other})'
          : 'MATCH (e:Enterprise {id: $id})-[:SUPPLIES {product: $product}]->(b:Enterprise {id: $other})';
      const leader = reason.kind === 'supplies-local-leader' ? 'AND EXISTS { (b)-[:LEADS]->(:Chain) }' : '';
      const ok = await holds(`${edge} WHERE ${isLocal('b')} ${leader}`, {
        ...p,
        product: reason.product,
        other: reason.enterpriseId,
      });
      expect(ok, where).toBe(true);
      expect(reason.text).toContain(reason.enterpriseName);
      return;
    }
    case 'feeds-local-link':
    case 'fed-by-local-link': {
      const feeds = reason.kind === 'feeds-local-link' ? '(l)-[:FEEDS]->(m)' : '(m)-[:FEEDS]->(l)';
      const ok = await holds(
        `MATCH (:Enterprise {id: $id})-[:IN_LINK]->(l:Link {id: $link}), (m:Link {id: $via}) WHERE EXISTS { ${feeds} }`,
        { ...p, link: reason.linkId, via: reason.viaLinkId },
      );
      expect(ok, where).toBe(true);
      expect(reason.localCount, where).toBe(await localFirmsIn(reason.viaLinkId, district));
      const firms = await localityOf(reason.localFirmIds, district);
      for (const id of reason.localFirmIds) {
        expect(firms.get(id), `${where}: ${id}`).toBe(true);
        expect(
          await holds('MATCH (:Enterprise {id: $f})-[:IN_LINK]->(:Link {id: $via})', {
            f: id,
            via: reason.viaLinkId,
          }),
        ).toBe(true);
      }
      expect(reason.text).toContain(reason.viaLinkName);
      return;
    }
    case 'shared-partner': {
      const ok = await holds(
        `MATCH (:Enterprise {id: $id})-[:SUPPLIES]-(:Enterprise {id: $partner})-[:SUPPLIES]-(b:Enterprise {id: $other})
         WHERE ${isLocal('b')}`,
        { ...p, partner: reason.partnerId, other: reason.enterpriseId },
      );
      expect(ok, where).toBe(true);
      return;
    }
    case 'chain-leader':
      expect(
        await holds('MATCH (:Enterprise {id: $id})-[:LEADS]->(c:Chain {id: $chain}) WHERE c.name = $name', {
          ...p,
          chain: reason.chainId,
          name: reason.chainName,
        }),
        where,
      ).toBe(true);
      return;
    case 'listed':
      expect(
        await holds('MATCH (e:Enterprise {id: $id}) WHERE e.listed AND e.board = $board', {
          ...p,
          board: reason.board,
        }),
        where,
      ).toBe(true);
      return;
    case 'supply-partners': {
      const counts = await api.db.read(
        `MATCH (e:Enterprise {id: $id})
         RETURN {buyers: COUNT { MATCH (e)-[:SUPPLIES]->(b:Enterprise) RETURN DISTINCT b },
                 suppliers: COUNT { MATCH (e)<-[:SUPPLIES]-(s:Enterprise) RETURN DISTINCT s }} AS row`,
        p,
        (r) => z.object({ buyers: z.number(), suppliers: z.number() }).parse(r.get('row')),
      );
      expect(counts[0], where).toEqual({ buyers: reason.buyers, suppliers: reason.suppliers });
      return;
    }
    case 'recent-listing': {
      expect(
        await holds('MATCH (e:Enterprise {id: $id}) WHERE toString(e.listDate) = $date', {
          ...p,
          date: reason.listDate,
        }),
        where,
      ).toBe(true);
      const days = (Date.parse(referenceDate) - Date.parse(reason.listDate)) / 86_400_000;
      expect(days, where).toBeLessThan(3 * 365);
      return;
    }
    case 'risk-warning':
      expect(t.name.startsWith(reason.flag) || t.name.endsWith(reason.flag), where).toBe(true);
      return;
    case 'synthetic-data':
      expect(
        await holds("MATCH (e:Enterprise {id: $id}) WHERE e.source CONTAINS 'synthetic'", p),
        where,
      ).toBe(true);
      return;
  }
}
