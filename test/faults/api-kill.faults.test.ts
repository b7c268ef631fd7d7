import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../api/src/config.ts';
import { hashPassword } from '../../api/src/domain/auth/password.ts';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';
import { createUserRepository } from '../../api/src/graph/user.repository.ts';
import { freePort } from '../support/free-port.ts';
import { startTestApi } from '../support/test-api.ts';
import { eventually, loadSeed, type OwnNeo4j, startOwnNeo4j } from './own-neo4j.ts';

/**
 * kill -9 of the API process in the middle of writes from several clients, and a new process on the same
 * port: every write a client was told succeeded is in the graph once, whole, and the sessions outlive the
 * process (they live in Neo4j). Also: a request in flight while the app shuts down gets 503, not 500.
 */

let neo4j: OwnNeo4j;
let db: Database;
let child: ChildProcess | undefined;
let port = 0;
const prefix = `api-kill-${randomUUID().slice(0, 8)}`;

async function startApiProcess(): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'test', 'faults', 'api-server.ts'), neo4j.uri, String(port)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const ready = await eventually(async () => out.includes('API_READY'), 60_000);
  if (!ready) throw new Error(`The API process did not start: ${out}`);
  return proc;
}

beforeAll(async () => {
  neo4j = await startOwnNeo4j();
  await loadSeed(neo4j.uri);
  db = createDatabase({ uri: neo4j.uri, database: 'neo4j' });
  port = await freePort();
  child = await startApiProcess();
}, 600_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  await db?.close();
  await neo4j?.dispose();
});

describe('kill -9 of the API process', () => {
  it('loses no acknowledged write and leaves no half-written one', async () => {
    const username = `${prefix}-admin`;
    await createUserRepository(db).createUser({
      username,
      role: 'admin',
      districtCode: null,
      passwordHash: await hashPassword('faults-password'),
    });
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'faults-password' }),
    });
    const token = z.object({ token: z.string() }).parse(await login.json()).token;

    const acknowledged: string[] = [];
    let failedRequests = 0;
    let sent = 0;
    const client = async () => {
      while (acknowledged.length < 60) {
        sent += 1;
        const name = `${prefix} 项目 ${sent}`;
        try {
          const response = await fetch(`${base}/api/projects`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ name, year: 2030, districtCodes: ['510107'], stage: 'planning' }),
            signal: AbortSignal.timeout(30_000),
          });
          if (response.status === 201)
            acknowledged.push(z.object({ id: z.string() }).parse(await response.json()).id);
          else {
            expect(response.status).toBeLessThan(500);
            failedRequests += 1;
          }
        } catch {
          failedRequests += 1; // the connection died with the process: not acknowledged
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const killer = async () => {
      await eventually(async () => acknowledged.length >= 20, 120_000);
      const dying = child;
      dying?.kill('SIGKILL');
      if (dying) await once(dying, 'exit');
      child = await startApiProcess();
    };
    await Promise.all([client(), client(), client(), client(), killer()]);

    const stored = await db.read(
      `MATCH (p:Project) WHERE p.name STARTS WITH $prefix
       RETURN p.id AS id, EXISTS { (p)-[:HAS_EVENT]->() } AS hasEvent, EXISTS { (p)-[:IN_DISTRICT]->() } AS placed`,
      { prefix },
      (r) => ({ id: String(r.get('id')), whole: r.get('hasEvent') === true && r.get('placed') === true }),
    );
    const ids = new Set(stored.map((p) => p.id));
    process.stdout.write(
      `api-kill: ${sent} writes sent, ${acknowledged.length} acknowledged, ${failedRequests} failed with the process, ${stored.length} stored\n`,
    );
    expect(failedRequests, 'the kill never hit a request in flight').toBeGreaterThan(0);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(stored.filter((p) => !p.whole)).toEqual([]);
  }, 600_000);

  it('answers 503, not 500, to requests still in flight when the database driver closes at shutdown', async () => {
    const api = await startTestApi({ uri: neo4j.uri });
    const headers = await api.headersFor('admin');
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      fetch(`${api.baseUrl}/api/enterprises?q=${encodeURIComponent(`科技${i}`)}`, { headers }).then(
        (r) => r.status,
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    await api.db.close();
    const late = await api.get('/api/health');
    const statuses = [...(await Promise.all(inFlight)), late.status];
    await api.close();
    expect(late.status).toBe(503);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  }, 120_000);
});
