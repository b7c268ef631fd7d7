import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi, testUsername } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

const webDir = loadConfig({}).webDir;
// The machine running the suite may be busy: give each wait for the API time to answer.
const patience = { timeout: 20_000, interval: 200 };
let api: TestApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(`${webDir}/index.html`))
    throw new Error(`No web build in ${webDir}: run \`npm run build:web\` first.`);
  api = await startTestApi({ webDir });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await api?.db.write(
    `MATCH (u:User {username: $user})-[s:SHORTLISTED]->() DELETE s
     WITH count(*) AS _
     MATCH (c:Change {entityType: 'Shortlist', actor: $user}) DETACH DELETE c`,
    { user: testUsername('analyst') },
    () => null,
  );
  await closeBrowser?.();
  await api?.close();
});

describe('target finder', () => {
  it('ranks by chain, shows the score bars, keeps a shortlist across a reload and exports CSV', async () => {
    const { page, pageErrors } = await openApp(browser, api, 'analyst', '#/targets?chain=integrated-circuit');
    const cards = page.locator('[data-testid="targets-list"] > li');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(20);
    await expect
      .poll(() => page.locator('[data-testid="targets-summary"]').innerText(), patience)
      .toMatch(/共 \d+ 家候选企业/);

    // Component bars open from the card, and the open card is part of the address.
    const first = cards.first();
    const firstId = ((await first.getAttribute('data-testid')) ?? '').replace(/^target-/, '');
    await first.locator('[data-testid="toggle-score"]').click();
    await first.locator('[data-testid="score-bars"]').waitFor();
    expect(await first.locator('[data-testid^="bar-"]').count()).toBe(5);
    expect(await first.locator('[data-testid="score-bars"]').innerText()).toContain('补链契合');
    expect(page.url()).toContain(`open=${encodeURIComponent(firstId)}`);
    expect(await first.locator('[data-testid="target-impact"]').innerText()).toContain('落地后');

    // Shortlist one; it is kept on the server, so a reload still shows it.
    await first.locator('[data-testid="toggle-shortlist"]').click();
    await page.locator(`[data-testid="shortlist-${firstId}"]`).waitFor();
    await saveScreenshot(page, 'targets-open-card');
    await page.reload();
    await page.locator(`[data-testid="shortlist-${firstId}"]`).waitFor();
    await expect
      .poll(
        () => page.locator(`[data-testid="target-${firstId}"] [data-testid="toggle-shortlist"]`).innerText(),
        patience,
      )
      .toContain('移出关注清单');

    // Narrow to one board: the filter goes into the address and every card is on that board.
    await page.locator('[data-testid="filter-board"]').selectOption('科创板');
    await expect.poll(() => decodeURIComponent(page.url()), patience).toContain('board=科创板');
    await page.locator('[data-testid="targets-list"] > li').first().waitFor();
    const metas = await page.locator('[data-testid="targets-list"] .targets-card-meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((text) => text.includes('科创板'))).toBe(true);

    // CSV of the current filter, downloaded with the bearer token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('企业');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('科创板'))).toBe(true);

    // Page 2 is an address too, and back returns to page 1.
    await page.locator('[data-testid="filter-board"]').selectOption('');
    await page.locator('[data-testid="targets-pages"] button').last().click();
    await expect.poll(() => page.url(), patience).toContain('page=2');
    await expect
      .poll(() => page.locator('[data-testid="targets-list"] > li').first().innerText(), patience)
      .toContain('第 21 名');
    await saveScreenshot(page, 'targets-page-2');
    await page.goBack();
    await expect
      .poll(() => page.locator('[data-testid="targets-list"] > li').first().innerText(), patience)
      .toContain('第 1 名');

    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('asks for a scope first, and shows a district with its gaps, firms and parks', async () => {
    const { page, pageErrors } = await openApp(browser, api, 'analyst', '#/targets');
    await page.locator('[data-testid="targets-choose-scope"]').waitFor();

    await page.goto(`${api.baseUrl}/#/districts`);
    await page.locator('[data-testid="districts-table"]').waitFor();
    expect(await page.locator('[data-testid^="district-row-"]').count()).toBeGreaterThanOrEqual(20);
    await saveScreenshot(page, 'districts-list');

    await page.locator('[data-testid="district-row-zone-chengdu-hi-tech"] a').first().click();
    await expect
      .poll(() => page.locator('[data-testid="district-title"]').innerText(), patience)
      .toContain('成都高新区');
    await page.locator('[data-testid="district-gaps"]').waitFor();
    await page.locator('[data-testid="district-chains"]').waitFor();
    expect(await page.locator('[data-testid="district-gap-summary"]').innerText()).toMatch(/强链 \d+ 个/);
    await saveScreenshot(page, 'district-hi-tech');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
