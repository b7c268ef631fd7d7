import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

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

describe('the web app against the real server', () => {
  it('lists the chains by ecosystem in Chinese and opens a chain map', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(api.baseUrl);

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
    await page.goto(api.baseUrl);
    await page.locator('[data-testid^="chain-card-"]').first().waitFor();
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Integrated circuit');
    await page.close();
  });
});
