import { actorOf } from '../../domain/auth/access.ts';
import type { SessionUser } from '../../domain/auth/session-user.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { alertSeverities } from '../../domain/projects/alert-rules.ts';
import { createProjectService } from '../../domain/projects/project.service.ts';
import { assertActsForProject, assertHandlesAlert } from '../../domain/projects/project-access.ts';
import {
  allowedBatches,
  allowedStages,
  batchLabels,
  defaultBatchOf,
  projectBatches,
  projectStages,
  stageLabels,
} from '../../domain/projects/project-lifecycle.ts';
import { createAlertRepository, type StoredRule } from '../../graph/alert.repository.ts';
import type { Database } from '../../graph/database.ts';
import { createProjectRepository, type ProjectCreateRequest } from '../../graph/project.repository.ts';
import { defineRoute } from '../route.ts';
import {
  alertAckBodySchema,
  alertAssignBodySchema,
  alertIdParamsSchema,
  alertListQuerySchema,
  alertListSchema,
  alertResolveBodySchema,
  alertRuleListSchema,
  alertSchema,
  type CreateProjectBody,
  createProjectBodySchema,
  landParcelListQuerySchema,
  landParcelListSchema,
  lifecycleSchema,
  moveProjectBodySchema,
  projectBoardQuerySchema,
  projectBoardSchema,
  projectDetailSchema,
  projectIdParamsSchema,
  projectListQuerySchema,
  projectListSchema,
  putAlertRulesBodySchema,
  rankingQuerySchema,
  rankingSchema,
  reviveParcelBodySchema,
} from '../schemas/project.schemas.ts';

export interface ProjectRouteOptions {
  /** Today as `YYYY-MM-DD` (tests move it); the system clock when left out. */
  today?: () => string;
}

const systemToday = () => new Date().toISOString().slice(0, 10);

function toCreateRequest(body: CreateProjectBody, year: number): ProjectCreateRequest {
  const overrides = {
    name: body.name,
    year: body.year,
    batch: body.batch,
    stage: body.stage,
    team: body.team,
    teamLead: body.teamLead,
    planned: body.planned,
    investmentPlannedYi: body.investmentPlannedYi,
    jobsPlanned: body.jobsPlanned,
    reason: body.reason,
  };
  if (body.fromTarget !== undefined) return { kind: 'target', target: body.fromTarget, overrides };
  if (body.fromProposal !== undefined) return { kind: 'proposal', proposalId: body.fromProposal, overrides };
  const stage = body.stage ?? 'planning';
  return {
    kind: 'plain',
    project: {
      name: body.name ?? '',
      year: body.year ?? year,
      batch: body.batch ?? defaultBatchOf(stage),
      stage,
      districtCodes: body.districtCodes ?? [],
      enterpriseId: body.enterpriseId ?? null,
      linkId: body.linkId ?? null,
      team: body.team ?? null,
      teamLead: body.teamLead ?? null,
      planned: body.planned ?? {},
      investmentPlannedYi: body.investmentPlannedYi ?? null,
      investmentInPlaceYi: body.investmentInPlaceYi ?? null,
      landParcelId: body.landParcelId ?? null,
      landAreaHa: body.landAreaHa ?? null,
      jobsPlanned: body.jobsPlanned ?? null,
      reason: body.reason ?? null,
      source: 'manual',
    },
  };
}

const ruleView = (stored: StoredRule) => ({
  id: stored.rule.id,
  name: stored.rule.name,
  kind: stored.rule.kind,
  enabled: stored.rule.enabled,
  severity: stored.rule.severity,
  params: { ...stored.rule.params },
  version: stored.version,
  updatedAt: stored.updatedAt,
  updatedBy: stored.updatedBy,
});

/** The project life cycle: yearly lists, moves, land parcels, early warning and the red/black list. */
export function projectRoutes(db: Database, options: ProjectRouteOptions = {}) {
  const today = options.today ?? systemToday;
  const projects = createProjectRepository(db);
  const alerts = createAlertRepository(db);
  const service = createProjectService(projects, alerts, today);
  const tag = 'projects';
  const forProject = (user: SessionUser) => (codes: string[]) => assertActsForProject(user, codes);
  const forAlert = (user: SessionUser) => (codes: string[]) => assertHandlesAlert(user, codes);
  const withAlerts = async (id: string) => {
    const project = await projects.getProject(id);
    if (!project) throw new NotFoundError('Project', id);
    return { ...project, alerts: await alerts.alertsOfProject(id) };
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/projects/lifecycle',
      tag,
      summary: 'The six batches (六个一批) and the stages, with labels and the moves each allows',
      response: lifecycleSchema,
      handler: async () => ({
        batches: projectBatches.map((id) => ({ id, label: batchLabels[id], allowed: allowedBatches(id) })),
        stages: projectStages.map((id) => ({ id, label: stageLabels[id], allowed: allowedStages(id, null) })),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/projects/board',
      tag,
      summary: 'Counts and planned investment (亿元) per batch and stage: the cells of a board',
      query: projectBoardQuerySchema,
      response: projectBoardSchema,
      handler: async ({ query }) => ({
        year: query.year ?? null,
        batches: projectBatches.map((id) => ({ id, label: batchLabels[id] })),
        stages: projectStages.map((id) => ({ id, label: stageLabels[id] })),
        cells: await projects.board(query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/projects',
      tag,
      summary:
        'The yearly project lists, filtered by year, batch, stage, district and chain; one page of them',
      query: projectListQuerySchema,
      response: projectListSchema,
      handler: ({ query }) => projects.listProjects(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/projects/:id',
      tag,
      summary: 'A project with its timeline of moves and its alerts',
      params: projectIdParamsSchema,
      response: projectDetailSchema,
      errors: [404],
      handler: ({ params }) => withAlerts(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/projects',
      tag,
      summary:
        'Create a project; `fromTarget` (a matcher target) or `fromProposal` (a joint-attraction proposal) makes it in one action, keeping the link',
      body: createProjectBodySchema,
      response: projectDetailSchema,
      errors: [403, 404, 409],
      handler: async ({ body, user }, res) => {
        const day = today();
        const created = await projects.createProject(
          toCreateRequest(body, Number(day.slice(0, 4))),
          { actor: actorOf(user), date: day },
          forProject(user),
        );
        res.status(201);
        return created;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/projects/:id/moves',
      tag,
      summary:
        'Move a project to another batch and/or stage at the version read, with a reason; 409 lists the allowed moves, or says the version is stale',
      params: projectIdParamsSchema,
      body: moveProjectBodySchema,
      response: projectDetailSchema,
      errors: [403, 404, 409],
      handler: async ({ params, body, user }) => {
        await projects.moveProject(
          params.id,
          { batch: body.batch, stage: body.stage, reason: body.reason, version: body.version },
          { actor: actorOf(user), date: body.date ?? today() },
          forProject(user),
        );
        return withAlerts(params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/land-parcels',
      tag,
      summary:
        'Land parcels by district and status (批而未供, 供而未用, 烂尾, in use), with the projects on them',
      query: landParcelListQuerySchema,
      response: landParcelListSchema,
      handler: ({ query }) => projects.listLandParcels(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/land-parcels/:id/revive',
      tag,
      summary: 'Turn an idle parcel into a 激活提升 (revive) project on it',
      params: projectIdParamsSchema,
      body: reviveParcelBodySchema,
      response: projectDetailSchema,
      errors: [403, 404, 409],
      handler: async ({ params, body, user }, res) => {
        const created = await projects.reviveParcel(
          params.id,
          body,
          { actor: actorOf(user), date: today() },
          forProject(user),
        );
        res.status(201);
        return created;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/alerts',
      tag: 'alerts',
      summary:
        'Early-warning alerts: the rules are evaluated against today first, then the persisted alerts are listed',
      query: alertListQuerySchema,
      response: alertListSchema,
      handler: async ({ query }) => {
        const evaluatedOn = await service.refreshAlerts();
        return { ...(await alerts.listAlerts(query)), evaluatedOn };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/alerts/:id/ack',
      tag: 'alerts',
      summary: 'Acknowledge an alert (optionally with a note)',
      params: alertIdParamsSchema,
      body: alertAckBodySchema,
      response: alertSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, user }) =>
        alerts.act(params.id, 'acknowledge', { note: body.note }, actorOf(user), forAlert(user)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/alerts/:id/assign',
      tag: 'alerts',
      summary: 'Assign an alert to the person who will handle it',
      params: alertIdParamsSchema,
      body: alertAssignBodySchema,
      response: alertSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, user }) =>
        alerts.act(
          params.id,
          'assign',
          { note: body.note, assignee: body.assignee },
          actorOf(user),
          forAlert(user),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/alerts/:id/resolve',
      tag: 'alerts',
      summary: 'Resolve an alert, saying how it was handled',
      params: alertIdParamsSchema,
      body: alertResolveBodySchema,
      response: alertSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, user }) =>
        alerts.act(params.id, 'resolve', { note: body.note }, actorOf(user), forAlert(user)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/alert-rules',
      tag: 'alerts',
      access: 'admin',
      summary: 'The early-warning rules with their parameters and versions',
      response: alertRuleListSchema,
      handler: async () => {
        const rules = await alerts.listRules();
        return { items: rules.map(ruleView), total: rules.length };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/alert-rules',
      tag: 'alerts',
      access: 'admin',
      summary: `Change rules (enabled, severity ${alertSeverities.join('|')}, parameters) at the versions read; stale → 409`,
      body: putAlertRulesBodySchema,
      response: alertRuleListSchema,
      errors: [400, 403, 404, 409],
      handler: async ({ body, user }) => {
        const rules = await alerts.putRules(body.rules, actorOf(user));
        return { items: rules.map(ruleView), total: rules.length };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rankings',
      tag: 'projects',
      summary:
        'The red/black list (红黑榜) of a year or quarter: per district each metric with its numerator and denominator, the score, rank and mark',
      query: rankingQuerySchema,
      response: rankingSchema,
      errors: [400],
      handler: ({ query }) => service.ranking(query.period),
    }),
  ];
}
