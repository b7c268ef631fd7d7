import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../api/src/config.ts';
import { changeListSchema } from '../../api/src/http/schemas/auth.schemas.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
const name = `cli-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write(
    `MATCH (n) WHERE (n:User OR n:Session) AND n.username STARTS WITH $name
        OR n:LoginThrottle AND n.key STARTS WITH $name
        OR n:Change AND n.entityType = 'User' AND n.entityId STARTS WITH $name
     DETACH DELETE n`,
    { name },
    () => null,
  );
  await api.close();
});

/** `npm run user -- …` as a real process against the test Neo4j, with `input` piped to standard input. */
function runCli(
  args: string[],
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
      ['api/src/user.cli.ts', ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_DATABASE: 'neo4j' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const logIn = (username: string, password: string) =>
  api.request('post', '/api/auth/login', { as: 'anonymous', body: { username, password } });

// Each case starts a process (tsx, then a driver): slow on a busy machine.
describe('npm run user', { timeout: 180_000 }, () => {
  it('adds a user with the password from piped standard input, once', async () => {
    const added = await runCli(
      ['add', `${name}-wh`, '--role', 'district', '--district', '510107'],
      'first-pass-1\n',
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain(`Created district "${name}-wh" for district 510107`);
    expect(await logIn(`${name}-wh`, 'first-pass-1')).toMatchObject({
      status: 200,
      body: { user: { username: `${name}-wh`, role: 'district', districtCode: '510107' } },
    });

    const again = await runCli(['add', `${name}-wh`, '--role', 'analyst'], 'another-pass\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses bad commands with exit code 2 and says why', async () => {
    const cases: [string[], RegExp][] = [
      [['add', `${name}-x`, '--role', 'district'], /needs a district code/],
      [['add', `${name}-x`, '--role', 'analyst', '--district', '510107'], /not bound to a district/],
      [['add', `${name}-x`, '--role', 'boss'], /--role/],
      [['add', 'Bad Name!', '--role', 'analyst'], /username must be/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['list', '--colour'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args, 'some-password\n');
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it('refuses a short password with exit code 1', async () => {
    const { code, stderr } = await runCli(['add', `${name}-short`, '--role', 'analyst'], 'short\n');
    expect(code).toBe(1);
    expect(stderr).toMatch(/at least 8 characters/);
  });

  it('lists, disables and resets passwords, and audits each change', async () => {
    expect((await runCli(['add', `${name}-an`, '--role', 'analyst'], 'old-password\n')).code).toBe(0);

    const list = await runCli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${name}-an\\tanalyst\\t-\\tactive`));

    const reset = await runCli(['reset-password', `${name}-an`], 'new-password\n');
    expect(reset.code).toBe(0);
    expect((await logIn(`${name}-an`, 'old-password')).status).toBe(401);
    expect((await logIn(`${name}-an`, 'new-password')).status).toBe(200);

    expect((await runCli(['disable', `${name}-an`])).code).toBe(0);
    expect((await logIn(`${name}-an`, 'new-password')).status).toBe(401);
    expect((await runCli(['list'])).stdout).toMatch(new RegExp(`${name}-an\\tanalyst\\t-\\tdisabled`));

    const missing = await runCli(['disable', `${name}-nobody`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);

    const trail = changeListSchema.parse(
      (await api.get(`/api/admin/changes?entityType=User&entityId=${name}-an`)).body,
    );
    expect(trail.items.map((c) => c.action)).toEqual(['disable', 'reset-password', 'create']);
    expect(trail.items.every((c) => c.actor?.startsWith('cli:'))).toBe(true);
    expect(JSON.stringify(trail.items)).not.toMatch(/scrypt/);
  });
});
