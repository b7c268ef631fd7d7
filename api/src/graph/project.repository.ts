import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { landParcelStatuses } from '../../../graph-seeds/project-seed.schemas.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { ProjectFacts } from '../domain/projects/alert-rules.ts';
import type { DistrictInputs, Period } from '../domain/projects/district-ranking.ts';
import {
  allowedBatches,
  allowedStages,
  batchLabels,
  decideMove,
  milestoneStages,
  type ProjectBatch,
  type ProjectStage,
  projectBatches,
  projectStages,
  stageLabels,
} from '../domain/projects/project-lifecycle.ts';
import {
  type LandParcel,
  landParcelSchema,
  type ProjectDetail,
  type ProjectSummary,
  projectEventSchema,
} from '../http/schemas/project.schemas.ts';
import { recordChange } from './audit.ts';
import { type Database, int, type ManagedTransaction } from './database.ts';

/**
 * Projects of the 六个一批 lists and the land parcels they may stand on.
 *
 * `(:Project {id, name, year, batch, stage, resumeStage, version, team, teamLead, planned<Stage>, actual<Stage>
 * (dates), investmentPlannedYi, investmentInPlaceYi (亿元), landAreaHa, jobsPlanned, origin, updatedAt, source,
 * asOf})` with `-[:IN_DISTRICT {role: lead|partner}]->(:District)`, `-[:BY_ENTERPRISE]->(:Enterprise)`,
 * `-[:IN_CHAIN_LINK]->(:Link)`, `-[:ON_PARCEL]->(:LandParcel)`, `-[:FROM_PROPOSAL]->(:Proposal)` and
 * `-[:HAS_EVENT]->(:ProjectEvent)` for its timeline. `(:LandParcel {id, name, areaHa, status, suppliedOn, use})`
 * sits `-[:IN_DISTRICT]->(:District)` and `-[:IN_PARK]->(:Park)`.
 *
 * A change takes the project's write lock, reads it, checks who may make it and lets the domain decide, then
 * writes, records the event and the audit entry: all in one transaction, so a stale version writes nothing.
 */

/** Checks that the caller may act for a project of these districts (lead first); throws ForbiddenError. */
export type Authorize = (districtCodes: string[]) => void;

const milestoneKey = (kind: 'planned' | 'actual', stage: string) =>
  `${kind}${stage.charAt(0).toUpperCase()}${stage.slice(1)}`;

const milestoneFields = milestoneStages
  .flatMap((m) => [
    `${milestoneKey('planned', m)}: toString(p.${milestoneKey('planned', m)})`,
    `${milestoneKey('actual', m)}: toString(p.${milestoneKey('actual', m)})`,
  ])
  .join(', ');

const summaryProjection = `p {.id, .name, year: toInteger(p.year), .batch, .stage, resumeStage: p.resumeStage,
  version: toInteger(p.version), team: p.team, teamLead: p.teamLead, ${milestoneFields},
  investmentPlannedYi: p.investmentPlannedYi, investmentInPlaceYi: p.investmentInPlaceYi,
  landAreaHa: p.landAreaHa, jobsPlanned: toInteger(p.jobsPlanned), origin: coalesce(p.origin, 'seed'),
  enterpriseName: p.enterpriseName,
  lastUpdate: toString(p.updatedAt), source: coalesce(p.source, ''), asOf: toString(p.asOf),
  enterprise: head(COLLECT { MATCH (p)-[:BY_ENTERPRISE]->(e:Enterprise) RETURN e {.id, .name} }),
  districts: COLLECT { MATCH (p)-[r:IN_DISTRICT]->(d:District)
                       WITH r, d ORDER BY CASE r.role WHEN 'lead' THEN 0 ELSE 1 END, d.code
                       RETURN {code: d.code, name: d.name, role: r.role} },
  link: head(COLLECT { MATCH (p)-[:IN_CHAIN_LINK]->(l:Link) OPTIONAL MATCH (c:Chain {id: l.chainId})
                       RETURN {id: l.id, name: l.name, chainId: l.chainId, chainName: coalesce(c.name, l.chainId)} }),
  parcel: head(COLLECT { MATCH (p)-[:ON_PARCEL]->(lp:LandParcel) RETURN {id: lp.id, areaHa: lp.areaHa, status: lp.status} }),
  proposalId: head(COLLECT { MATCH (p)-[:FROM_PROPOSAL]->(x) RETURN x.id }),
  activeAlerts: COUNT { MATCH (a:Alert {projectId: p.id}) WHERE a.active AND a.status IN ['open', 'acknowledged'] }}`;

const optionalDate = z.string().nullable();

/** Planned dates from parameters (`$planned.plannedSigned` …); the text is built from fixed names only. */
const plannedAssignments = milestoneStages
  .map((m) => {
    const key = milestoneKey('planned', m);
    return `p.${key} = CASE WHEN $planned.${key} IS NULL THEN null ELSE date($planned.${key}) END`;
  })
  .join(', ');

/** The milestone a move reaches gets the move's day as its actual date, unless it already has one. */
const reachedAssignments = milestoneStages
  .map((m) => {
    const key = milestoneKey('actual', m);
    return `p.${key} = CASE WHEN $reached = '${m}' AND p.${key} IS NULL THEN date($date) ELSE p.${key} END`;
  })
  .join(', ');
const milestoneRowSchema = z.object({
  plannedSigned: optionalDate,
  plannedStarted: optionalDate,
  plannedOperating: optionalDate,
  plannedEffective: optionalDate,
  actualSigned: optionalDate,
  actualStarted: optionalDate,
  actualOperating: optionalDate,
  actualEffective: optionalDate,
});

const projectRowSchema = milestoneRowSchema.extend({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  batch: z.enum(projectBatches),
  stage: z.enum(projectStages),
  resumeStage: z.enum(projectStages).nullable(),
  version: z.number().int(),
  team: z.string().nullable(),
  teamLead: z.string().nullable(),
  investmentPlannedYi: z.number().nullable(),
  investmentInPlaceYi: z.number().nullable(),
  landAreaHa: z.number().nullable(),
  jobsPlanned: z.number().int().nullable(),
  origin: z.string(),
  lastUpdate: z.string(),
  source: z.string(),
  asOf: z.string().nullable(),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  districts: z.array(z.object({ code: z.string(), name: z.string(), role: z.enum(['lead', 'partner']) })),
  link: z.object({ id: z.string(), name: z.string(), chainId: z.string(), chainName: z.string() }).nullable(),
  parcel: z.object({ id: z.string(), areaHa: z.number(), status: z.string() }).nullable(),
  proposalId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  activeAlerts: z.number().int(),
});
type ProjectRow = z.infer<typeof projectRowSchema>;

type MilestoneDates = Record<(typeof milestoneStages)[number], string | null>;

function milestonesOf(row: z.infer<typeof milestoneRowSchema>): {
  planned: MilestoneDates;
  actual: MilestoneDates;
} {
  return {
    planned: {
      signed: row.plannedSigned,
      started: row.plannedStarted,
      operating: row.plannedOperating,
      effective: row.plannedEffective,
    },
    actual: {
      signed: row.actualSigned,
      started: row.actualStarted,
      operating: row.actualOperating,
      effective: row.actualEffective,
    },
  };
}

function toSummary(row: ProjectRow): ProjectSummary {
  const dates = milestonesOf(row);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    batch: row.batch,
    batchLabel: batchLabels[row.batch],
    stage: row.stage,
    stageLabel: stageLabels[row.stage],
    resumeStage: row.resumeStage,
    version: row.version,
    allowed: { batches: allowedBatches(row.batch), stages: allowedStages(row.stage, row.resumeStage) },
    enterprise: row.enterprise,
    investorName: row.enterprise?.name ?? row.enterpriseName,
    districts: row.districts,
    link: row.link,
    team: row.team,
    teamLead: row.teamLead,
    milestones: milestoneStages.map((stage) => ({
      stage,
      planned: dates.planned[stage],
      actual: dates.actual[stage],
    })),
    investment: { unit: '亿元', planned: row.investmentPlannedYi, inPlace: row.investmentInPlaceYi },
    land: {
      parcelId: row.parcel?.id ?? null,
      areaHa: row.landAreaHa ?? row.parcel?.areaHa ?? null,
      status: row.parcel?.status ?? null,
    },
    jobsPlanned: row.jobsPlanned,
    origin: row.origin,
    proposalId: row.proposalId,
    lastUpdate: row.lastUpdate,
    provenance: { source: row.source, asOf: row.asOf },
    activeAlerts: row.activeAlerts,
  };
}

const eventProjection = `e {.id, at: toString(e.at), date: toString(e.date), actor: e.actor, kind: e.kind,
  fromBatch: e.fromBatch, toBatch: e.toBatch, fromStage: e.fromStage, toStage: e.toStage, reason: e.reason,
  version: toInteger(e.version)}`;

export interface ProjectFilter {
  year?: number | undefined;
  batch?: ProjectBatch | undefined;
  stage?: ProjectStage | undefined;
  district?: string | undefined;
  chain?: string | undefined;
  page: number;
  limit: number;
}

const filterWhere = `WHERE ($year IS NULL OR p.year = $year) AND ($batch IS NULL OR p.batch = $batch)
  AND ($stage IS NULL OR p.stage = $stage)
  AND ($district IS NULL OR EXISTS { (p)-[:IN_DISTRICT]->(:District {code: $district}) })
  AND ($chain IS NULL OR EXISTS { (p)-[:IN_CHAIN_LINK]->(l:Link) WHERE l.chainId = $chain })`;

/** A project to create, resolved from a request, a target, a proposal or a parcel. */
export interface NewProject {
  name: string;
  year: number;
  batch: ProjectBatch;
  stage: ProjectStage;
  /** Lead first. */
  districtCodes: string[];
  enterpriseId: string | null;
  linkId: string | null;
  team: string | null;
  teamLead: string | null;
  planned: Partial<Record<(typeof milestoneStages)[number], string>>;
  investmentPlannedYi: number | null;
  investmentInPlaceYi: number | null;
  landParcelId: string | null;
  landAreaHa: number | null;
  jobsPlanned: number | null;
  origin: 'manual' | 'target' | 'proposal' | 'parcel' | 'import';
  proposalId: string | null;
  reason: string | null;
  source: string;
}

export interface ChangeMeta {
  actor: string;
  /** `YYYY-MM-DD`: the day the change happened. */
  date: string;
}

export type ProjectCreateRequest =
  | { kind: 'plain'; project: Omit<NewProject, 'origin' | 'proposalId'> }
  | {
      kind: 'target';
      target: { enterpriseId: string; linkId: string; districtCode: string };
      overrides: ProjectOverrides;
    }
  | { kind: 'proposal'; proposalId: string; overrides: ProjectOverrides };

/** What a request may add to a project made from a target or a proposal. */
export interface ProjectOverrides {
  name?: string | undefined;
  year?: number | undefined;
  batch?: ProjectBatch | undefined;
  stage?: ProjectStage | undefined;
  team?: string | undefined;
  teamLead?: string | undefined;
  planned?: NewProject['planned'] | undefined;
  investmentPlannedYi?: number | undefined;
  jobsPlanned?: number | undefined;
  reason?: string | undefined;
}

/** Only the facts a request gives replace the ones derived from the target or proposal. */
function overridden(base: NewProject, o: ProjectOverrides): Partial<NewProject> {
  return {
    ...(o.name === undefined ? {} : { name: o.name }),
    year: o.year ?? base.year,
    batch: o.batch ?? base.batch,
    stage: o.stage ?? base.stage,
    team: o.team ?? base.team,
    teamLead: o.teamLead ?? base.teamLead,
    planned: o.planned ?? base.planned,
    investmentPlannedYi: o.investmentPlannedYi ?? base.investmentPlannedYi,
    jobsPlanned: o.jobsPlanned ?? base.jobsPlanned,
    reason: o.reason ?? base.reason,
  };
}

const proposalRowSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  state: z.string().nullable(),
  initiator: z.string().nullable(),
  parties: z.string().nullable(),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  projectId: z.string().nullable(),
});
const partiesSchema = z.array(z.object({ code: z.string(), role: z.string() }));

const landRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  park: z.object({ id: z.string(), name: z.string() }).nullable(),
  areaHa: z.number(),
  status: z.enum(landParcelStatuses),
  suppliedOn: z.string().nullable(),
  use: z.string().nullable(),
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      batch: z.enum(projectBatches),
      stage: z.enum(projectStages),
    }),
  ),
  source: z.string(),
  asOf: z.string().nullable(),
});
const landProjection = `lp {.id, .name, .districtCode, districtName: head(COLLECT { MATCH (lp)-[:IN_DISTRICT]->(d:District) RETURN d.name }),
  park: head(COLLECT { MATCH (lp)-[:IN_PARK]->(k:Park) RETURN k {.id, .name} }), areaHa: toFloat(lp.areaHa), .status,
  suppliedOn: toString(lp.suppliedOn), use: lp.use,
  projects: COLLECT { MATCH (p:Project)-[:ON_PARCEL]->(lp) WITH p ORDER BY p.id RETURN p {.id, .name, .batch, .stage} },
  source: coalesce(lp.source, ''), asOf: toString(lp.asOf)}`;

function toLandParcel(row: z.infer<typeof landRowSchema>): LandParcel {
  const { source, asOf, ...rest } = row;
  return landParcelSchema.parse({ ...rest, provenance: { source, asOf } });
}

const today = () => new Date().toISOString().slice(0, 10);

function assertNotFuture(date: string, now: string): void {
  if (date > now) {
    throw new ValidationError(`The change is dated ${date}, after today: moves record what has happened`, [
      { path: 'body.date', message: 'must not be in the future' },
    ]);
  }
}

async function readProject(tx: ManagedTransaction, id: string): Promise<ProjectSummary | undefined> {
  const result = await tx.run(`MATCH (p:Project {id: $id}) RETURN ${summaryProjection} AS row`, { id });
  const row = result.records[0]?.get('row');
  return row === undefined ? undefined : toSummary(projectRowSchema.parse(row));
}

async function assertExists(tx: ManagedTransaction, label: string, key: string, value: string, what: string) {
  // Labels and keys come from the fixed calls below, never from input.
  const result = await tx.run(`MATCH (n:${label} {${key}: $value}) RETURN count(n) AS n`, { value });
  if (Number(result.records[0]?.get('n') ?? 0) === 0) throw new NotFoundError(what, value);
}

/** Writes a new project with its relationships, its first timeline event and the audit entry. */
async function insertProject(tx: ManagedTransaction, p: NewProject, meta: ChangeMeta): Promise<string> {
  for (const code of p.districtCodes) await assertExists(tx, 'District', 'code', code, 'District');
  if (p.enterpriseId !== null) await assertExists(tx, 'Enterprise', 'id', p.enterpriseId, 'Enterprise');
  if (p.linkId !== null) await assertExists(tx, 'Link', 'id', p.linkId, 'Link');
  if (p.landParcelId !== null) await assertExists(tx, 'LandParcel', 'id', p.landParcelId, 'Land parcel');
  const id = `prj-${p.year}-${randomUUID().slice(0, 8)}`;
  const planned = Object.fromEntries(
    milestoneStages.map((m) => [milestoneKey('planned', m), p.planned[m] ?? null]),
  );
  await tx.run(
    `CREATE (p:Project {id: $id, name: $name, year: toInteger($year), batch: $batch, stage: $stage, version: 1,
                        team: $team, teamLead: $teamLead, investmentPlannedYi: $investmentPlannedYi,
                        investmentInPlaceYi: $investmentInPlaceYi, landAreaHa: $landAreaHa,
                        jobsPlanned: toInteger($jobsPlanned), origin: $origin, source: $source,
                        asOf: date($date), createdAt: datetime(), updatedAt: datetime(), createdBy: $actor})
     WITH p
     CALL (p) {
       UNWIND range(0, size($districtCodes) - 1) AS i
       MATCH (d:District {code: $districtCodes[i]})
       MERGE (p)-[r:IN_DISTRICT]->(d) SET r.role = CASE i WHEN 0 THEN 'lead' ELSE 'partner' END, r.source = $source
     }
     CALL (p) {
       MATCH (e:Enterprise {id: $enterpriseId}) MERGE (p)-[r:BY_ENTERPRISE]->(e) SET r.source = $source
     }
     CALL (p) {
       MATCH (l:Link {id: $linkId}) MERGE (p)-[r:IN_CHAIN_LINK]->(l) SET r.source = $source
     }
     CALL (p) {
       MATCH (lp:LandParcel {id: $landParcelId}) MERGE (p)-[r:ON_PARCEL]->(lp) SET r.source = $source
     }
     CALL (p) {
       MATCH (x:Proposal {id: $proposalId}) MERGE (p)-[r:FROM_PROPOSAL]->(x) SET r.source = $source
     }
     SET ${plannedAssignments}`,
    {
      id,
      name: p.name,
      year: p.year,
      batch: p.batch,
      stage: p.stage,
      team: p.team,
      teamLead: p.teamLead,
      investmentPlannedYi: p.investmentPlannedYi,
      investmentInPlaceYi: p.investmentInPlaceYi,
      landAreaHa: p.landAreaHa,
      jobsPlanned: p.jobsPlanned,
      origin: p.origin,
      source: p.source,
      date: meta.date,
      actor: meta.actor,
      districtCodes: p.districtCodes,
      enterpriseId: p.enterpriseId,
      linkId: p.linkId,
      landParcelId: p.landParcelId,
      proposalId: p.proposalId,
      planned,
    },
  );
  await tx.run(
    `MATCH (p:Project {id: $id})
     CREATE (p)-[:HAS_EVENT]->(:ProjectEvent {id: $id + ':1', projectId: $id, at: datetime(), date: date($date),
             actor: $actor, kind: $kind, fromBatch: null, toBatch: p.batch, fromStage: null, toStage: p.stage,
             reason: $reason, version: 1})`,
    {
      id,
      date: meta.date,
      actor: meta.actor,
      kind: p.origin === 'parcel' ? 'revive' : p.origin === 'import' ? 'import' : 'create',
      reason: p.reason,
    },
  );
  await recordChange(tx, {
    actor: meta.actor,
    action: p.origin === 'parcel' ? 'revive' : 'create',
    entityType: 'Project',
    entityId: id,
    before: null,
    after: { ...p, id },
    summary: `${meta.actor} created project ${id} "${p.name}" (${p.batch}/${p.stage}, from ${p.origin})`,
  });
  return id;
}

export function createProjectRepository(db: Database) {
  const getProject = async (id: string): Promise<ProjectDetail | undefined> => {
    const rows = await db.read(
      `MATCH (p:Project {id: $id})
       RETURN ${summaryProjection} AS row,
              COLLECT { MATCH (p)-[:HAS_EVENT]->(e:ProjectEvent) WITH e ORDER BY e.version, e.at
                        RETURN ${eventProjection} } AS timeline`,
      { id },
      (r) => ({
        summary: toSummary(projectRowSchema.parse(r.get('row'))),
        timeline: z.array(projectEventSchema).parse(r.get('timeline')),
      }),
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { ...row.summary, timeline: row.timeline, alerts: [] };
  };

  return {
    getProject,

    async listProjects(filter: ProjectFilter): Promise<{ items: ProjectSummary[]; total: number }> {
      const params = {
        year: filter.year === undefined ? null : int(filter.year),
        batch: filter.batch ?? null,
        stage: filter.stage ?? null,
        district: filter.district ?? null,
        chain: filter.chain ?? null,
      };
      const [items, totals] = await Promise.all([
        db.read(
          `MATCH (p:Project) ${filterWhere}
           WITH p ORDER BY p.year DESC, p.id SKIP $skip LIMIT $limit
           RETURN ${summaryProjection} AS row`,
          { ...params, skip: int((filter.page - 1) * filter.limit), limit: int(filter.limit) },
          (r) => toSummary(projectRowSchema.parse(r.get('row'))),
        ),
        db.read(`MATCH (p:Project) ${filterWhere} RETURN count(p) AS total`, params, (r) =>
          z.number().int().parse(r.get('total')),
        ),
      ]);
      return { items, total: totals[0] ?? 0 };
    },

    /** Counts per batch and stage: the columns and cells of a board. */
    board(filter: { year?: number | undefined; district?: string | undefined }) {
      return db.read(
        `MATCH (p:Project) ${filterWhere}
         RETURN p.batch AS batch, p.stage AS stage, count(p) AS count,
                sum(coalesce(p.investmentPlannedYi, 0.0)) AS investment
         ORDER BY batch, stage`,
        {
          year: filter.year === undefined ? null : int(filter.year),
          batch: null,
          stage: null,
          district: filter.district ?? null,
          chain: null,
        },
        (r) =>
          z
            .object({
              batch: z.enum(projectBatches),
              stage: z.enum(projectStages),
              count: z.number().int(),
              investmentPlannedYi: z.number(),
            })
            .parse({
              batch: r.get('batch'),
              stage: r.get('stage'),
              count: r.get('count'),
              investmentPlannedYi: Math.round(Number(r.get('investment')) * 100) / 100,
            }),
      );
    },

    /** Creates a project (plain, from a matcher target, or from a proposal) and answers it as stored. */
    async createProject(request: ProjectCreateRequest, meta: ChangeMeta, authorize: Authorize) {
      assertNotFuture(meta.date, today());
      const id = await db.writeTransaction(async (tx) => {
        const project = await resolveNewProject(tx, request, meta);
        authorize(project.districtCodes);
        return insertProject(tx, project, meta);
      }, 'create-project');
      const created = await getProject(id);
      if (!created) throw new NotFoundError('Project', id);
      return created;
    },

    /** Moves a project between batches and/or stages at the version the client read. */
    async moveProject(
      id: string,
      move: {
        batch?: ProjectBatch | undefined;
        stage?: ProjectStage | undefined;
        reason: string;
        version: number;
      },
      meta: ChangeMeta,
      authorize: Authorize,
    ): Promise<ProjectDetail> {
      assertNotFuture(meta.date, today());
      await db.writeTransaction(async (tx) => {
        // Setting a property takes the node's write lock: concurrent moves queue here and each reads the
        // project as the one before committed it, so the version check below cannot be raced.
        await tx.run('MATCH (p:Project {id: $id}) SET p.lockedForWrite = true REMOVE p.lockedForWrite', {
          id,
        });
        const current = await readProject(tx, id);
        if (!current) throw new NotFoundError('Project', id);
        authorize(current.districts.map((d) => d.code));
        const decision = decideMove(current, move);
        await tx.run(
          `MATCH (p:Project {id: $id}) WHERE p.version = $version
           WITH p, p.batch AS fromBatch, p.stage AS fromStage
           SET p.batch = $batch, p.stage = $stage, p.resumeStage = $resumeStage, p.version = toInteger($next),
               p.updatedAt = datetime(), ${reachedAssignments}
           WITH p, fromBatch, fromStage
           CREATE (p)-[:HAS_EVENT]->(:ProjectEvent {id: p.id + ':' + toString($next), projectId: p.id,
                   at: datetime(), date: date($date), actor: $actor, kind: 'move', fromBatch: fromBatch,
                   toBatch: $batch, fromStage: fromStage, toStage: $stage, reason: $reason,
                   version: toInteger($next)})`,
          {
            id,
            version: int(move.version),
            batch: decision.batch,
            stage: decision.stage,
            resumeStage: decision.resumeStage,
            next: int(decision.version),
            reached: decision.reached,
            date: meta.date,
            actor: meta.actor,
            reason: move.reason,
          },
        );
        await recordChange(tx, {
          actor: meta.actor,
          action: 'move',
          entityType: 'Project',
          entityId: id,
          before: { batch: current.batch, stage: current.stage, version: current.version },
          after: { batch: decision.batch, stage: decision.stage, version: decision.version },
          summary: `${meta.actor} moved project ${id} ${current.batch}/${current.stage} → ${decision.batch}/${decision.stage}: ${move.reason}`,
        });
      }, 'move-project');
      const moved = await getProject(id);
      if (!moved) throw new NotFoundError('Project', id);
      return moved;
    },

    async listLandParcels(filter: {
      district?: string | undefined;
      status?: string | undefined;
      page: number;
      limit: number;
    }): Promise<{ items: LandParcel[]; total: number }> {
      const where = `WHERE ($district IS NULL OR lp.districtCode = $district) AND ($status IS NULL OR lp.status = $status)`;
      const params = { district: filter.district ?? null, status: filter.status ?? null };
      const [items, totals] = await Promise.all([
        db.read(
          `MATCH (lp:LandParcel) ${where} WITH lp ORDER BY lp.districtCode, lp.id SKIP $skip LIMIT $limit
           RETURN ${landProjection} AS row`,
          { ...params, skip: int((filter.page - 1) * filter.limit), limit: int(filter.limit) },
          (r) => toLandParcel(landRowSchema.parse(r.get('row'))),
        ),
        db.read(`MATCH (lp:LandParcel) ${where} RETURN count(lp) AS total`, params, (r) =>
          z.number().int().parse(r.get('total')),
        ),
      ]);
      return { items, total: totals[0] ?? 0 };
    },

    /** Turns an idle parcel into a 激活提升 project on it. */
    async reviveParcel(
      parcelId: string,
      input: {
        name?: string | undefined;
        year?: number | undefined;
        enterpriseId?: string | undefined;
        linkId?: string | undefined;
        team?: string | undefined;
        investmentPlannedYi?: number | undefined;
        reason: string;
      },
      meta: ChangeMeta,
      authorize: Authorize,
    ): Promise<ProjectDetail> {
      assertNotFuture(meta.date, today());
      const id = await db.writeTransaction(async (tx) => {
        const found = await tx.run(
          `MATCH (lp:LandParcel {id: $id}) SET lp.lockedForWrite = true REMOVE lp.lockedForWrite
           RETURN ${landProjection} AS row`,
          { id: parcelId },
        );
        const raw = found.records[0]?.get('row');
        if (raw === undefined) throw new NotFoundError('Land parcel', parcelId);
        const parcel = landRowSchema.parse(raw);
        authorize([parcel.districtCode]);
        if (parcel.status === 'in_use') {
          throw new ConflictError(`Land parcel ${parcelId} is in use: there is nothing to revive`, {
            parcelId,
            status: parcel.status,
          });
        }
        const live = parcel.projects.find(
          (p) => p.batch === 'revive' && p.stage !== 'terminated' && p.stage !== 'effective',
        );
        if (live) {
          throw new ConflictError(`Land parcel ${parcelId} is already being revived by project ${live.id}`, {
            parcelId,
            projectId: live.id,
          });
        }
        return insertProject(
          tx,
          {
            name: input.name ?? `${parcel.name}盘活项目`,
            year: input.year ?? Number(meta.date.slice(0, 4)),
            batch: 'revive',
            stage: 'planning',
            districtCodes: [parcel.districtCode],
            enterpriseId: input.enterpriseId ?? null,
            linkId: input.linkId ?? null,
            team: input.team ?? null,
            teamLead: null,
            planned: {},
            investmentPlannedYi: input.investmentPlannedYi ?? null,
            investmentInPlaceYi: null,
            landParcelId: parcel.id,
            landAreaHa: parcel.areaHa,
            jobsPlanned: null,
            origin: 'parcel',
            proposalId: null,
            reason: input.reason,
            source: meta.actor,
          },
          meta,
        );
      }, 'revive-parcel');
      const created = await getProject(id);
      if (!created) throw new NotFoundError('Project', id);
      return created;
    },

    /** What the alert rules look at, for every project still alive. */
    readFacts(): Promise<ProjectFacts[]> {
      return db.read(
        `MATCH (p:Project) WHERE NOT p.stage IN ['terminated', 'effective']
         RETURN p {.id, .name, .stage, lastUpdate: toString(date(p.updatedAt)), ${milestoneFields},
                   investmentPlannedYi: p.investmentPlannedYi, investmentInPlaceYi: p.investmentInPlaceYi,
                   land: head(COLLECT { MATCH (p)-[:ON_PARCEL]->(lp:LandParcel)
                                        RETURN {parcelId: lp.id, status: lp.status, suppliedOn: toString(lp.suppliedOn)} })} AS row
         ORDER BY p.id`,
        {},
        (r) => factsOf(factsRowSchema.parse(r.get('row'))),
      );
    },

    /** The red/black list's inputs per district with projects on the period's yearly list. */
    rankingInputs(period: Period, asOf: string): Promise<DistrictInputs[]> {
      return db.read(
        `MATCH (p:Project)-[:IN_DISTRICT]->(d:District) WHERE p.year = $year
         WITH d, collect(DISTINCT p) AS ps
         WITH d, ps, [p IN ps WHERE p.stage <> 'terminated'] AS live,
              [p IN ps WHERE p.plannedStarted >= date($from) AND p.plannedStarted <= date($asOf)
                             AND p.stage <> 'terminated'] AS due
         WITH d, ps, live, due,
              COLLECT { MATCH (lp:LandParcel)-[:IN_DISTRICT]->(d) RETURN lp
                        UNION MATCH (lp:LandParcel)<-[:ON_PARCEL]-(x:Project)-[:IN_DISTRICT]->(d) RETURN lp } AS parcels,
              COLLECT { MATCH (a:Alert)-[:ABOUT]->(x:Project)-[:IN_DISTRICT]->(d)
                        WHERE x.year = $year AND date(a.firstRaised) >= date($from) AND date(a.firstRaised) <= date($asOf)
                        RETURN a } AS alerts
         RETURN {districtCode: d.code, districtName: d.name, projects: size(ps),
                 startsDue: size(due),
                 startsOnTime: size([p IN due WHERE p.actualStarted IS NOT NULL AND p.actualStarted <= p.plannedStarted]),
                 investmentPlannedYi: reduce(s = 0.0, p IN live | s + coalesce(p.investmentPlannedYi, 0.0)),
                 investmentInPlaceYi: reduce(s = 0.0, p IN live |
                   s + CASE WHEN coalesce(p.investmentInPlaceYi, 0.0) > coalesce(p.investmentPlannedYi, 0.0)
                            THEN coalesce(p.investmentPlannedYi, 0.0) ELSE coalesce(p.investmentInPlaceYi, 0.0) END),
                 landHa: reduce(s = 0.0, lp IN parcels | s + coalesce(lp.areaHa, 0.0)),
                 landInUseHa: reduce(s = 0.0, lp IN parcels | s + CASE lp.status WHEN 'in_use' THEN coalesce(lp.areaHa, 0.0) ELSE 0.0 END),
                 alertsRaised: size(alerts),
                 alertsResolved: size([a IN alerts WHERE a.status = 'resolved'])} AS row
         ORDER BY d.code`,
        { year: int(period.year), from: period.from, asOf },
        (r) => rankingRowSchema.parse(r.get('row')),
      );
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;

const rankingRowSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  projects: z.number().int(),
  startsDue: z.number().int(),
  startsOnTime: z.number().int(),
  investmentPlannedYi: z.number().transform(round2),
  investmentInPlaceYi: z.number().transform(round2),
  landHa: z.number().transform(round2),
  landInUseHa: z.number().transform(round2),
  alertsRaised: z.number().int(),
  alertsResolved: z.number().int(),
});

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const factsRowSchema = milestoneRowSchema.extend({
  id: z.string(),
  name: z.string(),
  stage: z.enum(projectStages),
  lastUpdate: z.string(),
  investmentPlannedYi: z.number().nullable(),
  investmentInPlaceYi: z.number().nullable(),
  land: z.object({ parcelId: z.string(), status: z.string(), suppliedOn: z.string().nullable() }).nullable(),
});

function factsOf(row: z.infer<typeof factsRowSchema>): ProjectFacts {
  return {
    id: row.id,
    name: row.name,
    stage: row.stage,
    lastUpdate: row.lastUpdate,
    ...milestonesOf(row),
    investmentPlannedYi: row.investmentPlannedYi,
    investmentInPlaceYi: row.investmentInPlaceYi,
    land: row.land,
  };
}

const stageAfterTarget: ProjectStage = 'negotiating';

/** Fills in a project to create from what the request names: a target's firm and link, a proposal's parties. */
async function resolveNewProject(
  tx: ManagedTransaction,
  request: ProjectCreateRequest,
  meta: ChangeMeta,
): Promise<NewProject> {
  const year = Number(meta.date.slice(0, 4));
  const blank: NewProject = {
    name: '',
    year,
    batch: 'attract',
    stage: stageAfterTarget,
    districtCodes: [],
    enterpriseId: null,
    linkId: null,
    team: null,
    teamLead: null,
    planned: {},
    investmentPlannedYi: null,
    investmentInPlaceYi: null,
    landParcelId: null,
    landAreaHa: null,
    jobsPlanned: null,
    origin: 'manual',
    proposalId: null,
    reason: null,
    source: meta.actor,
  };

  if (request.kind === 'plain') return { ...blank, ...request.project, origin: 'manual', proposalId: null };

  if (request.kind === 'target') {
    const { enterpriseId, linkId, districtCode } = request.target;
    const names = await tx.run(
      `OPTIONAL MATCH (e:Enterprise {id: $enterpriseId}) OPTIONAL MATCH (l:Link {id: $linkId})
       OPTIONAL MATCH (d:District {code: $districtCode})
       RETURN e.name AS enterprise, l.name AS link, d.name AS district,
              head(COLLECT { MATCH (p:Project)-[:BY_ENTERPRISE]->(:Enterprise {id: $enterpriseId})
                             WHERE p.origin = 'target' AND NOT p.stage IN ['terminated']
                               AND EXISTS { (p)-[:IN_CHAIN_LINK]->(:Link {id: $linkId}) }
                               AND EXISTS { (p)-[:IN_DISTRICT {role: 'lead'}]->(:District {code: $districtCode}) }
                             RETURN p.id }) AS existing`,
      { enterpriseId, linkId, districtCode },
    );
    const row = names.records[0];
    const enterprise = row?.get('enterprise');
    const link = row?.get('link');
    if (typeof enterprise !== 'string') throw new NotFoundError('Enterprise', enterpriseId);
    if (typeof link !== 'string') throw new NotFoundError('Link', linkId);
    if (typeof row?.get('district') !== 'string') throw new NotFoundError('District', districtCode);
    const existing = row?.get('existing');
    if (typeof existing === 'string') {
      throw new ConflictError(`This target is already project ${existing}`, { projectId: existing });
    }
    return {
      ...blank,
      name: `${enterprise}${link}项目`,
      districtCodes: [districtCode],
      enterpriseId,
      linkId,
      ...overridden(blank, request.overrides),
      origin: 'target',
      proposalId: null,
    };
  }

  const found = await tx.run(
    `MATCH (x:Proposal {id: $id})
     RETURN {id: x.id, title: x.title, state: x.state, initiator: x.initiator, parties: x.parties,
             targetKind: x.targetKind, targetId: x.targetId,
             projectId: head(COLLECT { MATCH (p:Project)-[:FROM_PROPOSAL]->(x) RETURN p.id })} AS row`,
    { id: request.proposalId },
  );
  const raw = found.records[0]?.get('row');
  if (raw === undefined) throw new NotFoundError('Proposal', request.proposalId);
  const proposal = proposalRowSchema.parse(raw);
  if (proposal.projectId !== null) {
    throw new ConflictError(`Proposal ${proposal.id} is already project ${proposal.projectId}`, {
      projectId: proposal.projectId,
    });
  }
  if (proposal.state !== null && ['rejected', 'withdrawn', 'expired'].includes(proposal.state)) {
    throw new ConflictError(`Proposal ${proposal.id} is ${proposal.state}: it cannot become a project`, {
      proposalId: proposal.id,
      state: proposal.state,
    });
  }
  const parties = proposal.parties === null ? [] : partiesSchema.parse(JSON.parse(proposal.parties));
  const lead =
    parties.find((p) => p.role === 'host')?.code ?? proposal.initiator ?? parties[0]?.code ?? undefined;
  const districtCodes = [...new Set([...(lead === undefined ? [] : [lead]), ...parties.map((p) => p.code)])];
  const enterpriseId = proposal.targetKind === 'enterprise' ? proposal.targetId : null;
  let linkId: string | null = null;
  let enterpriseName: string | null = null;
  if (enterpriseId !== null) {
    const e = await tx.run(
      `MATCH (e:Enterprise {id: $id})
       RETURN e.name AS name, head(COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link) WHERE r.validTo IS NULL
                                             WITH r, l ORDER BY r.confidence DESC, l.id RETURN l.id }) AS link`,
      { id: enterpriseId },
    );
    const name = e.records[0]?.get('name');
    const link = e.records[0]?.get('link');
    enterpriseName = typeof name === 'string' ? name : null;
    linkId = typeof link === 'string' ? link : null;
  }
  if (districtCodes.length === 0) {
    throw new ConflictError(`Proposal ${proposal.id} names no district`, { proposalId: proposal.id });
  }
  return {
    ...blank,
    name: proposal.title ?? `${enterpriseName ?? proposal.id}联合招引项目`,
    districtCodes,
    enterpriseId: enterpriseName === null ? null : enterpriseId,
    linkId,
    ...overridden(blank, request.overrides),
    origin: 'proposal',
    proposalId: proposal.id,
  };
}
