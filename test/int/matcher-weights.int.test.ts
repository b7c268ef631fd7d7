import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultWeights } from '../../api/src/domain/matcher/target-scoring.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import {
  targetPageSchema,
  weightProfileListSchema,
  weightProfileSchema,
} from '../../api/src/http/schemas/matcher.schemas.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
// Each run writes its own profiles, so reruns against a kept database do not collide.
const name = `test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write(
    `MATCH (p:WeightProfile) WHERE p.name STARTS WITH $name
     OPTIONAL MATCH (c:Change {entityType: 'WeightProfile', entityId: p.name}) DETACH DELETE c, p`,
    { name },
    () => null,
  );
  await api.close();
});

async function put(profile: string, body: unknown) {
  const { status, body: answer } = await api.request('put', `/api/admin/weight-profiles/${profile}`, {
    body,
  });
  return { status, body: answer };
}

const changeSchema = z.object({
  action: z.string(),
  before: z.string().nullable(),
  after: z.string(),
  at: z.string(),
});
const versionOf = (json: string) => z.object({ version: z.number().int() }).parse(JSON.parse(json)).version;

/** The audit trail of a profile, oldest first, with the version each change produced. */
async function changesOf(profile: string) {
  const rows = await api.db.read(
    `MATCH (c:Change {entityType: 'WeightProfile', entityId: $name})
     RETURN c {.action, before: c.before, .after, at: toString(c.at)} AS row ORDER BY c.at`,
    { name: profile },
    (r) => changeSchema.parse(r.get('row')),
  );
  return rows.map((row) => ({ ...row, version: versionOf(row.after) }));
}

describe('weight profiles', () => {
  it('starts with the default profile the migration created', async () => {
    const { status, body } = await api.get('/api/weight-profiles');
    expect(status).toBe(200);
    const list = weightProfileListSchema.parse(body);
    const fallback = list.items.find((p) => p.name === 'default');
    expect(fallback?.weights).toEqual(defaultWeights);
    expect(fallback?.version).toBeGreaterThanOrEqual(1);
  });

  it('creates a profile, changes it at the version read, refuses stale versions, and audits each change', async () => {
    const created = await put(name, {
      weights: { gapFit: 0, supplyTies: 0, quality: 1, momentum: 0 },
      description: '只看企业质量',
    });
    expect(created.status).toBe(201);
    expect(weightProfileSchema.parse(created.body)).toMatchObject({ name, version: 1 });

    const updated = await put(name, {
      weights: { gapFit: 0.5, supplyTies: 0, quality: 1, momentum: 0 },
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(weightProfileSchema.parse(updated.body)).toMatchObject({
      version: 2,
      description: '只看企业质量',
      weights: { gapFit: 0.5, quality: 1 },
    });

    const stale = await put(name, {
      weights: { gapFit: 1, supplyTies: 0, quality: 0, momentum: 0 },
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(errorBodySchema.parse(stale.body).error.details).toEqual({ currentVersion: 2, yourVersion: 1 });
    const blind = await put(name, { weights: { gapFit: 1, supplyTies: 0, quality: 0, momentum: 0 } });
    expect(blind.status).toBe(409);

    const changes = await changesOf(name);
    expect(changes.map((c) => [c.action, c.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    expect(changes[0]?.before).toBeNull();
    expect(JSON.parse(changes[1]?.before ?? '{}')).toMatchObject({
      weights: { gapFit: 0, supplyTies: 0, quality: 1, momentum: 0 },
    });
    expect(JSON.parse(changes[1]?.after ?? '{}')).toMatchObject({ weights: { gapFit: 0.5, quality: 1 } });
  });

  it('lets exactly one of two writers at the same version win', async () => {
    const profile = `${name}-race`;
    expect((await put(profile, { weights: defaultWeights })).status).toBe(201);
    const results = await Promise.all(
      [0.1, 0.2, 0.3, 0.4].map((gapFit) =>
        put(profile, { weights: { ...defaultWeights, gapFit }, version: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await changesOf(profile)).map((c) => c.version)).toEqual([1, 2]);
  });

  it('rejects weights outside [0,1], all zero, unknown or missing, with field paths', async () => {
    const bad = await put(`${name}-bad`, {
      weights: { gapFit: 1.5, supplyTies: -1, quality: 0, momentum: 0 },
    });
    expect(bad.status).toBe(400);
    const paths = z
      .array(z.object({ path: z.string() }))
      .parse(errorBodySchema.parse(bad.body).error.details)
      .map((d) => d.path);
    expect(paths).toEqual(['body.weights.gapFit', 'body.weights.supplyTies']);
    const zero = await put(`${name}-bad`, { weights: { gapFit: 0, supplyTies: 0, quality: 0, momentum: 0 } });
    expect(zero.status).toBe(400);
    const extra = await put(`${name}-bad`, { weights: { ...defaultWeights, luck: 1 } });
    expect(extra.status).toBe(400);
    const missing = await put(`${name}-bad`, { weights: { gapFit: 1 } });
    expect(missing.status).toBe(400);
    expect((await put('Not A Name', { weights: defaultWeights })).status).toBe(400);
    expect((await put(`${name}-never`, { weights: defaultWeights, version: 3 })).status).toBe(404);
  });

  it('ranks with the named profile', async () => {
    const { status, body } = await api.get(`/api/targets?chain=food&limit=30&profile=${name}`);
    expect(status).toBe(200);
    const page = targetPageSchema.parse(body);
    expect(page.profile).toMatchObject({ name, version: 2, weights: { gapFit: 0.5, quality: 1 } });
    for (const t of page.items) {
      expect(t.score).toBeCloseTo((0.5 * t.components.gapFit + t.components.quality) / 1.5, 12);
    }
    const byDefault = targetPageSchema.parse((await api.get('/api/targets?chain=food&limit=30')).body);
    expect(page.items.map((t) => t.id)).not.toEqual(byDefault.items.map((t) => t.id));
  });
});
