import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../api/src/graph/database.ts';
import type { WarmUpReport } from '../../api/src/warm-up.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * The warm-up after a start: it computes the overview and each chain's gaps and first page of targets through
 * the routes' own cache, so those requests then make no matcher query of their own. Matcher queries are told
 * apart by what they walk (IN_LINK edges); the counter sees every read the app makes.
 */

let api: TestApi;
let report: WarmUpReport;
const matcherReads: string[] = [];

/** The same database, noting each read that walks IN_LINK edges. */
function watching(db: Database): Database {
  return {
    name: db.name,
    read: (cypher, params, map) => {
      if (cypher.includes('IN_LINK')) matcherReads.push(cypher);
      return db.read(cypher, params, map);
    },
    write: (cypher, params, map) => db.write(cypher, params, map),
    writeTransaction: (work, label) => db.writeTransaction(work, label),
    runAutoCommit: (cypher, params) => db.runAutoCommit(cypher, params),
    serverInfo: () => db.serverInfo(),
    close: () => db.close(),
  };
}

beforeAll(async () => {
  let reported: (r: WarmUpReport) => void = () => {};
  const warmed = new Promise<WarmUpReport>((resolve) => {
    reported = resolve;
  });
  api = await startTestApi({ warmUp: (r) => reported(r), wrapDb: watching });
  report = await warmed;
});
afterAll(async () => {
  await api.close();
});

describe('warm-up after a start', () => {
  it('computes every chain without a failure', async () => {
    const [chains] = await api.db.read(
      'MATCH (c:Chain) WHERE c.validTo IS NULL RETURN count(c) AS n',
      {},
      (r) => z.number().parse(r.get('n')),
    );
    expect(chains).toBeGreaterThan(0);
    expect(report).toMatchObject({ chains, failed: 0 });
  });

  it('leaves the overview, gaps and first page of targets to the cache', async () => {
    const before = matcherReads.length;
    expect(before).toBeGreaterThan(0);
    for (const path of [
      '/api/chains/health',
      '/api/chains/integrated-circuit/gaps',
      '/api/targets?chain=integrated-circuit',
      '/api/chains/food/gaps',
      // As the targets page asks for its first page.
      '/api/targets?chain=food&profile=default&page=1&limit=20',
    ]) {
      expect((await api.get(path)).status, path).toBe(200);
    }
    expect(matcherReads.slice(before)).toEqual([]);
    // A scope the warm-up left alone is computed on request, and the counter sees it.
    expect((await api.get('/api/targets?chain=food&district=510107')).status).toBe(200);
    expect(matcherReads.length).toBeGreaterThan(before);
  });
});
