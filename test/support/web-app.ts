import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type TestApi, type TestRole, testPassword, testUsername } from './test-api.ts';

const screenshotDir = path.resolve(import.meta.dirname, '../e2e/screenshots');

export interface AppPage {
  page: Page;
  /** Uncaught errors thrown in the page; a journey should end with none. */
  pageErrors: string[];
}

/**
 * A fresh browser context (its own sessionStorage) logged in as a test user through the login form,
 * then at `hash` (`#/targets?chain=…`). Two contexts are two people at two desks.
 */
export async function openApp(
  browser: Browser,
  api: TestApi,
  as: Exclude<TestRole, 'anonymous'>,
  hash = '#/',
): Promise<AppPage> {
  // Creates the test user if this is its first use.
  await api.headersFor(as);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${api.baseUrl}/${hash}`);
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.locator('input[name="username"]').fill(testUsername(as));
  await page.locator('input[name="password"]').fill(testPassword);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.locator('[data-testid="app-nav"]').waitFor();
  return { page, pageErrors };
}

/** Saves a full-page screenshot under test/e2e/screenshots/ (git-ignored) for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
