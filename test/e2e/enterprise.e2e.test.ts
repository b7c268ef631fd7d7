import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { chainGapsSchema } from '../../api/src/http/schemas/matcher.schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

const webDir = loadConfig({}).webDir;
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
  await closeBrowser?.();
  await api?.close();
});

/** SMIC (中芯国际) has 32 suppliers in the seed graph: more than one expansion step of 25. */
const enterpriseId = '688981.SH';
/** A first picture of ten nodes leaves most suppliers for the expansions. */
const view = `#/enterprises/${enterpriseId}?limit=10`;
const journeyTimeout = 180_000;

const nodeCount = async (page: Page) =>
  Number(await page.locator('[data-testid="canvas-counts"]').getAttribute('data-nodes'));

describe('enterprise view', () => {
  it(
    'shows the profile with the provenance of each fact',
    async () => {
      const { page, pageErrors } = await openApp(browser, api, 'analyst', `#/enterprises/${enterpriseId}`);
      await expect
        .poll(() => page.locator('[data-testid="enterprise-name"]').innerText())
        .toContain('中芯国际');
      await page.locator('[data-testid="enterprise-profile"]').waitFor();
      expect(await page.locator('[data-testid="provenance"]').count()).toBeGreaterThan(3);
      const suppliers = page.locator('[data-testid="enterprise-supplied-by"]');
      expect(await suppliers.innerText()).toContain('第 1 / 4 页');
      await suppliers.getByRole('button', { name: '下一页' }).click();
      await expect.poll(() => page.url()).toContain('bp=2');
      await saveScreenshot(page, 'enterprise-profile');
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    journeyTimeout,
  );

  it(
    'expands the neighbourhood with a cap, shows more, hides and undoes, exports a PNG, drops a search hit',
    async () => {
      const gaps = chainGapsSchema.parse((await api.get('/api/chains/integrated-circuit/gaps')).body);
      const hub = [...gaps.links].sort((a, b) => b.poolSize - a.poolSize)[0];
      // More firms than one expansion step of 25, so that "show more" has something to add.
      if (!hub || hub.poolSize <= 25)
        throw new Error(
          `The seed graph has no integrated-circuit link with more than 25 firms (largest: ${hub?.poolSize})`,
        );

      const { page, pageErrors } = await openApp(browser, api, 'analyst', view);
      await page.locator('[data-testid="enterprise-canvas"][data-state="ready"]').waitFor();
      const start = await nodeCount(page);
      expect(start).toBeGreaterThan(1);

      await page.locator('[data-testid="expand-suppliedBy"]').click();
      await expect.poll(() => nodeCount(page)).toBeGreaterThan(start);
      const afterSuppliers = await nodeCount(page);
      expect(afterSuppliers - start).toBeLessThanOrEqual(25);

      // A link holds far more firms than one step shows: drop it from the search, expand it, show more.
      await page.locator('[data-testid="canvas-search"]').fill(hub.name);
      await page.locator(`[data-testid="drop-link:${hub.id}"]`).click();
      await expect.poll(() => nodeCount(page)).toBe(afterSuppliers + 1);
      await expect.poll(() => page.locator('[data-testid="canvas-focus"]').innerText()).toContain(hub.name);
      await page.locator('[data-testid="expand-links"]').click();
      await expect.poll(() => nodeCount(page)).toBeGreaterThan(afterSuppliers + 1);
      const afterExpand = await nodeCount(page);
      expect(afterExpand - (afterSuppliers + 1)).toBe(25);
      await page.locator('[data-testid="show-more"]').click();
      await expect.poll(() => nodeCount(page)).toBeGreaterThan(afterExpand);
      const afterMore = await nodeCount(page);
      await saveScreenshot(page, 'enterprise-expanded');

      // The nodes just added are selected: hiding removes them, undo brings them back.
      await page.locator('[data-testid="hide-selected"]').click();
      await expect.poll(() => nodeCount(page)).toBe(afterExpand);
      await page.locator('[data-testid="undo"]').click();
      await expect.poll(() => nodeCount(page)).toBe(afterMore);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-png"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`neighbourhood-${enterpriseId}.png`);
      const file = await download.path();
      const bytes = await readFile(file);
      // PNG signature.
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

      await page.locator('[data-testid="canvas-search"]').fill('京东方');
      await expect.poll(() => page.url()).toContain(encodeURIComponent('京东方'));
      await page.locator('[data-testid="drop-enterprise:000725.SZ"]').click();
      await expect.poll(() => nodeCount(page)).toBe(afterMore + 1);
      await expect.poll(() => page.locator('[data-testid="canvas-focus"]').innerText()).toContain('京东方');
      expect(await page.locator('[data-testid="drop-enterprise:000725.SZ"]').isDisabled()).toBe(true);
      expect(page.url()).toContain('q=');
      await page.locator('[data-testid="expand-links"]').click();
      await expect.poll(() => nodeCount(page)).toBeGreaterThan(afterMore + 1);
      await saveScreenshot(page, 'enterprise-search-drop');
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    journeyTimeout,
  );
});
