import type { z } from 'zod';
import type { Database } from '../../api/src/graph/database.ts';
import { createProjectImportRepository } from '../../api/src/graph/project-import.repository.ts';
import type { ImportContext } from '../import-summary.ts';
import { type ProjectState, planProjects, projectIdOf } from './plan-projects.ts';
import { type ProjectRow, projectRowSchema } from './project-row.ts';

type Item = { line: number; row: ProjectRow };
type Found = { projects: ProjectState[]; enterprises: Map<string, string> };

export type RowPipeline = (options: {
  schema: z.ZodType<ProjectRow>;
  prepare: (line: number, row: ProjectRow) => Item;
  lookup: (items: Item[]) => Promise<Found>;
  apply: (items: Item[], found: Found) => Promise<void>;
}) => Promise<void>;

const withoutSuffix = (name: string) => name.replace(/(区|县|市)$/, '');

/**
 * Imports a 六个一批 project list: each row creates a project, updates the facts it names, or moves it as the
 * life-cycle rules allow (a move they do not allow rejects the row). Re-importing the same file changes nothing.
 */
export async function importProjects(db: Database, ctx: ImportContext, processRows: RowPipeline) {
  const repo = createProjectImportRepository(db);
  const { request, summary } = ctx;
  const catalog = await repo.readCatalog();
  const districtsByName = new Map<string, string>();
  for (const d of catalog.districts) {
    districtsByName.set(d.name, d.code);
    if (withoutSuffix(d.name).length >= 2) districtsByName.set(withoutSuffix(d.name), d.code);
  }
  const linksByName = new Map<string, string[]>();
  for (const l of catalog.links) linksByName.set(l.name, [...(linksByName.get(l.name) ?? []), l.id]);
  const schema = projectRowSchema({
    districtCodes: new Set(catalog.districts.map((d) => d.code)),
    districtsByName,
    linkIds: new Set(catalog.links.map((l) => l.id)),
    linksByName,
    parcelIds: new Set(catalog.parcels),
  });
  const year = Number(summary.asOf.slice(0, 4));
  let carried: ProjectState[] = [];
  await processRows({
    schema,
    prepare: (line, row) => ({ line, row }),
    async lookup(items) {
      const ids = items.map(
        ({ row }) => row.id ?? projectIdOf(row.year ?? year, row.name, row.districts[0] ?? ''),
      );
      const refs = [
        ...new Set(items.flatMap(({ row }) => (row.enterprise === undefined ? [] : [row.enterprise]))),
      ];
      const [projects, enterprises] = await Promise.all([
        repo.findProjects([...new Set(ids)]),
        refs.length === 0 ? Promise.resolve(new Map<string, string>()) : repo.findEnterprises(refs),
      ]);
      return { projects, enterprises };
    },
    async apply(items, found) {
      const states = new Map(found.projects.map((p) => [p.id, p]));
      for (const w of carried) states.set(w.id, w);
      const plan = planProjects(items, [...states.values()], { year, enterprises: found.enterprises });
      for (const r of plan.rejected) ctx.reject(r);
      for (const result of plan.results) {
        summary.accepted++;
        summary[result.outcome]++;
      }
      if (!request.dryRun) {
        await repo.writeProjects(plan.writes, {
          source: summary.source,
          asOf: summary.asOf,
          file: request.input.name,
          actor: request.actor ?? 'system',
        });
      }
      carried = plan.after;
      ctx.progress(plan.writes.length);
    },
  });
}
