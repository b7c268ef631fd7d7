import type { z } from 'zod';
import type { Database } from '../../api/src/graph/database.ts';
import {
  createMapEditRepository,
  type EditMeta,
  type MapEditRepository,
} from '../../api/src/graph/map-edit.repository.ts';
import type { ImportContext } from '../import-summary.ts';
import { type ChainRow, chainRowSchema } from './chain-row.ts';
import { type CurrentMap, type MapStep, planChainMap } from './plan-chain-map.ts';

type Item = { line: number; row: ChainRow };

export type ChainRowPipeline = (options: {
  schema: z.ZodType<ChainRow>;
  prepare: (line: number, row: ChainRow) => Item;
  lookup: (items: Item[]) => Promise<undefined>;
  apply: (items: Item[]) => Promise<void>;
}) => Promise<void>;

/**
 * Imports a chain map: the file is compared with the map as a whole (a row may feed a link a later row adds),
 * then each difference is made through the map editor's own operations, dated `asOf`, so every one is a change
 * record that shows in the map as of its date, in the map diff, and can be reverted. Re-importing the same file
 * finds nothing to change; an import stopped half-way leaves the edits made so far, and a re-run makes the rest.
 */
export async function importChains(db: Database, ctx: ImportContext, processRows: ChainRowPipeline) {
  const { request, summary } = ctx;
  const rows: Item[] = [];
  await processRows({
    schema: chainRowSchema,
    prepare: (line, row) => ({ line, row }),
    lookup: async () => undefined,
    async apply(items) {
      rows.push(...items);
    },
  });

  const edits = createMapEditRepository(db);
  const plan = planChainMap(rows, currentMap(await edits.readCurrentMap()));
  for (const rejection of plan.rejected) ctx.reject(rejection);
  summary.rejected.sort((a, b) => a.line - b.line);
  for (const outcome of plan.outcomes.values()) {
    summary.accepted++;
    summary[outcome]++;
  }
  if (request.dryRun) return;

  const meta: EditMeta = {
    actor: request.actor ?? 'system',
    date: summary.asOf,
    note: `import of ${request.input.name} (${summary.source})`,
  };
  for (const step of plan.steps) {
    await applyStep(edits, step, meta);
    ctx.progress(1);
  }
}

function currentMap(stored: Awaited<ReturnType<MapEditRepository['readCurrentMap']>>): CurrentMap {
  return {
    ecosystems: stored.ecosystems,
    chains: new Map(stored.chains.map(({ id, ...chain }) => [id, chain])),
    links: new Map(stored.links.map(({ id, ...link }) => [id, link])),
    feeds: new Set(stored.feeds.map((f) => `${f.from}>${f.to}`)),
  };
}

/** One step, made against the chain's version read just before, as an editor reloading the map would. */
async function applyStep(edits: MapEditRepository, step: MapStep, meta: EditMeta): Promise<void> {
  if (step.kind === 'addChain') {
    await edits.addChain(
      { id: step.chainId, name: step.name, nameEn: step.nameEn, ecosystemId: step.ecosystemId },
      meta,
    );
    return;
  }
  const version = await edits.chainVersion(step.chainId);
  switch (step.kind) {
    case 'renameChain':
      await edits.renameChain(step.chainId, { version, name: step.name, nameEn: step.nameEn }, meta);
      return;
    case 'retireChain':
      await edits.retireChain(step.chainId, { version }, meta);
      return;
    case 'addLink':
      await edits.addLink(
        step.chainId,
        { version, id: step.linkId, name: step.name, nameEn: step.nameEn, stage: step.stage },
        meta,
      );
      return;
    case 'renameLink':
      await edits.renameLink(step.linkId, { version, name: step.name, nameEn: step.nameEn }, meta);
      return;
    case 'retireLink':
      await edits.retireLink(step.linkId, { version }, meta);
      return;
    case 'addFeeds':
      await edits.addFeeds({ version, from: step.from, to: step.to }, meta);
      return;
  }
}
