import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import {
  type DistrictFitReportBody,
  districtFitReportSchema,
  type FitReasonBody,
  type ProposalBody,
  proposalListSchema,
  proposalSchema,
} from '../../api/src/http/schemas/joint.schemas.ts';
import { startTestApi, type TestApi, type TestRole } from '../support/test-api.ts';

/**
 * Joint attraction through the API on the seed graph: district fit checked against the graph, and two districts
 * negotiating a proposal from a suggested coalition to an agreement, with a third kept out, stale versions
 * refused, and concurrent changes serialised by Neo4j.
 */

const target = '603290.SH'; // 斯达半导, power semiconductors (IC chain), outside the city
const shuangliu = '510116';
const hiTech = 'zone-chengdu-hi-tech';
const wuhou = '510107';
const asShuangliu: TestRole = { district: shuangliu };
const asHiTech: TestRole = { district: hiTech };
const asWuhou: TestRole = { district: wuhou };

let api: TestApi;
const created: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  if (created.length > 0) {
    await api.db.write(
      `MATCH (c:Change {entityType: 'Proposal'}) WHERE c.entityId IN $ids DETACH DELETE c
       WITH count(*) AS _
       MATCH (p:Proposal) WHERE p.id IN $ids
       OPTIONAL MATCH (p)-[:HAS_STEP|RESULTED_IN]->(x)
       DETACH DELETE x, p`,
      { ids: created },
      () => null,
    );
  }
  await api.close();
});

async function fitReport(): Promise<DistrictFitReportBody> {
  const { status, body } = await api.get(`/api/enterprises/${target}/districts`, { as: 'analyst' });
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return districtFitReportSchema.parse(body);
}

async function send(method: string, path: string, as: TestRole, body?: unknown) {
  return api.request(method, path, { as, body });
}

async function ok(method: string, path: string, as: TestRole, body?: unknown): Promise<ProposalBody> {
  const res = await send(method, path, as, body);
  expect([200, 201], `${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`).toContain(
    res.status,
  );
  const proposal = proposalSchema.parse(res.body);
  if (!created.includes(proposal.id)) created.push(proposal.id);
  return proposal;
}

async function failure(method: string, path: string, as: TestRole, body: unknown, expected: number) {
  const res = await send(method, path, as, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 400)}`).toBe(expected);
  return errorBodySchema.parse(res.body).error;
}

const projection = {
  investment: 200_000,
  buildYears: 2,
  annualOutput: 500_000,
  annualTax: 20_000,
  jobs: 1_200,
  rampYears: 2,
};

function proposalBody(parties: { code: string; role: string }[], split: unknown = { basis: 'shapley' }) {
  return {
    parties,
    target: { kind: 'enterprise', id: target },
    terms: { split, statistics: 'split', term: { startYear: 2027, years: 8 }, projection },
  };
}

const countRow = z.object({ n: z.number().int() });
async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const rows = await api.db.read(cypher, params, (r) => countRow.parse(r.get('row')));
  return rows[0]?.n ?? -1;
}

/** Re-derives one reason from the graph with its own query: true when the graph bears it out. */
async function reasonHolds(code: string, reason: FitReasonBody): Promise<boolean> {
  switch (reason.kind) {
    case 'priority-chain':
      return (
        (await count(
          `MATCH (:District {code: $code})-[p:PRIORITIZES]->(:Chain {id: $chain}) WHERE p.rank = $rank
           MATCH (:Enterprise {id: $target})-[:IN_LINK]->(:Link {chainId: $chain})
           RETURN {n: count(*)} AS row`,
          { code, chain: reason.chainId, rank: reason.rank, target },
        )) > 0
      );
    case 'same-link-firms':
    case 'feeds-district-link':
    case 'fed-by-district-link': {
      const edge =
        reason.kind === 'same-link-firms'
          ? 'MATCH (t:Link {id: $link}) WITH t, t AS v'
          : reason.kind === 'feeds-district-link'
            ? 'MATCH (t:Link {id: $link})-[:FEEDS]->(v:Link {id: $via})'
            : 'MATCH (v:Link {id: $via})-[:FEEDS]->(t:Link {id: $link})';
      const firms = await count(
        `MATCH (:Enterprise {id: $target})-[:IN_LINK]->(:Link {id: $link})
         ${edge}
         MATCH (f:Enterprise)-[:IN_LINK]->(v) WHERE f.districtCode = $code AND f.id IN $ids
         RETURN {n: count(DISTINCT f)} AS row`,
        {
          target,
          link: reason.linkId,
          via: reason.kind === 'same-link-firms' ? null : reason.viaLinkId,
          code,
          ids: reason.firmIds,
        },
      );
      return firms === reason.firmCount && reason.text.includes(reason.linkName);
    }
    case 'supplies-district-firm':
    case 'buys-from-district-firm':
      return (
        (await count(
          reason.kind === 'supplies-district-firm'
            ? `MATCH (:Enterprise {id: $target})-[s:SUPPLIES]->(f:Enterprise {id: $id}) WHERE f.districtCode = $code RETURN {n: count(s)} AS row`
            : `MATCH (:Enterprise {id: $target})<-[s:SUPPLIES]-(f:Enterprise {id: $id}) WHERE f.districtCode = $code RETURN {n: count(s)} AS row`,
          { target, id: reason.enterpriseId, code },
        )) > 0
      );
    case 'focused-park':
      return (
        (await count(
          `MATCH (:District {code: $code})-[:HAS_PARK]->(p:Park {id: $park})-[:FOCUSES_ON]->(c:Chain)
           WHERE c.id IN $chains RETURN {n: count(DISTINCT c)} AS row`,
          { code, park: reason.parkId, chains: reason.chainIds },
        )) === reason.chainIds.length
      );
    case 'already-located':
      return (
        (await count(
          'MATCH (e:Enterprise {id: $target}) WHERE e.districtCode = $code RETURN {n: count(e)} AS row',
          { target, code },
        )) === 1
      );
    case 'no-tie':
      return true;
  }
}

describe('district fit', () => {
  it('ranks every district with components in [0,1] and reasons the graph bears out', async () => {
    const report = await fitReport();
    expect(report.target.name).toBe('斯达半导');
    expect(report.districts.length).toBe(await count('MATCH (d:District) RETURN {n: count(d)} AS row', {}));
    const [first, second] = report.districts;
    expect(first?.code).toBe(shuangliu);
    expect(first?.reasons.map((r) => r.text)).toEqual([
      '双流区将「集成电路」列为重点产业链（第 2 位）',
      '双流区的园区「成都芯谷」聚焦「集成电路」（可用土地面积未录入）',
    ]);
    expect(second?.code).toBe(hiTech);
    for (const d of report.districts) {
      for (const r of d.reasons) expect(await reasonHolds(d.code, r), `${d.name}: ${r.text}`).toBe(true);
      if (d.score === 0) expect(d.reasons.map((r) => r.kind)).toEqual(['no-tie']);
    }
  });

  it('suggests 成都高新区 + 双流区 with Shapley shares that add up to what the coalition creates', async () => {
    const report = await fitReport();
    const best = report.coalitions[0];
    expect(best?.codes).toEqual([shuangliu, hiTech]);
    expect(best?.members.map((m) => m.role)).toEqual(['host', 'partner']);
    expect(best?.value).toBeGreaterThan(best?.bestSingle.value ?? 1);
    const phi = best?.members.reduce((s, m) => s + m.shapley, 0) ?? 0;
    expect(phi).toBeCloseTo(best?.value ?? -1, 12);
    expect(best?.subsets.map((s) => s.codes.length)).toEqual([1, 1, 2]);
  });

  it('answers 404 for an unknown enterprise and 401 without a login', async () => {
    expect((await api.get('/api/enterprises/000000.XX/districts')).status).toBe(404);
    expect((await api.get(`/api/enterprises/${target}/districts`, { as: 'anonymous' })).status).toBe(401);
  });
});

describe('negotiation', () => {
  it('two districts go from a suggestion to an agreement; a third cannot touch it; stale versions get 409', async () => {
    const suggestion = (await fitReport()).coalitions[0];
    if (!suggestion) throw new Error('The seed should give a suggested coalition for 斯达半导');
    const parties = suggestion.members.map((m) => ({ code: m.code, role: m.role }));

    const proposed = await ok('post', '/api/proposals', asShuangliu, proposalBody(parties));
    expect(proposed).toMatchObject({ state: 'proposed', version: 1, initiator: { code: shuangliu } });
    expect(proposed.terms.split.basis).toBe('shapley');
    for (const m of suggestion.members) expect(proposed.shares[m.code]).toBeCloseTo(m.share, 12);
    expect(proposed.parties.map((p) => [p.code, p.accepted])).toEqual([
      [shuangliu, true],
      [hiTech, false],
    ]);
    const path = `/api/proposals/${proposed.id}`;

    // A third district reads nothing and changes nothing, for itself or in another's name.
    expect((await failure('get', path, asWuhou, undefined, 403)).message).toMatch(/not a party/);
    await failure('post', `${path}/accept`, asWuhou, { version: 1 }, 403);
    await failure('post', `${path}/accept`, asWuhou, { version: 1, actingFor: hiTech }, 403);
    // Analysts read everything but act for no district.
    expect((await api.get(path, { as: 'analyst' })).status).toBe(200);
    await failure('post', `${path}/reject`, 'analyst', { version: 1 }, 403);

    const counterTerms = {
      split: { basis: 'fixed', shares: { [shuangliu]: 0.6, [hiTech]: 0.4 } },
      taper: { afterYears: 5, shares: { [shuangliu]: 0.7, [hiTech]: 0.3 } },
      coordinator: { beneficiary: 'city', share: 0.05 },
      statistics: 'full',
      term: { startYear: 2027, years: 8 },
      projection,
    };
    const countered = await ok('post', `${path}/counter`, asHiTech, {
      version: 1,
      terms: counterTerms,
      note: '高新区提供配套企业，要求四成分成',
    });
    expect(countered).toMatchObject({ state: 'countered', version: 2 });
    expect(countered.parties.map((p) => p.accepted)).toEqual([false, true]);

    // Accepting what it read at version 1 is stale now: 409, and nothing changes.
    const stale = await failure('post', `${path}/accept`, asShuangliu, { version: 1 }, 409);
    expect(stale.details).toMatchObject({ currentVersion: 2, yourVersion: 1 });
    const unchanged = await ok('get', path, asShuangliu);
    expect(unchanged.version).toBe(2);
    expect(unchanged.history).toHaveLength(2);

    const agreed = await ok('post', `${path}/accept`, asShuangliu, { version: 2 });
    expect(agreed).toMatchObject({ state: 'accepted', version: 3 });
    expect(agreed.agreement).not.toBeNull();
    expect(
      await count(
        'MATCH (:Proposal {id: $id})-[:RESULTED_IN]->(a:Agreement {id: $a}) RETURN {n: count(a)} AS row',
        {
          id: proposed.id,
          a: agreed.agreement?.id,
        },
      ),
    ).toBe(1);
    await failure('post', `${path}/counter`, asHiTech, { version: 3, terms: counterTerms }, 409);

    // The history shows every step with who and when.
    expect(
      agreed.history.map((s) => [s.version, s.action, s.actingFor, s.actor, s.fromState, s.toState]),
    ).toEqual([
      [1, 'create', shuangliu, `test-district-${shuangliu}`, null, 'proposed'],
      [2, 'counter', hiTech, `test-district-${hiTech}`, 'proposed', 'countered'],
      [3, 'accept', shuangliu, `test-district-${shuangliu}`, 'countered', 'accepted'],
    ]);
    expect(agreed.history[1]?.note).toBe('高新区提供配套企业，要求四成分成');
    for (const s of agreed.history) expect(Number.isNaN(Date.parse(s.at))).toBe(false);
    expect(
      await count("MATCH (c:Change {entityType: 'Proposal', entityId: $id}) RETURN {n: count(c)} AS row", {
        id: proposed.id,
      }),
    ).toBe(3);

    // The agreed terms, year by year: tax split (city 5% token first), statistics counted in full by both.
    const tax = agreed.table.metrics.find((m) => m.metric === 'tax');
    const output = agreed.table.metrics.find((m) => m.metric === 'output');
    expect(agreed.table.years).toEqual([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
    expect(tax?.rows[3]?.credited).toEqual({ [shuangliu]: 11_400, [hiTech]: 7_600, city: 1_000 });
    expect(tax?.rows[5]?.credited).toEqual({ [shuangliu]: 13_300, [hiTech]: 5_700, city: 1_000 });
    expect(output?.zeroSum).toBe(false);
    expect(output?.rows[3]?.credited).toMatchObject({ [shuangliu]: 500_000, [hiTech]: 500_000 });

    // Lists: the parties and analysts see it, the third district does not.
    const listed = async (as: TestRole) =>
      proposalListSchema
        .parse((await api.get('/api/proposals?pageSize=100', { as })).body)
        .items.map((p) => p.id);
    expect(await listed(asHiTech)).toContain(proposed.id);
    expect(await listed('analyst')).toContain(proposed.id);
    expect(await listed(asWuhou)).not.toContain(proposed.id);
  });

  it('refuses bad input with 400 or 403 and a clear message, writing nothing', async () => {
    const before = await count('MATCH (p:Proposal) RETURN {n: count(p)} AS row', {});
    const host = { code: shuangliu, role: 'host' };
    const both = [host, { code: hiTech, role: 'partner' }];
    const single = await failure('post', '/api/proposals', asShuangliu, proposalBody([host]), 400);
    expect(single.message).toMatch(/at least 2 districts/);

    const notSumming = await failure(
      'post',
      '/api/proposals',
      asShuangliu,
      proposalBody(both, { basis: 'fixed', shares: { [shuangliu]: 0.6, [hiTech]: 0.3 } }),
      400,
    );
    expect(notSumming.details).toEqual([
      { path: 'body.terms.split.shares', message: 'shares sum to 0.9; they must sum to 1' },
    ]);

    const outOfRange = await failure(
      'post',
      '/api/proposals',
      asShuangliu,
      proposalBody(both, { basis: 'fixed', shares: { [shuangliu]: 1.4, [hiTech]: -0.4 } }),
      400,
    );
    expect(
      z
        .array(z.object({ path: z.string() }))
        .parse(outOfRange.details)
        .map((d) => d.path),
    ).toEqual([`body.terms.split.shares.${shuangliu}`, `body.terms.split.shares.${hiTech}`]);

    const unknown = await failure(
      'post',
      '/api/proposals',
      asShuangliu,
      proposalBody([host, { code: '510199', role: 'partner' }], {
        basis: 'fixed',
        shares: { [shuangliu]: 0.5, '510199': 0.5 },
      }),
      400,
    );
    expect(unknown.details).toEqual([{ path: 'body.parties.1.code', message: 'unknown district "510199"' }]);

    // A district proposing for a coalition it is not in, or in another district's name.
    await failure('post', '/api/proposals', asWuhou, proposalBody(both), 403);
    await failure('post', '/api/proposals', asWuhou, { ...proposalBody(both), actingFor: shuangliu }, 403);

    expect(await count('MATCH (p:Proposal) RETURN {n: count(p)} AS row', {})).toBe(before);
  });

  it('a draft is proposed by its initiator; a partner rejects; the initiator alone may withdraw', async () => {
    const parties = [
      { code: shuangliu, role: 'host' },
      { code: hiTech, role: 'partner' },
    ];
    const split = { basis: 'weighted', weights: { [shuangliu]: 51, [hiTech]: 49 }, weightsOf: 'investment' };
    const draft = await ok('post', '/api/proposals', asHiTech, {
      ...proposalBody(parties, split),
      submit: false,
    });
    expect(draft).toMatchObject({
      state: 'draft',
      version: 1,
      shares: { [shuangliu]: 0.51, [hiTech]: 0.49 },
    });
    const path = `/api/proposals/${draft.id}`;
    await failure('post', `${path}/accept`, asShuangliu, { version: 1 }, 409);
    await failure('post', `${path}/propose`, asShuangliu, { version: 1 }, 403);
    expect(await ok('post', `${path}/propose`, asHiTech, { version: 1 })).toMatchObject({
      state: 'proposed',
      version: 2,
    });
    expect(
      await ok('post', `${path}/reject`, asShuangliu, { version: 2, note: '土地指标不足' }),
    ).toMatchObject({
      state: 'rejected',
      version: 3,
    });

    const other = await ok('post', '/api/proposals', asHiTech, proposalBody(parties, split));
    const otherPath = `/api/proposals/${other.id}`;
    expect(
      (await failure('post', `${otherPath}/withdraw`, asShuangliu, { version: 1 }, 403)).message,
    ).toMatch(/initiating district/);
    const withdrawn = await ok('post', `${otherPath}/withdraw`, asHiTech, { version: 1 });
    expect(withdrawn.history.map((s) => s.action)).toEqual(['create', 'withdraw']);
    expect(withdrawn.state).toBe('withdrawn');
  });

  it('50 concurrent accepts and counters at one version: exactly one wins, no history entry is lost', async () => {
    const parties = [
      { code: shuangliu, role: 'host' },
      { code: hiTech, role: 'partner' },
    ];
    const split = { basis: 'fixed', shares: { [shuangliu]: 0.5, [hiTech]: 0.5 } };
    const proposal = await ok('post', '/api/proposals', asShuangliu, proposalBody(parties, split));
    const path = `/api/proposals/${proposal.id}`;
    const terms = (s: number) => ({
      split: { basis: 'fixed', shares: { [shuangliu]: s, [hiTech]: 1 - s } },
      statistics: 'split',
      term: { startYear: 2027, years: 8 },
      projection,
    });
    const requests = Array.from({ length: 50 }, (_, i) => {
      const as = i % 2 === 0 ? asHiTech : asShuangliu;
      return i % 3 === 0
        ? send('post', `${path}/accept`, asHiTech, { version: 1 })
        : send('post', `${path}/counter`, as, { version: 1, terms: terms(0.5 + (i % 10) / 100) });
    });
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const after = await ok('get', path, 'analyst');
    expect(after.version).toBe(2);
    expect(after.history.map((s) => s.version)).toEqual([1, 2]);
    expect(['accepted', 'countered']).toContain(after.state);
    expect(after.agreement !== null).toBe(after.state === 'accepted');
    expect(
      await count("MATCH (c:Change {entityType: 'Proposal', entityId: $id}) RETURN {n: count(c)} AS row", {
        id: proposal.id,
      }),
    ).toBe(2);
  });

  it('clients that re-read and retry after 409 each win once, one version at a time', async () => {
    const parties = [
      { code: shuangliu, role: 'host' },
      { code: hiTech, role: 'partner' },
    ];
    const proposal = await ok(
      'post',
      '/api/proposals',
      asShuangliu,
      proposalBody(parties, { basis: 'fixed', shares: { [shuangliu]: 0.5, [hiTech]: 0.5 } }),
    );
    const path = `/api/proposals/${proposal.id}`;
    const clients = 8;
    const counterUntilWon = async (i: number): Promise<number> => {
      const as = i % 2 === 0 ? asHiTech : asShuangliu;
      for (let attempt = 1; attempt <= 40; attempt += 1) {
        const current = proposalSchema.parse((await send('get', path, as)).body);
        const res = await send('post', `${path}/counter`, as, {
          version: current.version,
          note: `client ${i}`,
          terms: {
            split: {
              basis: 'weighted',
              weights: { [shuangliu]: 50 + i, [hiTech]: 50 - i },
              weightsOf: 'investment',
            },
            statistics: 'split',
            term: { startYear: 2027, years: 8 },
            projection,
          },
        });
        if (res.status === 200) return attempt;
        expect(res.status).toBe(409);
      }
      throw new Error(`client ${i} never won`);
    };
    await Promise.all(Array.from({ length: clients }, (_, i) => counterUntilWon(i)));
    const after = await ok('get', path, 'analyst');
    expect(after.version).toBe(1 + clients);
    expect(after.history.map((s) => s.version)).toEqual(Array.from({ length: clients + 1 }, (_, i) => i + 1));
    expect(new Set(after.history.slice(1).map((s) => s.note))).toEqual(
      new Set(Array.from({ length: clients }, (_, i) => `client ${i}`)),
    );
  });
});
