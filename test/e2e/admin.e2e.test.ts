import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { chainDetailSchema } from '../../api/src/http/schemas/catalog.schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import { getOk } from '../support/expect-response.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

const webDir = loadConfig({}).webDir;
const chainId = 'integrated-circuit';
// Everything this file writes carries the tag, so it can be removed afterwards.
const tag = randomUUID().slice(0, 6);
const newUser = `e2e-user-${tag}`;
const importFile = `e2e-import-${tag}.csv`;
const startedAt = new Date().toISOString();
let api: TestApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let tempDir: string;
let editedLinkId = '';
// Writes on a busy machine can take seconds; a poll's default second is too short.
const patience = { timeout: 20_000 };

beforeAll(async () => {
  if (!existsSync(`${webDir}/index.html`))
    throw new Error(`No web build in ${webDir}: run \`npm run build:web\` first.`);
  api = await startTestApi({ webDir });
  ({ browser, close: closeBrowser } = await launchBrowser());
  tempDir = await mkdtemp(path.join(tmpdir(), 'chainscout-admin-e2e-'));
});

afterAll(async () => {
  await closeBrowser?.();
  if (api) {
    await api.db.write(
      `MATCH (m:MapChange) WHERE m.entityId = $linkId AND m.at >= datetime($startedAt) DETACH DELETE m`,
      { linkId: editedLinkId, startedAt },
      () => null,
    );
    await api.db.write(
      `MATCH (e:Enterprise) WHERE e.name CONTAINS $tag OR e.fullName CONTAINS $tag DETACH DELETE e`,
      { tag },
      () => null,
    );
    await api.db.write(
      'MATCH (i:Import) WHERE i.file = $file DETACH DELETE i',
      { file: importFile },
      () => null,
    );
    await api.db.write(
      `MATCH (n) WHERE (n:User OR n:Session) AND n.username = $user
          OR n:Change AND n.entityType = 'User' AND n.entityId = $user
       DETACH DELETE n`,
      { user: newUser },
      () => null,
    );
    await api.close();
  }
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/** On failure, a screenshot and the page's own errors, so the cause can be seen without rerunning. */
function explainFailure(name: string, page: Page, pageErrors: string[]): void {
  onTestFailed(async () => {
    await saveScreenshot(page, `admin-failed-${name}`).catch(() => {});
    if (pageErrors.length > 0) console.error(`Page errors in ${name}:\n${pageErrors.join('\n')}`);
  });
}

describe('the admin screens', () => {
  it('renames a link in the map editor, shows it in the history, and reverts it', async () => {
    const chain = await getOk(api, `/api/chains/${chainId}`, chainDetailSchema);
    const link = chain.links[0];
    if (!link) throw new Error(`The seed chain ${chainId} has no links`);
    editedLinkId = link.id;
    const newName = `${link.name}（测试${tag}）`;

    const { page, pageErrors } = await openApp(browser, api, 'admin', `#/admin/map?chain=${chainId}`);
    explainFailure('map', page, pageErrors);
    await page.locator('[data-testid="admin-map-canvas"][data-state="ready"]').waitFor();
    await page.locator(`[data-testid="admin-map-link-${link.id}"]`).click();
    // The selection is in the address, so the view can be bookmarked.
    expect(page.url()).toContain(`link=${link.id}`);
    const form = page.locator('[data-testid="admin-rename-form"]');
    await form.locator('input[name="name"]').fill(newName);
    await form.locator('button[type="submit"]').click();

    const change = page.locator('[data-testid="admin-last-change"]');
    await expect.poll(() => change.innerText(), patience).toContain(`Renamed link ${link.id}`);
    expect(await change.innerText()).toContain('link.rename');
    await expect
      .poll(() => page.locator(`[data-testid="admin-map-link-${link.id}"]`).innerText(), patience)
      .toBe(newName);
    await page.locator('[data-testid="admin-map-canvas"][data-state="ready"]').waitFor();
    await saveScreenshot(page, 'admin-map-renamed');

    await page.locator('[data-testid="admin-tab-admin-history"]').click();
    // The rename's own row: once reverted, the revert's row names the new name too.
    const renameRow = page.locator('[data-testid^="admin-map-change-"]', { hasText: 'link.rename' }).filter({
      hasText: newName,
    });
    const rowId = await renameRow.first().getAttribute('data-testid');
    const row = page.locator(`[data-testid="${rowId}"]`);
    await row.locator('[data-testid="admin-revert"]').click();
    await saveScreenshot(page, 'admin-history-confirm-revert');
    await row.locator('[data-testid="admin-revert-confirm"]').click();
    await page.locator('[data-testid="admin-revert-done"]').waitFor();
    await expect.poll(() => row.innerText(), patience).toContain('已撤销');
    await saveScreenshot(page, 'admin-history-reverted');

    await page.locator('[data-testid="admin-history-tab-diff"]').click();
    await page.locator('[data-testid="admin-map-diff"]').waitFor();
    await saveScreenshot(page, 'admin-history-diff');

    await page.goto(`${api.baseUrl}/#/chains/${chainId}`);
    const chainRow = page.locator(`[data-testid="link-row-${link.id}"]`);
    await expect.poll(() => chainRow.innerText(), patience).toContain(link.name);
    expect(await chainRow.innerText()).not.toContain(newName);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('reports the rejected line of an import dry run, then imports for real', async () => {
    const csv = [
      '企业名称,主营产品,注册地址',
      `测试导入${tag}甲科技有限公司,传感器,四川省成都市武侯区测试路1号`,
      `测试导入${tag}乙科技有限公司,芯片,成都市,多出来的一列`,
      `测试导入${tag}丙科技有限公司,封装,四川省成都市高新区测试路3号`,
    ].join('\n');
    const file = path.join(tempDir, importFile);
    await writeFile(file, `${csv}\n`, 'utf8');

    const { page, pageErrors } = await openApp(browser, api, 'admin', '#/admin/imports');
    explainFailure('import', page, pageErrors);
    await page.locator('[data-testid="admin-import-file"]').setInputFiles(file);
    await page.locator('[data-testid="admin-import-dry-run"]').click();
    const report = page.locator('[data-testid="admin-import-dry-run-report"]');
    await report.waitFor({ timeout: 60_000 });
    const rejected = page.locator('[data-testid="admin-import-rejected"] tbody tr');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().innerText()).toMatch(/^3\s+\(row\)/);
    expect(await page.locator('[data-testid="admin-import-count-accepted"] dd').innerText()).toBe('2');
    expect(await page.locator('[data-testid="admin-import-count-created"] dd').innerText()).toBe('2');
    await saveScreenshot(page, 'admin-import-dry-run');

    await page.locator('[data-testid="admin-import-commit"]').click();
    const final = page.locator('[data-testid="admin-import-final-report"]');
    await final.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="admin-import-count-created"] dd').innerText()).toBe('2');
    expect(await final.innerText()).toMatch(/导入记录编号/);
    await saveScreenshot(page, 'admin-import-done');

    const written = await api.get(`/api/enterprises?q=${encodeURIComponent(`测试导入${tag}`)}`);
    expect(JSON.stringify(written.body)).toContain(`测试导入${tag}甲`);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('adds a user, who can then log in at another desk', async () => {
    const password = 'e2e password 123';
    const { page, pageErrors } = await openApp(browser, api, 'admin', '#/admin/users');
    explainFailure('users', page, pageErrors);
    await page.locator('[data-testid="admin-users"]').waitFor();
    const form = page.locator('[data-testid="admin-add-user-form"]');
    // A short password is refused in the form, before anything is sent.
    await form.locator('input[name="username"]').fill(newUser);
    await form.locator('select[name="role"]').selectOption('district');
    await form.locator('input[name="districtCode"]').fill('510107');
    await form.locator('input[name="password"]').fill('short');
    await form.locator('[data-testid="admin-add-user"]').click();
    await expect.poll(() => form.innerText(), patience).toContain('at least 8 characters');
    await form.locator('input[name="password"]').fill(password);
    await form.locator('[data-testid="admin-add-user"]').click();
    const row = page.locator(`[data-testid="admin-user-${newUser}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('510107');
    await saveScreenshot(page, 'admin-users-added');

    const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const desk = await other.newPage();
    await desk.goto(`${api.baseUrl}/#/`);
    await desk.locator('[data-testid="login-form"]').waitFor();
    await desk.locator('input[name="username"]').fill(newUser);
    await desk.locator('input[name="password"]').fill(password);
    await desk.locator('[data-testid="login-form"] button[type="submit"]').click();
    await desk.locator('[data-testid="app-nav"]').waitFor();
    expect(await desk.locator('[data-testid="user-name"]').innerText()).toBe(newUser);
    await saveScreenshot(desk, 'admin-new-user-logged-in');

    // Disabled, the new user's open session ends at its next request.
    await row.locator('[data-testid="admin-user-toggle"]').click();
    await expect.poll(() => row.innerText(), patience).toContain('已停用');
    await desk.goto(`${api.baseUrl}/#/targets`);
    await desk.reload();
    await desk.locator('[data-testid="login-form"]').waitFor();
    await saveScreenshot(page, 'admin-users-disabled');
    expect(pageErrors).toEqual([]);
    await other.close();
    await page.context().close();
  });

  it('edits a weight profile with the form checked before saving', async () => {
    const { page, pageErrors } = await openApp(browser, api, 'admin', '#/admin/weights?profile=default');
    const form = page.locator('[data-testid="admin-weight-form"]');
    await form.waitFor();
    await form.locator('[data-testid="admin-weight-gapFit"]').fill('1.5');
    await form.locator('[data-testid="admin-weight-save"]').click();
    await expect.poll(() => form.innerText(), patience).toContain('at most 1');
    await saveScreenshot(page, 'admin-weights-invalid');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
