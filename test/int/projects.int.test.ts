import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../api/src/config.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import {
  alertListSchema,
  alertRuleListSchema,
  alertSchema,
  landParcelListSchema,
  projectBoardSchema,
  projectDetailSchema,
  projectListSchema,
  rankingSchema,
} from '../../api/src/http/schemas/project.schemas.ts';
import { startTestApi, type TestApi, type TestRole } from '../support/test-api.ts';

/**
 * The project life cycle against the shared seed graph (which holds the synthetic demo projects of 2025 and
 * 2026). Projects made here use years no demo project has (2019, 2030) or are removed afterwards, as are the
 * districts made for the ranking.
 */

let api: TestApi;
const created: string[] = [];
const rankDistricts = ['zone-test-rank-a', 'zone-test-rank-b', 'zone-test-rank-c'];

beforeAll(async () => {
  api = await startTestApi();
  await api.db.write(
    `UNWIND $codes AS code CREATE (:District {code: code, name: '测试' + right(code, 1) + '区', kind: 'functional-zone', source: 'test'})`,
    { codes: rankDistricts },
    () => null,
  );
});

afterAll(async () => {
  await api.db.write(
    `MATCH (p:Project) WHERE p.id IN $ids OR p.year IN [2019, 2030]
     OPTIONAL MATCH (p)-[:HAS_EVENT]->(e:ProjectEvent)
     OPTIONAL MATCH (a:Alert {projectId: p.id})
     OPTIONAL MATCH (a)-[:HAS_ACTION]->(x:AlertAction)
     DETACH DELETE p, e, a, x`,
    { ids: created },
    () => null,
  );
  await api.db.write(
    'MATCH (d:District) WHERE d.code IN $codes DETACH DELETE d',
    { codes: rankDistricts },
    () => null,
  );
  await api.close();
});

async function createProject(body: Record<string, unknown>, as: { as?: TestRole } = {}) {
  const response = await api.request('POST', '/api/projects', { body, ...as });
  if (response.status !== 201)
    throw new Error(`create failed ${response.status}: ${JSON.stringify(response.body)}`);
  const project = projectDetailSchema.parse(response.body);
  created.push(project.id);
  return project;
}

const move = (id: string, body: Record<string, unknown>, as?: TestRole) =>
  api.request('POST', `/api/projects/${id}/moves`, { body, ...(as === undefined ? {} : { as }) });

describe('yearly lists', () => {
  it('lists the demo projects by year and batch, each with its allowed moves', async () => {
    const { status, body } = await api.get('/api/projects?year=2026&batch=attract&limit=100', {
      as: 'analyst',
    });
    expect(status).toBe(200);
    const list = projectListSchema.parse(body);
    expect(list.total).toBeGreaterThan(5);
    expect(list.items.length).toBe(list.total);
    for (const p of list.items) {
      expect(p).toMatchObject({ year: 2026, batch: 'attract', batchLabel: { zh: '招引洽谈一批' } });
      expect(p.provenance.source).toBe('synthetic');
    }
    const negotiating = list.items.find((p) => p.stage === 'negotiating');
    expect(negotiating?.allowed.stages).toContain('signed');

    const board = projectBoardSchema.parse((await api.get('/api/projects/board?year=2026')).body);
    expect(board.cells.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(40);
  });

  it('pages and filters by district and stage, and rejects an unknown batch with its field', async () => {
    const page = projectListSchema.parse((await api.get('/api/projects?year=2025&limit=5&page=2')).body);
    expect(page.items).toHaveLength(5);
    const bad = await api.get('/api/projects?batch=nope');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorBodySchema.parse(bad.body).error.details)).toContain('query.batch');
  });
});

describe('moving a project', () => {
  it('records a legal move with who, when and why, and refuses an illegal one, a stale version and another district', async () => {
    const project = await createProject({
      name: '测试移动项目',
      year: 2030,
      districtCodes: ['510107'],
      stage: 'negotiating',
      planned: { signed: '2030-02-01', started: '2030-05-01' },
      investmentPlannedYi: 5,
    });
    expect(project).toMatchObject({ batch: 'attract', stage: 'negotiating', version: 1, origin: 'manual' });

    const legal = await move(
      project.id,
      { stage: 'signed', reason: '合同已签', version: 1 },
      { district: '510107' },
    );
    expect(legal.status).toBe(200);
    const moved = projectDetailSchema.parse(legal.body);
    expect(moved).toMatchObject({ stage: 'signed', version: 2 });
    expect(moved.milestones.find((m) => m.stage === 'signed')?.actual).toBe(
      new Date().toISOString().slice(0, 10),
    );
    expect(moved.timeline.map((e) => [e.kind, e.fromStage, e.toStage, e.actor, e.reason])).toEqual([
      ['create', null, 'negotiating', 'test-admin', null],
      ['move', 'negotiating', 'signed', 'test-district-510107', '合同已签'],
    ]);
    const changes = await api.db.read(
      "MATCH (c:Change {entityType: 'Project', entityId: $id, action: 'move'}) RETURN c.actor AS actor, c.summary AS summary",
      { id: project.id },
      (r) => `${r.get('actor')}: ${r.get('summary')}`,
    );
    expect(changes).toEqual([expect.stringMatching(/^test-district-510107: .*合同已签$/)]);

    const illegal = await move(project.id, { stage: 'operating', reason: '跳过开工', version: 2 });
    expect(illegal.status).toBe(409);
    expect(errorBodySchema.parse(illegal.body).error.details).toMatchObject({
      stage: 'signed',
      allowed: { stages: ['started', 'suspended', 'terminated'], batches: ['landing', 'reserve', 'policy'] },
    });

    const stale = await move(project.id, { batch: 'landing', stage: 'started', reason: '开工', version: 1 });
    expect(stale.status).toBe(409);
    expect(errorBodySchema.parse(stale.body).error.details).toMatchObject({
      currentVersion: 2,
      expectedVersion: 1,
    });

    const foreign = await move(
      project.id,
      { stage: 'started', reason: '开工', version: 2 },
      { district: '510112' },
    );
    expect(foreign.status).toBe(403);
    const analyst = await move(project.id, { stage: 'started', reason: '开工', version: 2 }, 'analyst');
    expect(analyst.status).toBe(403);

    const after = projectDetailSchema.parse((await api.get(`/api/projects/${project.id}`)).body);
    expect(after).toMatchObject({ stage: 'signed', version: 2 });
    expect(after.timeline).toHaveLength(2);

    const both = await move(project.id, {
      batch: 'landing',
      stage: 'started',
      reason: '开工仪式',
      version: 2,
    });
    expect(projectDetailSchema.parse(both.body)).toMatchObject({
      batch: 'landing',
      stage: 'started',
      version: 3,
    });
  });

  it('makes a project of a matcher target in one action, keeping firm, link and district', async () => {
    const target = { enterpriseId: '300068.SZ', linkId: 'pbs-cells', districtCode: '510183' };
    const project = await createProject({ fromTarget: target, year: 2030 }, { as: { district: '510183' } });
    expect(project).toMatchObject({
      origin: 'target',
      batch: 'attract',
      stage: 'negotiating',
      enterprise: { id: '300068.SZ' },
      link: { id: 'pbs-cells', chainId: 'power-battery-storage' },
      districts: [{ code: '510183', role: 'lead' }],
    });
    const again = await api.request('POST', '/api/projects', { body: { fromTarget: target } });
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(again.body).error.details).toEqual({ projectId: project.id });
    const foreign = await api.request('POST', '/api/projects', {
      body: { fromTarget: { ...target, districtCode: '510112' } },
      as: { district: '510183' },
    });
    expect(foreign.status).toBe(403);
    const missing = await api.request('POST', '/api/projects', {
      body: { fromProposal: 'no-such-proposal' },
    });
    expect(missing.status).toBe(404);
  });

  it('makes a project of a joint-attraction proposal, keeping the proposal, its parties and its target', async () => {
    const proposalId = 'test-proposal-projects-1';
    await api.db.write(
      `CREATE (:Proposal {id: $id, title: '测试联合招引电芯项目', state: 'proposed', initiator: '510116', version: 1,
                          parties: $parties, targetKind: 'enterprise', targetId: '300068.SZ'})`,
      {
        id: proposalId,
        parties: JSON.stringify([
          { code: '510107', role: 'partner' },
          { code: '510116', role: 'host' },
        ]),
      },
      () => null,
    );
    try {
      const project = await createProject(
        { fromProposal: proposalId, year: 2030 },
        { as: { district: '510107' } },
      );
      expect(project).toMatchObject({
        name: '测试联合招引电芯项目',
        origin: 'proposal',
        proposalId,
        enterprise: { id: '300068.SZ' },
        districts: [
          { code: '510116', role: 'lead' },
          { code: '510107', role: 'partner' },
        ],
      });
      const twice = await api.request('POST', '/api/projects', { body: { fromProposal: proposalId } });
      expect(twice.status).toBe(409);
    } finally {
      await api.db.write('MATCH (x:Proposal {id: $id}) DETACH DELETE x', { id: proposalId }, () => null);
    }
  });
});

describe('early warning', () => {
  it('raises an alert for an overdue milestone, records acknowledging and assigning, and clears it once the milestone is reached', async () => {
    const project = await createProject({
      name: '测试逾期项目',
      year: 2030,
      districtCodes: ['510107'],
      stage: 'signed',
      planned: { started: '2025-01-01' },
    });
    const key = `milestone-overdue:${project.id}`;
    const listed = alertListSchema.parse(
      (await api.get(`/api/alerts?project=${project.id}`, { as: 'analyst' })).body,
    );
    expect(listed.items.map((a) => [a.id, a.status, a.active, a.severity])).toEqual([
      [key, 'open', true, 'critical'],
    ]);
    expect(listed.items[0]?.facts).toMatchObject({ milestone: 'started', planned: '2025-01-01' });

    const ack = await api.request('POST', `/api/alerts/${key}/ack`, {
      body: { note: '已联系企业' },
      as: { district: '510107' },
    });
    expect(alertSchema.parse(ack.body)).toMatchObject({ status: 'acknowledged' });
    const assign = await api.request('POST', `/api/alerts/${key}/assign`, {
      body: { assignee: '王专员', note: '两周内复工' },
      as: 'analyst',
    });
    const assigned = alertSchema.parse(assign.body);
    expect(assigned).toMatchObject({ status: 'acknowledged', assignee: '王专员' });
    expect(assigned.history.map((h) => [h.action, h.actor, h.note])).toEqual([
      ['raised', 'system', expect.stringContaining('逾期')],
      ['acknowledged', 'test-district-510107', '已联系企业'],
      ['assigned', 'test-analyst', '两周内复工'],
    ]);
    const foreign = await api.request('POST', `/api/alerts/${key}/ack`, {
      body: {},
      as: { district: '510112' },
    });
    expect(foreign.status).toBe(403);

    // Handling survives re-evaluation; reaching the milestone clears the alert.
    const again = alertListSchema.parse((await api.get(`/api/alerts?project=${project.id}`)).body);
    expect(again.items[0]).toMatchObject({ status: 'acknowledged', assignee: '王专员' });
    await move(project.id, { batch: 'landing', stage: 'started', reason: '已开工', version: 1 });
    const cleared = alertListSchema.parse((await api.get(`/api/alerts?project=${project.id}`)).body);
    expect(cleared.items[0]).toMatchObject({ status: 'cleared', active: false });
    const resolveCleared = await api.request('POST', `/api/alerts/${key}/resolve`, {
      body: { note: '已处理' },
    });
    expect(resolveCleared.status).toBe(409);
  });

  it('resolves an alert with a note and lists alerts by district and severity', async () => {
    const project = await createProject({
      name: '测试投资滞后项目',
      year: 2030,
      districtCodes: ['510107'],
      stage: 'signed',
      planned: { started: '2025-06-01' },
    });
    const key = `milestone-overdue:${project.id}`;
    const list = alertListSchema.parse(
      (await api.get('/api/alerts?district=510107&severity=critical&limit=200')).body,
    );
    expect(list.items.map((a) => a.id)).toContain(key);
    for (const a of list.items) expect(a.districtCodes).toContain('510107');
    const resolved = await api.request('POST', `/api/alerts/${key}/resolve`, {
      body: { note: '企业承诺下月开工，已纳入督办' },
    });
    expect(alertSchema.parse(resolved.body)).toMatchObject({ status: 'resolved' });
    const still = alertListSchema.parse((await api.get(`/api/alerts?project=${project.id}`)).body);
    expect(still.items[0]).toMatchObject({ status: 'resolved', active: true });
  });

  it('lets admins change rules at the version read only', async () => {
    const rules = alertRuleListSchema.parse((await api.get('/api/admin/alert-rules')).body);
    const stale = rules.items.find((r) => r.id === 'stale');
    expect(stale).toMatchObject({ kind: 'stale', params: { days: 60 } });
    if (!stale) return;
    const forbidden = await api.request('PUT', '/api/admin/alert-rules', {
      body: { rules: [{ ...pick(stale), params: { days: 90 } }] },
      as: 'analyst',
    });
    expect(forbidden.status).toBe(403);
    const bad = await api.request('PUT', '/api/admin/alert-rules', {
      body: { rules: [{ ...pick(stale), params: { minRatio: 2 } }] },
    });
    expect(bad.status).toBe(400);
    const ok = await api.request('PUT', '/api/admin/alert-rules', {
      body: { rules: [{ ...pick(stale), params: { days: 90, criticalAfterDays: 150 } }] },
    });
    expect(alertRuleListSchema.parse(ok.body).items.find((r) => r.id === 'stale')).toMatchObject({
      params: { days: 90 },
      version: stale.version + 1,
    });
    const outdated = await api.request('PUT', '/api/admin/alert-rules', {
      body: { rules: [{ ...pick(stale), params: { days: 60, criticalAfterDays: 120 } }] },
    });
    expect(outdated.status).toBe(409);
    await api.request('PUT', '/api/admin/alert-rules', {
      body: {
        rules: [{ ...pick(stale), version: stale.version + 1, params: { days: 60, criticalAfterDays: 120 } }],
      },
    });
  });
});

function pick(rule: { id: string; enabled: boolean; severity: string; version: number }) {
  return { id: rule.id, enabled: rule.enabled, severity: rule.severity, version: rule.version };
}

describe('red/black list', () => {
  it('ranks districts on a known small set, showing every input', async () => {
    const [a, b, c] = rankDistricts;
    const make = async (
      district: string | undefined,
      planned: number,
      inPlace: number,
      startedOn: string,
    ) => {
      const p = await createProject({
        name: `测试排名项目${created.length}`,
        year: 2019,
        districtCodes: [district],
        stage: 'signed',
        planned: { started: '2019-03-01' },
        investmentPlannedYi: planned,
        investmentInPlaceYi: inPlace,
      });
      const moved = await move(p.id, { stage: 'started', reason: '开工', version: 1, date: startedOn });
      expect(moved.status).toBe(200);
    };
    await make(a, 10, 5, '2019-02-20');
    await make(a, 10, 12, '2019-03-01');
    await make(b, 10, 4, '2019-05-01');
    await make(c, 10, 10, '2019-01-15');

    const { status, body } = await api.get('/api/rankings?period=2019', { as: { district: '510107' } });
    expect(status).toBe(200);
    const ranking = rankingSchema.parse(body);
    expect(ranking).toMatchObject({
      period: '2019',
      from: '2019-01-01',
      to: '2019-12-31',
      asOf: '2019-12-31',
      marksPerEnd: 1,
    });
    const row = (code: string | undefined) => ranking.items.find((i) => i.districtCode === code);
    // A: on time 2/2; in place min(5,10) + min(12,10) = 15 of 20; (0.3·1 + 0.3·0.75) / 0.6 = 0.875
    expect(row(a)?.metrics.map((m) => [m.key, m.numerator, m.denominator, m.value])).toEqual([
      ['onTimeStart', 2, 2, 1],
      ['investmentInPlace', 15, 20, 0.75],
      ['landEfficiency', 0, 0, null],
      ['alertsResolved', 0, 0, null],
    ]);
    expect(row(a)).toMatchObject({ score: 0.875, rank: 2, mark: null, projects: 2 });
    // B: late 0/1, 4 of 10: (0 + 0.3·0.4) / 0.6 = 0.2 → last, black
    expect(row(b)).toMatchObject({ score: 0.2, rank: 3, mark: 'black' });
    // C: on time 1/1, 10 of 10: 1 → first, red
    expect(row(c)).toMatchObject({ score: 1, rank: 1, mark: 'red' });
    expect(ranking.items.map((i) => i.districtCode)).toEqual([c, a, b]);

    const bad = await api.get('/api/rankings?period=2019-Q5');
    expect(bad.status).toBe(400);
  });
});

describe('land parcels and 激活提升', () => {
  it('lists idle parcels per district and revives one into a revive project, once', async () => {
    const list = landParcelListSchema.parse(
      (await api.get('/api/land-parcels?status=supplied_unused&limit=200')).body,
    );
    expect(list.total).toBeGreaterThan(0);
    for (const p of list.items) expect(p.status).toBe('supplied_unused');
    const parcel = list.items.find((p) => !p.projects.some((x) => x.batch === 'revive'));
    expect(parcel).toBeDefined();
    if (!parcel) return;
    const byDistrict = landParcelListSchema.parse(
      (await api.get(`/api/land-parcels?district=${parcel.districtCode}`)).body,
    );
    expect(byDistrict.items.every((p) => p.districtCode === parcel.districtCode)).toBe(true);

    const foreignDistrict = parcel.districtCode === '510107' ? '510112' : '510107';
    const forbidden = await api.request('POST', `/api/land-parcels/${parcel.id}/revive`, {
      body: { reason: '盘活闲置用地' },
      as: { district: foreignDistrict },
    });
    expect(forbidden.status).toBe(403);
    const revived = await api.request('POST', `/api/land-parcels/${parcel.id}/revive`, {
      body: { reason: '盘活闲置用地', year: 2030, investmentPlannedYi: 2 },
      as: { district: parcel.districtCode },
    });
    expect(revived.status).toBe(201);
    const project = projectDetailSchema.parse(revived.body);
    created.push(project.id);
    expect(project).toMatchObject({
      batch: 'revive',
      stage: 'planning',
      origin: 'parcel',
      land: { parcelId: parcel.id, areaHa: parcel.areaHa, status: 'supplied_unused' },
      districts: [{ code: parcel.districtCode, role: 'lead' }],
    });
    expect(project.timeline[0]).toMatchObject({ kind: 'revive', reason: '盘活闲置用地' });
    const twice = await api.request('POST', `/api/land-parcels/${parcel.id}/revive`, {
      body: { reason: '再次盘活' },
    });
    expect(twice.status).toBe(409);
  });
});

describe('importing a project list', () => {
  it('imports the good rows of a CSV, reports the bad row by line, and changes nothing the second time', async () => {
    const file = await readFile(path.join(projectRoot, 'test', 'fixtures', 'projects-list.csv'));
    const upload = () =>
      api.request('POST', '/api/admin/imports?kind=projects&file=projects-list.csv', {
        body: new Uint8Array(file),
        headers: { 'content-type': 'application/octet-stream' },
      });
    const first = await upload();
    expect(first.status).toBe(200);
    const summary = importSummarySchema.parse(first.body);
    expect(summary).toMatchObject({ kind: 'projects', rows: 4, accepted: 3, created: 3, rejectedRows: 1 });
    expect(summary.rejected.map((r) => `${r.line} ${r.field}`)).toEqual(['4 所在区', '4 计划开工']);

    const list = projectListSchema.parse((await api.get('/api/projects?year=2030&limit=200')).body);
    const imported = list.items.filter((p) => p.origin === 'import');
    expect(imported.map((p) => [p.name, p.batch, p.stage]).sort()).toEqual([
      ['测试导入中药饮片项目', 'reserve', 'planning'],
      ['测试导入新型储能电芯项目', 'attract', 'negotiating'],
      ['测试导入航空结构件项目', 'landing', 'started'],
    ]);
    const aviation = imported.find((p) => p.name === '测试导入航空结构件项目');
    expect(aviation).toMatchObject({
      districts: [{ code: '510116' }],
      link: { id: 'la-airframe-structures' },
      investment: { unit: '亿元', planned: 8, inPlace: 2.4 },
      provenance: { source: 'projects-list.csv' },
    });
    expect(aviation?.milestones.find((m) => m.stage === 'started')).toEqual({
      stage: 'started',
      planned: '2030-03-01',
      actual: '2030-03-15',
    });

    const second = importSummarySchema.parse((await upload()).body);
    expect(second).toMatchObject({ accepted: 3, created: 0, updated: 0, unchanged: 3 });
  });
});
