import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { z } from 'zod';
import { createApp } from '../api/src/app.ts';
import { loadConfig, projectRoot } from '../api/src/config.ts';
import { createDatabase } from '../api/src/graph/database.ts';
import { demoPassword, ensureDemoUsers } from '../api/src/graph/demo-users.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { chainListSchema } from '../api/src/http/schemas/catalog.schemas.ts';
import type { GraphEdge, GraphNode, Neighbourhood } from '../api/src/http/schemas/graph.schemas.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { freePort } from '../test/support/free-port.ts';

/**
 * Render benchmark of the web app's two canvases in headless Chromium against the real server on the seed
 * graph: layout and first draw of every chain map, and of a 3,000-element neighbourhood canvas. Each canvas
 * reports its own time (`data-render-ms`, from creating the Cytoscape instance to the frame after its first
 * render), so network and React time are left out. Writes the figures into docs/benchmarks.md between the
 * `web-bench` markers.
 */

/** The goal for every chain map. */
const chainBudgetMs = 1000;
/** Neighbourhood size measured: the canvas after many expansions (the API answers at most 500 nodes at once). */
const neighbourhoodNodes = 1000;
const neighbourhoodEdges = 2000;
const neighbourhoodRuns = 3;
const centreEnterprise = '688981.SH';

interface ChainRow {
  id: string;
  name: string;
  elements: number;
  ms: number;
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/`);
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(demoPassword);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.locator('[data-testid="app-nav"]').waitFor();
}

/**
 * Opens a view afresh (a full load, so no canvas of the previous view is still on the page), waits for its
 * canvas and returns the canvas's own time and element count.
 */
async function renderTime(
  page: Page,
  url: string,
  canvas: string,
): Promise<{ ms: number; elements: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  const ready = page.locator(`[data-testid="${canvas}"][data-state="ready"]`);
  await ready.waitFor({ timeout: 120_000 });
  return {
    ms: z.coerce.number().parse(await ready.getAttribute('data-render-ms')),
    elements: z.coerce.number().parse(await ready.getAttribute('data-elements')),
  };
}

/** The UMD build of Cytoscape, loaded into a blank page for the baseline. */
const cytoscapeScript = createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js');

/**
 * The baseline of the same run: bare Cytoscape in a blank page of the same browser, with `nodes` nodes and
 * `edges` edges, the default style and the `grid` layout, timed the same way as the app's canvases (creation to
 * the frame after the first render). What the app adds on top is its styles, its layouts and its labels.
 */
async function bareCytoscapeTime(page: Page, nodes: number, edges: number): Promise<number> {
  await page.goto('about:blank');
  await page.setContent('<div id="cy" style="width:1400px;height:760px"></div>');
  await page.addScriptTag({ path: cytoscapeScript });
  // Runs in the page, as text: the benchmark itself is compiled without the DOM's types.
  const script = `new Promise((resolve) => {
    const elements = [];
    for (let i = 0; i < ${nodes}; i++) elements.push({ data: { id: 'n' + i, label: '节点 ' + i } });
    for (let i = 0; i < ${edges}; i++)
      elements.push({ data: { id: 'e' + i, source: 'n' + (i % ${nodes}), target: 'n' + ((i * 7 + 1) % ${nodes}) } });
    const started = performance.now();
    window.cytoscape({ container: document.getElementById('cy'), elements, layout: { name: 'grid' } });
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
  })`;
  const ms = z.number().parse(await page.evaluate(script));
  return Math.round(ms);
}

/** A synthetic neighbourhood of the given size around the centre, shaped like the API's answers. */
function syntheticNeighbourhood(centre: string, nodeCount: number, edgeCount: number): Neighbourhood {
  const centreId = `enterprise:${centre}`;
  const nodes: GraphNode[] = [
    { id: centreId, kind: 'enterprise', key: centre, label: '中芯国际', local: false, depth: 0 },
  ];
  const kinds = ['enterprise', 'enterprise', 'enterprise', 'link', 'district'] as const;
  for (let i = 1; i < nodeCount; i++) {
    const kind = kinds[i % kinds.length] ?? 'enterprise';
    nodes.push({
      id: `${kind}:bench-${i}`,
      kind,
      key: `bench-${i}`,
      label: `节点 ${i}`,
      local: i % 3 === 0,
      depth: i <= nodeCount / 5 ? 1 : 2,
    });
  }
  const edges: GraphEdge[] = [];
  // Every node hangs off an earlier one (a tree), the rest of the edges join random pairs.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++) {
    const parent = i <= nodeCount / 5 ? 0 : 1 + Math.floor(random() * (nodeCount / 5));
    const source = nodes[parent]?.id ?? centreId;
    const target = nodes[i]?.id ?? centreId;
    edges.push({ id: `SUPPLIES:${source}->${target}`, source, target, type: 'SUPPLIES' });
  }
  while (edges.length < edgeCount) {
    const a = nodes[1 + Math.floor(random() * (nodeCount - 1))]?.id ?? centreId;
    const b = nodes[1 + Math.floor(random() * (nodeCount - 1))]?.id ?? centreId;
    if (a !== b)
      edges.push({ id: `IN_LINK:${a}->${b}:${edges.length}`, source: a, target: b, type: 'IN_LINK' });
  }
  return { center: centreId, nodes, edges, truncated: true };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};

async function main(): Promise<void> {
  const config = loadConfig({});
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-web-bench-'));
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCacheMiB: 256,
  });
  const db = createDatabase(connection);
  let server: Server | undefined;
  const { browser, close: closeBrowser } = await launchBrowser();
  try {
    await applyMigrations(db);
    await loadSeedGraph(db, await readSeedGraph(config.seedDir));
    await ensureDemoUsers(db);
    const app = createApp({
      db,
      logger: { error: (message: string) => process.stderr.write(`${message}\n`) },
      webDir: config.webDir,
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl);
    const stored = z.string().parse(await page.evaluate("sessionStorage.getItem('chainscout.session')"));
    const bearer = z.object({ token: z.string() }).parse(JSON.parse(stored)).token;
    const get = async <T>(urlPath: string, schema: z.ZodType<T>): Promise<T> => {
      const response = await fetch(`${baseUrl}${urlPath}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      return schema.parse(await response.json());
    };

    const chains = (await get('/api/chains', chainListSchema)).items;
    // One unmeasured pass warms the server's read cache and the browser's code cache.
    const first = chains[0];
    if (first) await renderTime(page, `${baseUrl}/#/chains/${first.id}`, 'chain-map');
    const rows: ChainRow[] = [];
    for (const chain of chains) {
      const { ms, elements } = await renderTime(page, `${baseUrl}/#/chains/${chain.id}`, 'chain-map');
      rows.push({ id: chain.id, name: chain.name, elements, ms });
      process.stdout.write(
        `${chain.id.padEnd(36)} ${String(rows.at(-1)?.elements).padStart(5)} elements  ${ms} ms\n`,
      );
    }

    const largest = [...rows].sort((a, b) => b.elements - a.elements)[0];
    // The largest map's elements are about one node per two (links, external links, group boxes and edges).
    const baselineChainMs = await bareCytoscapeTime(
      page,
      Math.ceil((largest?.elements ?? 0) / 2),
      Math.floor((largest?.elements ?? 0) / 2),
    );
    const baselineNeighbourhoodMs = await bareCytoscapeTime(page, neighbourhoodNodes, neighbourhoodEdges);
    process.stdout.write(
      `baseline, bare Cytoscape: ${largest?.elements ?? 0} elements ${baselineChainMs} ms, ${neighbourhoodNodes + neighbourhoodEdges} elements ${baselineNeighbourhoodMs} ms\n`,
    );

    const neighbourhood = syntheticNeighbourhood(centreEnterprise, neighbourhoodNodes, neighbourhoodEdges);
    const body = JSON.stringify(neighbourhood);
    await page.route('**/api/graph/neighbourhood?**', (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const neighbourhoodTimes: number[] = [];
    for (let run = 0; run < neighbourhoodRuns; run++) {
      const { ms } = await renderTime(
        page,
        `${baseUrl}/#/enterprises/${centreEnterprise}`,
        'enterprise-canvas',
      );
      neighbourhoodTimes.push(ms);
    }
    process.stdout.write(
      `neighbourhood ${neighbourhoodNodes + neighbourhoodEdges} elements: ${neighbourhoodTimes.join(', ')} ms\n`,
    );
    await context.close();
    await writeReport(rows, neighbourhoodTimes, {
      chain: baselineChainMs,
      neighbourhood: baselineNeighbourhoodMs,
    });
  } finally {
    await closeBrowser();
    const closing = server;
    if (closing) {
      closing.closeIdleConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
    await db.close();
    await connection.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function writeReport(
  rows: ChainRow[],
  neighbourhoodTimes: number[],
  baseline: { chain: number; neighbourhood: number },
): Promise<void> {
  const times = rows.map((r) => r.ms);
  const largest = [...rows].sort((a, b) => b.elements - a.elements)[0];
  const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
  const over = rows.filter((r) => r.ms > chainBudgetMs);
  const section = [
    '<!-- web-bench:start -->',
    '## Web canvases (`npm run bench:web`)',
    '',
    `Written on ${new Date().toISOString().slice(0, 10)}: headless Chromium (canvas renderer, 1400×900) against the API on the seed graph, both on this machine. Each time is the canvas's own measure, from creating the Cytoscape instance to the frame after its first render (layout included), so network and React time are left out; one warm-up view first.`,
    '',
    `- Chain maps (all ${rows.length}): p50 ${percentile(times, 50)} ms, max ${Math.max(0, ...times)} ms (${slowest?.id ?? '–'}); ${over.length === 0 ? `every map within the ${chainBudgetMs} ms goal` : `${over.length} over the ${chainBudgetMs} ms goal: ${over.map((r) => r.id).join(', ')}`}.`,
    `- Largest chain map: ${largest?.id ?? '–'} (${largest?.name ?? ''}), ${largest?.elements ?? 0} Cytoscape elements, ${largest?.ms ?? 0} ms.`,
    `- Baseline in the same run and browser: bare Cytoscape (default style, grid layout) drew as many elements as the largest map in ${baseline.chain} ms, and ${neighbourhoodNodes + neighbourhoodEdges} elements in ${baseline.neighbourhood} ms.`,
    `- Neighbourhood canvas, ${neighbourhoodNodes + neighbourhoodEdges} elements (${neighbourhoodNodes} nodes, ${neighbourhoodEdges} edges; a synthetic answer served in place of the API's, which stops at 500 nodes, standing for the canvas after many expansions): ${neighbourhoodTimes.join(' / ')} ms over ${neighbourhoodTimes.length} loads, median ${percentile(neighbourhoodTimes, 50)} ms.`,
    '',
    '| chain | elements | ms |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.id} | ${r.elements} | ${r.ms} |`),
    '',
    `Load average (1, 5, 15 min) at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}.`,
    '<!-- web-bench:end -->',
  ].join('\n');
  const file = path.join(projectRoot, 'docs', 'benchmarks.md');
  const previous = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const marked = /<!-- web-bench:start -->[\s\S]*<!-- web-bench:end -->/;
  const next = marked.test(previous)
    ? previous.replace(marked, section)
    : `${previous.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Web benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
