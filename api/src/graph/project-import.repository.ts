import { z } from 'zod';
import type { ProjectState, ProjectWrite } from '../../../importers/projects/plan-projects.ts';
import { milestoneStages, projectBatches, projectStages } from '../domain/projects/project-lifecycle.ts';
import { recordChange } from './audit.ts';
import type { Database } from './database.ts';

/** What the project-list import reads and writes (see importers/projects). */

const catalogSchema = z.object({
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  links: z.array(z.object({ id: z.string(), name: z.string() })),
  parcels: z.array(z.string()),
});

const day = z.string().nullable();
const stateRowSchema = z.object({
  id: z.string(),
  batch: z.enum(projectBatches),
  stage: z.enum(projectStages),
  resumeStage: z.enum(projectStages).nullable(),
  version: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  districts: z.array(z.string()),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  linkId: z.string().nullable(),
  team: z.string().nullable(),
  teamLead: z.string().nullable(),
  planned: z.object({ signed: day, started: day, operating: day, effective: day }),
  actual: z.object({ signed: day, started: day, operating: day, effective: day }),
  investmentPlannedYi: z.number().nullable(),
  investmentInPlaceYi: z.number().nullable(),
  landParcelId: z.string().nullable(),
  landAreaHa: z.number().nullable(),
  jobsPlanned: z.number().int().nullable(),
});

const dates = (d: Record<(typeof milestoneStages)[number], string | null>) => {
  const out: Partial<Record<(typeof milestoneStages)[number], string>> = {};
  for (const m of milestoneStages) {
    const value = d[m];
    if (value !== null) out[m] = value;
  }
  return out;
};

const milestoneMap = (kind: 'planned' | 'actual') =>
  `{${milestoneStages.map((m) => `${m}: toString(p.${kind}${m.charAt(0).toUpperCase()}${m.slice(1)})`).join(', ')}}`;

const milestoneSets = milestoneStages
  .flatMap((m) => {
    const cap = `${m.charAt(0).toUpperCase()}${m.slice(1)}`;
    return [
      `p.planned${cap} = CASE WHEN row.planned.${m} IS NULL THEN null ELSE date(row.planned.${m}) END`,
      `p.actual${cap} = CASE WHEN row.actual.${m} IS NULL THEN null ELSE date(row.actual.${m}) END`,
    ];
  })
  .join(',\n         ');

export function createProjectImportRepository(db: Database) {
  return {
    async readCatalog() {
      const rows = await db.read(
        `RETURN {districts: COLLECT { MATCH (d:District) RETURN d {.code, .name} },
                 links: COLLECT { MATCH (l:Link) WHERE l.validTo IS NULL RETURN l {.id, .name} },
                 parcels: COLLECT { MATCH (lp:LandParcel) RETURN lp.id }} AS row`,
        {},
        (r) => catalogSchema.parse(r.get('row')),
      );
      return rows[0] ?? { districts: [], links: [], parcels: [] };
    },

    findProjects(ids: string[]): Promise<ProjectState[]> {
      return db.read(
        `MATCH (p:Project) WHERE p.id IN $ids
         RETURN p {.id, .batch, .stage, resumeStage: p.resumeStage, version: toInteger(p.version), .name,
                   year: toInteger(p.year),
                   districts: COLLECT { MATCH (p)-[r:IN_DISTRICT]->(d:District)
                                        WITH r, d ORDER BY CASE r.role WHEN 'lead' THEN 0 ELSE 1 END, d.code
                                        RETURN d.code },
                   enterpriseId: head(COLLECT { MATCH (p)-[:BY_ENTERPRISE]->(e:Enterprise) RETURN e.id }),
                   enterpriseName: p.enterpriseName,
                   linkId: head(COLLECT { MATCH (p)-[:IN_CHAIN_LINK]->(l:Link) RETURN l.id }),
                   team: p.team, teamLead: p.teamLead,
                   planned: ${milestoneMap('planned')}, actual: ${milestoneMap('actual')},
                   investmentPlannedYi: p.investmentPlannedYi, investmentInPlaceYi: p.investmentInPlaceYi,
                   landParcelId: head(COLLECT { MATCH (p)-[:ON_PARCEL]->(lp:LandParcel) RETURN lp.id }),
                   landAreaHa: p.landAreaHa, jobsPlanned: toInteger(p.jobsPlanned)} AS row`,
        { ids },
        (r) => {
          const row = stateRowSchema.parse(r.get('row'));
          const { id, batch, stage, resumeStage, version, planned, actual, ...facts } = row;
          return {
            id,
            batch,
            stage,
            resumeStage,
            version,
            facts: { ...facts, planned: dates(planned), actual: dates(actual) },
          };
        },
      );
    },

    /** Firms a file names, by id, stock code, short or full name: each such key → the firm's id. */
    async findEnterprises(refs: string[]): Promise<Map<string, string>> {
      const rows = await db.read(
        `UNWIND $refs AS ref
         CALL (ref) {
           MATCH (e:Enterprise) WHERE e.id = ref OR e.stockCode = ref OR e.fullName = ref OR e.name = ref
           RETURN e.id AS id ORDER BY e.id LIMIT 2
         }
         WITH ref, collect(id) AS ids WHERE size(ids) = 1
         RETURN ref, ids[0] AS id`,
        { refs },
        (r) => [String(r.get('ref')), String(r.get('id'))] as const,
      );
      return new Map(rows);
    },

    /** Writes one batch in one transaction: facts, relationships, a timeline event per change, the audit. */
    async writeProjects(
      writes: ProjectWrite[],
      meta: { source: string; asOf: string; file: string; actor: string },
    ): Promise<void> {
      if (writes.length === 0) return;
      const rows = writes.map((w) => ({
        id: w.id,
        created: w.created,
        batch: w.batch,
        stage: w.stage,
        resumeStage: w.resumeStage,
        version: w.version,
        fromBatch: w.move?.fromBatch ?? null,
        fromStage: w.move?.fromStage ?? null,
        moved: w.move !== null,
        ...w.facts,
      }));
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MERGE (p:Project {id: row.id})
           ON CREATE SET p.createdAt = datetime(), p.origin = 'import', p.createdBy = $actor
           SET p.name = row.name, p.year = toInteger(row.year), p.batch = row.batch, p.stage = row.stage,
               p.resumeStage = row.resumeStage, p.version = toInteger(row.version), p.team = row.team,
               p.teamLead = row.teamLead, p.enterpriseName = row.enterpriseName,
               p.investmentPlannedYi = toFloat(row.investmentPlannedYi),
               p.investmentInPlaceYi = toFloat(row.investmentInPlaceYi), p.landAreaHa = toFloat(row.landAreaHa),
               p.jobsPlanned = toInteger(row.jobsPlanned), p.source = $source, p.asOf = date($asOf),
               p.updatedAt = datetime(),
               ${milestoneSets}
           WITH p, row
           CALL (p, row) {
             OPTIONAL MATCH (p)-[old:IN_DISTRICT]->(d:District) WHERE NOT d.code IN row.districts
             DELETE old
           }
           CALL (p, row) {
             UNWIND range(0, size(row.districts) - 1) AS i
             MATCH (d:District {code: row.districts[i]})
             MERGE (p)-[r:IN_DISTRICT]->(d)
             SET r.role = CASE i WHEN 0 THEN 'lead' ELSE 'partner' END, r.source = $source
           }
           CALL (p, row) {
             OPTIONAL MATCH (p)-[old:BY_ENTERPRISE]->(e:Enterprise) WHERE e.id <> row.enterpriseId OR row.enterpriseId IS NULL
             DELETE old
           }
           CALL (p, row) {
             MATCH (e:Enterprise {id: row.enterpriseId}) MERGE (p)-[r:BY_ENTERPRISE]->(e) SET r.source = $source
           }
           CALL (p, row) {
             OPTIONAL MATCH (p)-[old:IN_CHAIN_LINK]->(l:Link) WHERE l.id <> row.linkId OR row.linkId IS NULL
             DELETE old
           }
           CALL (p, row) {
             MATCH (l:Link {id: row.linkId}) MERGE (p)-[r:IN_CHAIN_LINK]->(l) SET r.source = $source
           }
           CALL (p, row) {
             OPTIONAL MATCH (p)-[old:ON_PARCEL]->(lp:LandParcel) WHERE lp.id <> row.landParcelId OR row.landParcelId IS NULL
             DELETE old
           }
           CALL (p, row) {
             MATCH (lp:LandParcel {id: row.landParcelId}) MERGE (p)-[r:ON_PARCEL]->(lp) SET r.source = $source
           }
           CALL (p, row) {
             WITH p, row WHERE row.created OR row.moved
             MERGE (e:ProjectEvent {id: p.id + ':' + toString(toInteger(row.version))})
             ON CREATE SET e.projectId = p.id, e.at = datetime(), e.date = date($asOf), e.actor = $actor,
                           e.kind = 'import', e.fromBatch = row.fromBatch, e.toBatch = row.batch,
                           e.fromStage = row.fromStage, e.toStage = row.stage, e.reason = 'import ' + $file,
                           e.version = toInteger(row.version)
             MERGE (p)-[:HAS_EVENT]->(e)
           }`,
          { rows, source: meta.source, asOf: meta.asOf, actor: meta.actor, file: meta.file },
        );
        for (const w of writes) {
          await recordChange(tx, {
            actor: meta.actor,
            action: w.created ? 'import' : w.move ? 'move' : 'update',
            entityType: 'Project',
            entityId: w.id,
            before: w.move ? { batch: w.move.fromBatch, stage: w.move.fromStage } : null,
            after: { batch: w.batch, stage: w.stage, version: w.version, ...w.facts },
            summary: `${w.created ? 'created' : 'updated'} by import of ${meta.file}`,
          });
        }
      }, 'import-projects');
    },
  };
}
