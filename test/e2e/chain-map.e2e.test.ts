import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi, testPassword, testUsername } from '../support/test-api.ts';

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
