import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi, testUsername } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

const webDir = loadConfig({}).webDir;
// The machine running the suite may be busy: give each wait for the API time to answer.
const patience = { timeout: 20_000, interval: 200 };
const target = '603290.SH'; // 斯达半导: the seed suggests 双流区 + 成都高新区 for it
const shuangliu: { district: string } = { district: '510116' };
const hiTech: { district: string } = { district: 'zone-chengdu-hi-tech' };
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
    `MATCH (p:Proposal) WHERE p.createdBy IN $users
     OPTIONAL MATCH (p)-[:HAS_STEP|RESULTED_IN]->(x)
     OPTIONAL MATCH (c:Change {entityType: 'Proposal'}) WHERE c.entityId = p.id
     DETACH DELETE x, c, p`,
    { users: [testUsername(shuangliu), testUsername(hiTech)] },
    () => null,
  );
  await closeBrowser?.();
  await api?.close();
});

const state = (page: Page) => page.locator('[data-testid="proposal-state"]').innerText();

/** Waits for the proposal to reach a state, or fails with the error the page shows instead. */
async function expectState(page: Page, expected: string): Promise<void> {
  const alert = page.locator('[data-testid="proposal-actions"] [role="alert"]');
  await page
    .locator(
      `[data-testid="proposal-state"]:text-is("${expected}"), [data-testid="proposal-actions"] [role="alert"]`,
    )
    .first()
    .waitFor({ timeout: 20_000 });
  const shown = (await alert.count()) > 0 ? await alert.innerText() : '';
  expect(`${await state(page)} ${shown}`.trim()).toBe(expected);
}
const history = (page: Page) => page.locator('[data-testid="proposal-history"]').innerText();

describe('joint attraction', () => {
  it('two districts take a proposal from the share calculator to an agreement, each seeing the other', async () => {
    const sl = await openApp(browser, api, shuangliu, `#/joint/${target}`);
    await sl.page.locator('[data-testid="joint-fit"]').waitFor();
    expect(await sl.page.locator('[data-testid="joint-fit"]').innerText()).toContain('双流区');
    const coalition = sl.page.locator(
      '[data-testid^="coalition-"][data-testid*="510116"][data-testid*="zone-chengdu-hi-tech"]',
    );
    await coalition.waitFor();
    if (await coalition.locator('button').count()) await coalition.locator('button').click();

    // The five rules side by side; the Shapley split of the worked example.
    const chart = sl.page.locator('[data-testid="share-chart"]');
    await chart.waitFor();
    for (const rule of ['shapley', 'fixed', 'weighted', 'stock', 'taper']) {
      await sl.page.locator(`[data-testid="chart-row-${rule}"]`).waitFor();
    }
    await expect.poll(() => chart.innerText(), patience).toContain('88.6%');
    await sl.page.locator('[data-testid="year-table-510116"]').waitFor();
    await saveScreenshot(sl.page, 'joint-calculator');

    // 双流区 drafts on the fixed split and proposes it.
    await sl.page.locator('[data-testid="rule-fixed"]').click();
    await expect.poll(() => sl.page.url(), patience).toContain('rule=fixed');
    await sl.page.locator('[data-testid="draft-fixed"]').click();
    await expectState(sl.page, '草稿');
    const proposalHash = new URL(sl.page.url()).hash;
    expect(proposalHash).toMatch(/^#\/proposals\/[0-9a-f-]{36}$/);
    await sl.page.locator('[data-testid="action-propose"]').click();
    await expectState(sl.page, '已提出');

    // 成都高新区 finds it waiting in its inbox and counters 60 : 40.
    const ht = await openApp(browser, api, hiTech, '#/proposals');
    await ht.page.locator('[data-testid="box-awaiting"][aria-selected="true"]').waitFor();
    const row = ht.page.locator(`[data-testid="proposal-row-${proposalHash.split('/').pop()}"]`);
    await row.waitFor();
    await saveScreenshot(ht.page, 'proposals-inbox');
    await row.locator('a').first().click();
    await expect.poll(() => history(ht.page), patience).toContain('提出');
    await ht.page.locator('[data-testid="action-counter"]').click();
    await ht.page.locator('[data-testid="counter-share-510116"]').fill('60');
    await ht.page.locator('[data-testid="counter-share-zone-chengdu-hi-tech"]').fill('40');
    await ht.page.locator('[data-testid="counter-note"]').fill('高新区提供配套企业，要求四成');
    await ht.page.locator('[data-testid="counter-send"]').click();
    await expectState(ht.page, '已还价');
    expect(await ht.page.locator('[data-testid="proposal-terms"]').innerText()).toContain('双流区 60%');

    // 双流区 reloads, sees the counter with its note, and accepts.
    await sl.page.reload();
    await expect.poll(() => history(sl.page), patience).toContain('高新区提供配套企业');
    expect(await history(sl.page)).toContain('还价');
    await sl.page.locator('[data-testid="action-accept"]').click();
    await expectState(sl.page, '已达成');
    await saveScreenshot(sl.page, 'proposal-agreed');

    // 成都高新区's page is now stale: its reject meets a 409, explained, and a reload shows the agreement.
    await ht.page.locator('[data-testid="action-reject"]').click();
    await ht.page.locator('[data-testid="proposal-conflict"]').waitFor();
    expect(await ht.page.locator('[data-testid="proposal-conflict"]').innerText()).toContain(
      '已被其他人修改',
    );
    await saveScreenshot(ht.page, 'proposal-conflict');
    await ht.page.locator('[data-testid="proposal-reload"]').click();
    await expectState(ht.page, '已达成');
    expect(await history(ht.page)).toContain('同意');

    expect(sl.pageErrors).toEqual([]);
    expect(ht.pageErrors).toEqual([]);
    await sl.page.context().close();
    await ht.page.context().close();
  });
});
