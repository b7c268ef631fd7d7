import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import {
  landParcelListSchema,
  projectDetailSchema,
  rankingSchema,
} from '../../api/src/http/schemas/project.schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';
import { openApp, saveScreenshot } from '../support/web-app.ts';

/**
 * The project life cycle in the browser: the 招引洽谈 list, a refused and an accepted move, the timeline, the
 * district's ranking inputs, handling an alert and reviving a parcel. The projects it needs are made through
 * the API in this year's list of 锦江区 (510104) and removed afterwards, with what the journey made.
 */

const webDir = loadConfig({}).webDir;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const district = '510104';
const created: string[] = [];
let api: TestApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let landing: { id: string; name: string };
let overdue: { id: string; name: string };

async function createProject(body: Record<string, unknown>) {
  const response = await api.request('POST', '/api/projects', { body });
  if (response.status !== 201)
    throw new Error(`create failed ${response.status}: ${JSON.stringify(response.body)}`);
  const project = projectDetailSchema.parse(response.body);
  created.push(project.id);
  return project;
}

async function onTimeStartInputs(): Promise<{ numerator: number; denominator: number }> {
  const ranking = rankingSchema.parse((await api.get(`/api/rankings?period=${year}`)).body);
  const metric = ranking.items
    .find((item) => item.districtCode === district)
    ?.metrics.find((m) => m.key === 'onTimeStart');
  if (!metric) throw new Error(`District ${district} has no on-time start metric in ${year}`);
  return metric;
}

beforeAll(async () => {
  if (!existsSync(`${webDir}/index.html`))
    throw new Error(`No web build in ${webDir}: run \`npm run build:web\` first.`);
  api = await startTestApi({ webDir });
  ({ browser, close: closeBrowser } = await launchBrowser());
  landing = await createProject({
    name: '端到端测试落地项目',
    year,
    districtCodes: [district],
    stage: 'signed',
    planned: { started: today },
    investmentPlannedYi: 6,
    investmentInPlaceYi: 3,
  });
  overdue = await createProject({
    name: '端到端测试逾期项目',
    year,
    districtCodes: [district],
    stage: 'signed',
    planned: { started: `${year - 1}-12-01` },
    investmentPlannedYi: 2,
  });
});

afterAll(async () => {
  if (created.length > 0) {
    await api.db.write(
      `MATCH (p:Project) WHERE p.id IN $ids
       OPTIONAL MATCH (p)-[:HAS_EVENT]->(e:ProjectEvent)
       OPTIONAL MATCH (a:Alert {projectId: p.id})
       OPTIONAL MATCH (a)-[:HAS_ACTION]->(x:AlertAction)
       DETACH DELETE p, e, a, x`,
      { ids: created },
      () => null,
    );
  }
  await closeBrowser?.();
  await api?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).innerText();
// Listing alerts evaluates the rules first, which takes a while on a busy machine.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe('the project life cycle in the browser', () => {
  it('moves a project out of the 招引洽谈 list with a reason, refusing a move the rules do not allow', async () => {
    const before = await onTimeStartInputs();
    const { page, pageErrors } = await openApp(
      browser,
      api,
      'admin',
      `#/projects?year=${year}&batch=attract&district=${district}&view=list`,
    );
    const row = page.locator(`[data-testid="project-row-${landing.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('招引洽谈一批');
    await saveScreenshot(page, 'projects-attract-list');

    await page.locator(`[data-testid="move-${landing.id}"]`).click();
    const dialog = page.locator('[data-testid="move-dialog"]');
    await dialog.locator('[data-testid="move-batch"]').waitFor();
    expect(page.url()).toContain(`move=${landing.id}`);

    // 培优育强 is not a move from 招引洽谈: the refusal says where it may go instead.
    await dialog.locator('[data-testid="move-batch"]').selectOption('grow');
    await dialog.locator('[data-testid="move-reason"]').fill('越级调整测试');
    await dialog.locator('[data-testid="move-submit"]').click();
    await poll(() => text(page, '[data-testid="move-problem"]')).toContain('规则不允许');
    const refusal = await text(page, '[data-testid="move-problem"]');
    expect(refusal).toContain('落地投运一批');
    expect(refusal).toContain('开工');
    await saveScreenshot(page, 'projects-move-refused');

    await dialog.locator('[data-testid="move-batch"]').selectOption('landing');
    await dialog.locator('[data-testid="move-stage"]').selectOption('started');
    await dialog.locator('[data-testid="move-reason"]').fill('已举行开工仪式，转入落地投运');
    await dialog.locator('[data-testid="move-submit"]').click();
    await poll(() => text(page, '[data-testid="projects-notice"]')).toContain(landing.name);
    // It left the 招引洽谈 list.
    await poll(() => row.count()).toBe(0);

    // Its timeline says when, who, from → to and why.
    await page.goto(`${api.baseUrl}/#/projects/${landing.id}`);
    await page.locator('[data-testid="timeline"]').waitFor();
    const timeline = await text(page, '[data-testid="timeline"]');
    expect(timeline).toContain('已举行开工仪式，转入落地投运');
    expect(timeline).toContain('招引洽谈一批 → 落地投运一批');
    expect(timeline).toContain('签约 → 开工');
    expect(timeline).toContain('test-admin');
    expect(timeline).toContain(today);
    expect(await text(page, '[data-testid="project-stage"]')).toBe('开工');
    expect(await text(page, `[data-testid="milestone-started"]`)).toContain('按期');
    expect(await page.locator(`[data-testid="project-district-${district}"]`).getAttribute('href')).toBe(
      `#/districts/${district}`,
    );
    await saveScreenshot(page, 'project-page');

    // The district's on-time start counts it: one more due, one more on time.
    await page.goto(`${api.baseUrl}/#/rankings?year=${year}`);
    const inputs = page.locator(
      `[data-testid="ranking-${district}-onTimeStart"] [data-testid="metric-inputs"]`,
    );
    await inputs.waitFor();
    // It was already due (planned to start today), so only the numerator grows.
    expect(await inputs.innerText()).toContain(`${before.numerator + 1} / ${before.denominator}`);
    await page.locator('[data-testid="score-chart"]').waitFor();
    await saveScreenshot(page, 'rankings');
    await page.locator('[data-testid="lang-switch"]').click();
    await poll(() => text(page, '[data-testid="ranking-table"]')).toContain('On-time start rate');
    expect(await inputs.innerText()).toContain('projects');
    await saveScreenshot(page, 'rankings-en');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('opens the move dialog when a card is dragged to another batch on the board', async () => {
    const { page, pageErrors } = await openApp(
      browser,
      api,
      'admin',
      `#/projects?year=${year}&district=${district}`,
    );
    const card = page.locator(`[data-testid="project-card-${overdue.id}"]`);
    await card.waitFor();
    await saveScreenshot(page, 'projects-board');
    await card.dragTo(page.locator('[data-testid="column-batch-landing"]'));
    const dialog = page.locator('[data-testid="move-dialog"]');
    await dialog.locator('[data-testid="move-batch"]').waitFor();
    expect(await dialog.locator('[data-testid="move-batch"]').inputValue()).toBe('landing');
    expect(page.url()).toContain('toBatch=landing');
    await saveScreenshot(page, 'projects-board-drop');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('acknowledges and resolves an alert, keeping the handling history', async () => {
    const key = `milestone-overdue:${overdue.id}`;
    const { page, pageErrors } = await openApp(browser, api, 'analyst', `#/alerts?project=${overdue.id}`);
    const row = page.locator(`[data-testid="alert-row-${key}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('待处理');
    await page.locator(`[data-testid="alert-open-${key}"]`).click();
    const panel = page.locator('[data-testid="alert-panel"]');
    await panel.waitFor();

    await panel.locator('[data-testid="alert-action-ack"]').check();
    await panel.locator('[data-testid="alert-note"]').fill('已联系企业了解开工计划');
    await panel.locator('[data-testid="alert-submit"]').click();
    await poll(() => text(page, '[data-testid="alert-panel-status"]')).toBe('已确认');
    await saveScreenshot(page, 'alerts-acknowledged');

    await panel.locator('[data-testid="alert-action-resolve"]').check();
    await panel.locator('[data-testid="alert-note"]').fill('企业承诺下月开工，已纳入督办');
    await panel.locator('[data-testid="alert-submit"]').click();
    await poll(() => text(page, '[data-testid="alert-panel-status"]')).toBe('已办结');
    const history = await text(page, '[data-testid="alert-history"]');
    for (const expected of [
      '触发',
      '确认',
      '已联系企业了解开工计划',
      '办结',
      '企业承诺下月开工，已纳入督办',
      'test-analyst',
    ])
      expect(history).toContain(expected);
    await poll(() => row.innerText()).toContain('已办结');
    await saveScreenshot(page, 'alerts');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('makes a project of a target firm and its chain link in one action', async () => {
    const { page, pageErrors } = await openApp(
      browser,
      api,
      'admin',
      `#/projects?year=${year}&district=${district}&new=target`,
    );
    const panel = page.locator('[data-testid="new-project-panel"]');
    await panel.locator('[data-testid="enterprise-search"]').fill('新乳业');
    await panel.locator('[data-testid="enterprise-search"]').press('Enter');
    await panel.locator('input[name="enterprise"][value="002946.SZ"]').check();
    expect(await panel.locator('[data-testid="new-link"]').inputValue()).toBe('food-beverage-dairy');
    expect(await panel.locator('[data-testid="new-district"]').inputValue()).toBe(district);
    await saveScreenshot(page, 'projects-new-from-target');
    await panel.locator('[data-testid="create-project"]').click();
    await page.locator('[data-testid="project-title"]').waitFor();
    created.push(decodeURIComponent(new URL(page.url()).hash.replace('#/projects/', '')));
    expect(await text(page, '[data-testid="project-title"]')).toContain('新乳业');
    expect(await page.locator('[data-testid="project-enterprise"]').getAttribute('href')).toBe(
      '#/enterprises/002946.SZ',
    );
    expect(await text(page, '.projects-meta')).toContain('招引洽谈一批');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('turns an idle parcel into a 激活提升 project and opens it', async () => {
    const parcels = landParcelListSchema.parse(
      (await api.get('/api/land-parcels?status=supplied_unused&limit=200')).body,
    );
    const parcel = parcels.items.find((p) => !p.projects.some((x) => x.batch === 'revive'));
    if (!parcel) throw new Error('The seed has no supplied-but-unused parcel left to revive');
    const { page, pageErrors } = await openApp(
      browser,
      api,
      'admin',
      `#/land-parcels?district=${parcel.districtCode}&status=supplied_unused`,
    );
    await page.locator(`[data-testid="revive-${parcel.id}"]`).click();
    const dialog = page.locator('[data-testid="revive-dialog"]');
    await dialog.locator('[data-testid="revive-reason"]').fill('盘活供而未用土地，引入新项目');
    await saveScreenshot(page, 'land-parcels-revive');
    await dialog.locator('[data-testid="revive-submit"]').click();
    await page.locator('[data-testid="project-title"]').waitFor();
    const projectId = decodeURIComponent(new URL(page.url()).hash.replace('#/projects/', ''));
    created.push(projectId);
    expect(await text(page, '.projects-meta')).toContain('激活提升一批');
    expect(await text(page, '[data-testid="timeline"]')).toContain('盘活供而未用土地，引入新项目');
    await saveScreenshot(page, 'land-parcel-revived');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
