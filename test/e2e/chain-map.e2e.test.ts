import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { chainDetailSchema, chainListSchema } from '../../api/src/http/schemas/catalog.schemas.ts';
import { mapChangeResponseSchema } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { chainGapsSchema } from '../../api/src/http/schemas/matcher.schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import { readMapChangeSequence, restoreMapChangeSequence } from '../support/map-change-sequence.ts';
import { startTestApi, type TestApi, testPassword, testUsername } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

const webDir = loadConfig({}).webDir;
let api: TestApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(`${webDir}/index.html`))
    throw new Error(`No web build in ${webDir}: run \`npm run build:web\` first.`);
  api = await startTestApi({ webDir });
  // Creates the test analyst, who logs in through the form below.
  await api.headersFor('analyst');
  ({ browser, close: closeBrowser } = await launchBrowser());
});

/** Opens the app, which asks for a login first, and logs in through the form. */
async function logIn(page: Page, password = testPassword): Promise<void> {
  await page.goto(api.baseUrl);
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.locator('input[name="username"]').fill(testUsername('analyst'));
  await page.locator('input[name="password"]').fill(password);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
}
afterAll(async () => {
  await closeBrowser?.();
  await api?.close();
});

describe('the web app against the real server', () => {
  it('lists the chains by ecosystem in Chinese and opens a chain map', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await logIn(page);

    await page.locator('[data-testid^="chain-card-"]').first().waitFor();
    expect(await page.locator('[data-testid^="chain-card-"]').count()).toBe(28);
    expect(await page.locator('[data-testid^="ecosystem-"]').count()).toBe(8);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('body').innerText()).toContain('集成电路');

    await page.locator('[data-testid="chain-card-integrated-circuit"]').click();
    await page.locator('[data-testid="chain-map"] canvas').first().waitFor();
    await page.locator('[data-testid="chain-map-legend"]').waitFor();
    const text = await page.locator('body').innerText();
    for (const stage of ['上游', '中游', '下游']) expect(text).toContain(stage);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('switches to English', async () => {
    const page = await browser.newPage();
    await logIn(page);
    await page.locator('[data-testid^="chain-card-"]').first().waitFor();
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Integrated circuit');
    await page.close();
  });

  it('asks for a login, refuses a wrong password, shows who is logged in, and logs out', async () => {
    const page = await browser.newPage();
    await logIn(page, 'not-the-password');
    await expect
      .poll(() => page.locator('[data-testid="login-error"]').innerText())
      .toContain('用户名或密码错误');
    expect(await page.locator('[data-testid^="chain-card-"]').count()).toBe(0);

    await page.locator('input[name="password"]').fill(testPassword);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.locator('[data-testid^="chain-card-"]').first().waitFor();
    expect(await page.locator('[data-testid="user-name"]').innerText()).toBe(testUsername('analyst'));
    expect(await page.locator('[data-testid="user-menu"]').innerText()).toContain('市级分析员');

    // A reload keeps the session (sessionStorage); logging out ends it.
    await page.reload();
    await page.locator('[data-testid^="chain-card-"]').first().waitFor();
    await page.locator('[data-testid="log-out"]').click();
    await page.locator('[data-testid="login-form"]').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('chainscout.session')")).toBeNull();
    await page.close();
  });
});

/** Journeys through several views on a shared 2-core machine; the first health and gap reads are cold. */
const journeyTimeout = 180_000;

describe('overview: chain health and search', () => {
  beforeAll(async () => {
    // The first health read analyses all 28 chains; warm it so the journey measures the page, not the cold read.
    await api.get('/api/chains/health');
  }, journeyTimeout);

  it(
    'shows every chain’s strong, weak and missing links and finds things by partial Chinese names',
    async () => {
      const { page, pageErrors } = await openApp(browser, api, 'analyst');
      await page.locator('[data-testid="chain-health-integrated-circuit"]').waitFor();
      expect(await page.locator('[data-testid^="chain-health-"]').count()).toBeGreaterThanOrEqual(28);
      const counts = await page.locator('[data-testid="chain-health-integrated-circuit"]').innerText();
      for (const label of ['强链', '弱链', '缺链']) expect(counts).toContain(label);
      await expect
        .poll(() => page.locator('[data-testid="chain-health-totals"]').innerText())
        .toContain('缺链');
      await saveScreenshot(page, 'overview-health');

      await page.locator('[data-testid="overview-search"]').fill('集成');
      await page.locator('[data-testid="search-hit-chain-integrated-circuit"]').waitFor();
      expect(page.url()).toContain('q=%E9%9B%86%E6%88%90');
      await saveScreenshot(page, 'overview-search');

      // A link hit opens its chain's map with the link selected.
      await page.locator('[data-testid="overview-search"]').fill('武侯');
      await page.locator('[data-testid="search-hit-district-510107"]').waitFor();
      await page.goBack();
      await expect.poll(() => page.locator('[data-testid="overview-search"]').inputValue()).toBe('集成');
      await page.locator('[data-testid="search-hit-chain-integrated-circuit"]').click();
      await page.locator('[data-testid="chain-map"][data-state="ready"]').waitFor();
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    journeyTimeout,
  );
});

describe('chain map: gap classes, link panel and the map on a date', () => {
  // The chain with the most local firms: its links have local firms and gaps worth targeting.
  let chainId = '';
  const addedLink = 'zz-e2e-chain-map-link';
  const changeIds: string[] = [];
  let sequenceBefore: number | null = null;

  beforeAll(async () => {
    const chains = chainListSchema.parse((await api.get('/api/chains')).body).items;
    const richest = [...chains].sort((a, b) => b.localEnterpriseCount - a.localEnterpriseCount)[0];
    if (!richest) throw new Error('The seed graph has no chain');
    chainId = richest.id;
    await api.get(`/api/chains/${chainId}/gaps`);
  }, journeyTimeout);

  afterAll(async () => {
    await api.db.write(
      'MATCH (m:MapChange) WHERE m.id IN $ids OR m.reverts IN $ids DETACH DELETE m',
      { ids: changeIds },
      () => null,
    );
    await api.db.write(
      "MATCH (c:Change) WHERE c.action STARTS WITH 'map.' AND c.entityId = $id DELETE c",
      { id: addedLink },
      () => null,
    );
    await api.db.write('MATCH (l:Link {id: $id}) DETACH DELETE l', { id: addedLink }, () => null);
    await restoreMapChangeSequence(api.db, sequenceBefore);
  });

  it(
    'colours links by gap class, shows a clicked link’s local firms and targets with reasons',
    async () => {
      const gaps = chainGapsSchema.parse((await api.get(`/api/chains/${chainId}/gaps`)).body);
      const link = gaps.links.find((candidate) => candidate.local.enterpriseCount > 0);
      if (!link) throw new Error(`The seed chain ${chainId} has no link with a local firm`);

      const { page, pageErrors } = await openApp(browser, api, 'analyst', `#/chains/${chainId}`);
      await page.locator('[data-testid="chain-map"][data-state="ready"]').waitFor();
      const legend = await page.locator('[data-testid="chain-map-gap-legend"]').innerText();
      for (const label of ['强链', '弱链', '缺链']) expect(legend).toContain(label);

      await page.locator(`[data-testid="link-row-${link.id}"] button`).click();
      await expect.poll(() => page.url()).toContain(`link=${link.id}`);
      await expect.poll(() => page.locator('[data-testid="link-panel-name"]').innerText()).toBe(link.name);
      await page.locator('[data-testid="link-local-firms"] a').first().waitFor();
      const firmHref = await page.locator('[data-testid="link-local-firms"] a').first().getAttribute('href');
      expect(firmHref).toMatch(/^#\/enterprises\//);
      expect(await page.locator('[data-testid="link-gap"]').innerText()).toContain(link.reason.slice(0, 6));

      await page.locator('[data-testid="link-targets"] li').first().waitFor({ timeout: 90_000 });
      const firstTarget = page.locator('[data-testid^="link-target-"]').first();
      expect((await firstTarget.locator('ul li').count()) > 0).toBe(true);
      expect(await page.locator('[data-testid="link-targets-all"]').getAttribute('href')).toBe(
        `#/targets?chain=${chainId}&link=${link.id}`,
      );
      await saveScreenshot(page, 'chain-map-link-panel');

      // The selection is in the address: a reload shows the same link.
      await page.reload();
      await expect.poll(() => page.locator('[data-testid="link-panel-name"]').innerText()).toBe(link.name);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    journeyTimeout,
  );

  it(
    'shows the map as of a date and what changed in the chain since',
    async () => {
      sequenceBefore = await readMapChangeSequence(api.db);
      const chain = chainDetailSchema.parse((await api.get(`/api/chains/${chainId}`)).body);
      const today = new Date().toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const added = await api.request('POST', `/api/admin/chains/${chainId}/links`, {
        body: {
          version: chain.version,
          id: addedLink,
          name: '端到端测试环节',
          nameEn: 'End-to-end test link',
          stage: 'downstream',
          date: today,
        },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      changeIds.push(mapChangeResponseSchema.parse(added.body).id);

      const { page, pageErrors } = await openApp(browser, api, 'analyst', `#/chains/${chainId}`);
      await page.locator('[data-testid="chain-map"][data-state="ready"]').waitFor();
      await page.locator('[data-testid="chain-map-asof"]').fill(yesterday);
      await expect.poll(() => page.url()).toContain(`asOf=${yesterday}`);
      await page.locator('[data-testid="chain-map-historic"]').waitFor();
      await page.locator('[data-testid="chain-change-changesLinksAdded"]').waitFor();
      expect(await page.locator('[data-testid="chain-map-changes"]').innerText()).toContain('端到端测试环节');
      await page.locator('[data-testid="chain-map"][data-state="ready"]').waitFor();
      // The past map does not have the link added today.
      expect(await page.locator(`[data-testid="link-row-${addedLink}"]`).count()).toBe(0);
      await saveScreenshot(page, 'chain-map-as-of');

      await page.locator('[data-testid="chain-map-asof-today"]').click();
      await page.locator(`[data-testid="link-row-${addedLink}"]`).waitFor();
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    journeyTimeout,
  );
});
