import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { districtDetailSchema } from '../../api/src/http/schemas/district.schemas.ts';
import {
  type ProposalBody,
  proposalListSchema,
  proposalSchema,
  shareComparisonSchema,
} from '../../api/src/http/schemas/joint.schemas.ts';
import {
  shortlistSchema,
  type TargetPageBody,
  targetPageSchema,
} from '../../api/src/http/schemas/matcher.schemas.ts';
import { getError, getOk } from '../support/expect-response.ts';
import { startTestApi, type TestApi, type TestRole, testUsername } from '../support/test-api.ts';

/**
 * What the target finder, district and joint-attraction screens need beyond the matcher and negotiation
 * themselves: target filters, the per-user shortlist, named firms per district chain, the share calculator and
 * the actions a reader may take on a proposal.
 */

const chain = 'integrated-circuit';
const target = '603290.SH';
const shuangliu = '510116';
const hiTech = 'zone-chengdu-hi-tech';
const asShuangliu: TestRole = { district: shuangliu };
const asHiTech: TestRole = { district: hiTech };

let api: TestApi;
const proposals: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  const users = ['analyst', asShuangliu].map((r) => testUsername(r as Exclude<TestRole, 'anonymous'>));
  await api.db.write(
    `MATCH (:User)-[s:SHORTLISTED]->() WHERE startNode(s).username IN $users DELETE s
     WITH count(*) AS _
     MATCH (c:Change {entityType: 'Shortlist'}) WHERE c.actor IN $users DETACH DELETE c`,
    { users },
    () => null,
  );
  if (proposals.length > 0) {
    await api.db.write(
      `MATCH (c:Change {entityType: 'Proposal'}) WHERE c.entityId IN $ids DETACH DELETE c
       WITH count(*) AS _
       MATCH (p:Proposal) WHERE p.id IN $ids
       OPTIONAL MATCH (p)-[:HAS_STEP|RESULTED_IN]->(x)
       DETACH DELETE x, p`,
      { ids: proposals },
      () => null,
    );
  }
  await api.close();
});

async function targets(query: string): Promise<TargetPageBody> {
  return getOk(api, `/api/targets?chain=${chain}&limit=100&${query}`, targetPageSchema);
}

describe('target filters', () => {
  it('narrows the ranking to one province, one board, or a minimum quality, with totals to match', async () => {
    const all = await targets('');
    expect(all.total).toBeGreaterThan(20);

    const province = '广东';
    const inProvince = await targets(`province=${encodeURIComponent(province)}`);
    expect(inProvince.total).toBeGreaterThan(0);
    expect(inProvince.total).toBeLessThan(all.total);
    expect(inProvince.items.every((t) => t.province === province)).toBe(true);
    // The first candidate from that province keeps its score: filtering narrows, it does not re-score.
    const first = all.items.find((t) => t.province === province);
    if (first) expect(inProvince.items.find((t) => t.id === first.id)?.score).toBe(first.score);

    const board = '科创板';
    const onBoard = await targets(`board=${encodeURIComponent(board)}`);
    expect(onBoard.total).toBeGreaterThan(0);
    expect(onBoard.items.every((t) => t.board === board)).toBe(true);

    const minQuality = 0.6;
    const good = await targets(`minQuality=${minQuality}`);
    expect(good.total).toBeGreaterThan(0);
    expect(good.total).toBeLessThan(all.total);
    expect(good.items.every((t) => t.components.quality >= minQuality)).toBe(true);
    if (all.total <= 100) {
      expect(good.total).toBe(all.items.filter((t) => t.components.quality >= minQuality).length);
    }

    const both = await targets(`province=${encodeURIComponent(province)}&board=${encodeURIComponent(board)}`);
    expect(both.items.every((t) => t.province === province && t.board === board)).toBe(true);
    expect(both.total).toBeLessThanOrEqual(Math.min(inProvince.total, onBoard.total));

    await getError(api, `/api/targets?chain=${chain}&minQuality=2`, 400);
    await getError(api, `/api/targets?chain=${chain}&minQuality=high`, 400);
  });

  it('exports the filtered ranking as CSV', async () => {
    const headers = await api.headersFor('analyst');
    const board = encodeURIComponent('科创板');
    const res = await fetch(`${api.baseUrl}/api/targets?chain=${chain}&board=${board}&format=csv`, {
      headers,
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    const onBoard = await getOk(api, `/api/targets?chain=${chain}&board=${board}`, targetPageSchema);
    expect(lines.length).toBe(1 + onBoard.items.length);
  });
});

describe('shortlist', () => {
  it('is kept per user, idempotent, audited, and refuses unknown enterprises', async () => {
    const as: TestRole = 'analyst';
    // Other files' tests may have used this user's shortlist before: only what this test does is counted.
    const since = new Date().toISOString();
    const start = shortlistSchema.parse((await api.get('/api/shortlist', { as })).body);
    expect(start.items.some((i) => i.enterpriseId === target)).toBe(false);

    const added = await api.request('PUT', `/api/shortlist/${target}`, { as });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(shortlistSchema.parse(added.body).items.map((i) => i.enterpriseId)).toContain(target);
    const again = shortlistSchema.parse((await api.request('PUT', `/api/shortlist/${target}`, { as })).body);
    expect(again.items.filter((i) => i.enterpriseId === target)).toHaveLength(1);

    // Another user's list is their own.
    const other = shortlistSchema.parse((await api.get('/api/shortlist', { as: asShuangliu })).body);
    expect(other.items.some((i) => i.enterpriseId === target)).toBe(false);

    const audit = await api.db.read(
      `MATCH (c:Change {entityType: 'Shortlist', actor: $actor}) WHERE c.at >= datetime($since)
       RETURN c.action AS action ORDER BY c.at`,
      { actor: testUsername('analyst'), since },
      (r) => z.string().parse(r.get('action')),
    );
    expect(audit).toEqual(['shortlist-add']);

    const removed = await api.request('DELETE', `/api/shortlist/${target}`, { as });
    expect(removed.status).toBe(200);
    expect(shortlistSchema.parse(removed.body).items.some((i) => i.enterpriseId === target)).toBe(false);

    expect((await api.request('PUT', '/api/shortlist/000000.XX', { as })).status).toBe(404);
    expect((await api.get('/api/shortlist', { as: 'anonymous' })).status).toBe(401);
  });
});

describe('district detail', () => {
  it('names local firms per chain, leaders first, each located in the district', async () => {
    const detail = await getOk(api, '/api/districts/zone-chengdu-hi-tech', districtDetailSchema);
    const withFirms = detail.chains.filter((c) => c.firms.length > 0);
    expect(withFirms.length).toBeGreaterThan(0);
    for (const c of detail.chains) {
      expect(c.firms.length).toBeLessThanOrEqual(Math.min(12, c.enterpriseCount));
      const leaders = c.firms.map((f) => f.leader);
      expect(leaders).toEqual([...leaders].sort((a, b) => Number(b) - Number(a)));
    }
    const ids = withFirms.flatMap((c) => c.firms.map((f) => f.id));
    const located = await api.db.read(
      `MATCH (e:Enterprise)-[:LOCATED_IN]->(:District {code: $code}) WHERE e.id IN $ids
       RETURN count(DISTINCT e) AS n`,
      { ids, code: hiTech },
      (r) => z.number().parse(r.get('n')),
    );
    expect(located[0]).toBe(new Set(ids).size);
  });
});

const projection = {
  investment: 200_000,
  buildYears: 2,
  annualOutput: 500_000,
  annualTax: 20_000,
  jobs: 1_200,
  rampYears: 2,
};
const term = { startYear: 2027, years: 8 };
const parties = [
  { code: shuangliu, role: 'host' },
  { code: hiTech, role: 'partner' },
];

describe('share calculator', () => {
  it('compares Shapley, fixed and tapering splits side by side and reports unusable terms', async () => {
    const res = await api.request('POST', '/api/joint/shares', {
      as: asShuangliu,
      body: {
        parties,
        target: { kind: 'enterprise', id: target },
        scenarios: [
          { key: 'shapley', terms: { split: { basis: 'shapley' }, term, projection } },
          {
            key: 'fixed',
            terms: {
              split: { basis: 'fixed', shares: { [shuangliu]: 0.5, [hiTech]: 0.5 } },
              term,
              projection,
            },
          },
          {
            key: 'taper',
            terms: {
              split: { basis: 'fixed', shares: { [shuangliu]: 0.6, [hiTech]: 0.4 } },
              taper: { afterYears: 5, shares: { [shuangliu]: 0.7, [hiTech]: 0.3 } },
              coordinator: { beneficiary: 'city', share: 0.05 },
              term,
              projection,
            },
          },
          {
            key: 'broken',
            terms: {
              split: { basis: 'fixed', shares: { [shuangliu]: 0.9, [hiTech]: 0.4 } },
              term,
              projection,
            },
          },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const body = shareComparisonSchema.parse(res.body);
    const byKey = new Map(body.scenarios.map((s) => [s.key, s]));
    expect(body.parties.map((p) => p.name)).toEqual(['双流区', '成都高新区']);
    expect(byKey.get('shapley')?.shares?.[shuangliu]).toBeCloseTo(0.8858, 3);
    expect(byKey.get('fixed')?.shares).toEqual({ [shuangliu]: 0.5, [hiTech]: 0.5 });
    // The worked example of docs/joint-attraction.md: 68,400 / 36,100 / 5,500 of retained tax over the term.
    const tax = byKey.get('taper')?.table?.metrics.find((m) => m.metric === 'tax');
    expect(tax?.totals.credited).toEqual({ [shuangliu]: 68_400, [hiTech]: 36_100, city: 5_500 });
    const broken = byKey.get('broken');
    expect(broken?.table).toBeNull();
    expect(broken?.issues.map((i) => i.path)).toContain('body.scenarios.3.terms.split.shares');

    const unknown = await api.request('POST', '/api/joint/shares', {
      as: 'analyst',
      body: {
        parties,
        target: { kind: 'enterprise', id: '000000.XX' },
        scenarios: [{ key: 'shapley', terms: { split: { basis: 'shapley' }, term, projection } }],
      },
    });
    expect(unknown.status).toBe(404);
    const anonymous = await api.request('POST', '/api/joint/shares', { as: 'anonymous', body: {} });
    expect(anonymous.status).toBe(401);
  });
});

describe('proposal actions', () => {
  it('tells each reader what it may do now', async () => {
    const created = await api.request('POST', '/api/proposals', {
      as: asShuangliu,
      body: {
        parties,
        target: { kind: 'enterprise', id: target },
        terms: { split: { basis: 'shapley' }, term, projection },
        submit: false,
      },
    });
    expect(created.status, JSON.stringify(created.body).slice(0, 400)).toBe(201);
    const draft: ProposalBody = proposalSchema.parse(created.body);
    proposals.push(draft.id);
    expect(draft.yourActions).toEqual([{ district: shuangliu, actions: ['propose', 'withdraw'] }]);

    const seen = async (as: TestRole) =>
      proposalSchema.parse((await api.get(`/api/proposals/${draft.id}`, { as })).body).yourActions;
    expect(await seen(asHiTech)).toEqual([{ district: hiTech, actions: [] }]);
    expect(await seen('analyst')).toEqual([]);

    const proposed = await api.request('POST', `/api/proposals/${draft.id}/propose`, {
      as: asShuangliu,
      body: { version: draft.version },
    });
    expect(proposed.status).toBe(200);
    expect(await seen(asHiTech)).toEqual([{ district: hiTech, actions: ['counter', 'accept', 'reject'] }]);
    expect(await seen(asShuangliu)).toEqual([
      { district: shuangliu, actions: ['counter', 'reject', 'withdraw'] },
    ]);
    const asAdmin = await seen('admin');
    expect(asAdmin.map((a) => a.district)).toEqual([shuangliu, hiTech]);

    const inBox = async (as: TestRole, box: string) =>
      proposalListSchema
        .parse((await api.get(`/api/proposals?box=${box}&pageSize=100`, { as })).body)
        .items.some((p) => p.id === draft.id);
    expect(await inBox(asHiTech, 'awaiting')).toBe(true);
    expect(await inBox(asHiTech, 'mine')).toBe(false);
    expect(await inBox(asShuangliu, 'awaiting')).toBe(false);
    expect(await inBox(asShuangliu, 'mine')).toBe(true);
    expect(await inBox('analyst', 'awaiting')).toBe(true);
    expect((await api.get('/api/proposals?box=other', { as: asHiTech })).status).toBe(400);
  });
});
