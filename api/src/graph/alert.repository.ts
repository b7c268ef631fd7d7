import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  type AlertFinding,
  type AlertRule,
  alertRuleKinds,
  alertSeverities,
  parseAlertRule,
} from '../domain/projects/alert-rules.ts';
import {
  type AlertAction,
  type AlertStatus,
  decideAlertAction,
  planAlertSync,
} from '../domain/projects/alert-sync.ts';
import {
  type Alert,
  type AlertListQuery,
  alertSchema,
  alertStatuses,
} from '../http/schemas/project.schemas.ts';
import { recordChange } from './audit.ts';
import { type Database, int, type ManagedTransaction } from './database.ts';
import type { Authorize } from './project.repository.ts';

/**
 * Alert rules and alerts. `(:AlertRule {id, name, kind, enabled, severity, params (JSON), version})`;
 * `(:Alert {id: "<rule>:<project>", ruleId, projectId, severity, status, active, message, facts (JSON),
 * assignee, firstRaised, lastEvaluated, version})-[:ABOUT]->(:Project)` with `-[:HAS_ACTION]->(:AlertAction)`
 * for its handling. Alerts are evaluated on demand and persisted by their key (see docs/projects.md).
 */

const ruleRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(alertRuleKinds),
  enabled: z.boolean(),
  severity: z.enum(alertSeverities),
  params: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export interface StoredRule {
  rule: AlertRule;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

function toStoredRule(row: z.infer<typeof ruleRowSchema>): StoredRule {
  const parsed = parseAlertRule({
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    severity: row.severity,
    params: JSON.parse(row.params),
  });
  if (!parsed.success) throw new Error(`Alert rule ${row.id} is stored invalid: ${parsed.error.message}`);
  return { rule: parsed.data, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

const ruleProjection = `r {.id, .name, .kind, .enabled, .severity, .params, version: toInteger(r.version),
  updatedAt: toString(r.updatedAt), updatedBy: r.updatedBy}`;

const alertProjection = `a {.id, .ruleId, ruleName: coalesce(head(COLLECT { MATCH (r:AlertRule {id: a.ruleId}) RETURN r.name }), a.ruleId),
  .projectId, projectName: p.name,
  districtCodes: COLLECT { MATCH (p)-[:IN_DISTRICT]->(d:District) WITH d ORDER BY d.code RETURN d.code },
  .severity, .status, .active, .message, .facts, assignee: a.assignee, firstRaised: toString(a.firstRaised),
  lastEvaluated: toString(a.lastEvaluated), version: toInteger(a.version),
  history: COLLECT { MATCH (a)-[:HAS_ACTION]->(x:AlertAction) WITH x ORDER BY x.at, x.seq
                     RETURN {at: toString(x.at), actor: x.actor, action: x.action, note: x.note, assignee: x.assignee} }}`;

const factsText = z.string().transform((text, ctx) => {
  try {
    return z.record(z.string(), z.union([z.string(), z.number(), z.null()])).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'stored alert facts are not valid' });
    return z.NEVER;
  }
});
const alertRowSchema = alertSchema.extend({ facts: factsText });

const storedStateSchema = z.object({ id: z.string(), status: z.enum(alertStatuses), active: z.boolean() });

export function createAlertRepository(db: Database) {
  return {
    async listRules(): Promise<StoredRule[]> {
      return db.read(`MATCH (r:AlertRule) RETURN ${ruleProjection} AS row ORDER BY r.id`, {}, (r) =>
        toStoredRule(ruleRowSchema.parse(r.get('row'))),
      );
    },

    /**
     * Replaces the given rules' settings at the versions the admin read; one stale or unknown rule writes
     * nothing. Parameters are checked against each rule's kind.
     */
    async putRules(
      changes: {
        id: string;
        name?: string | undefined;
        enabled: boolean;
        severity: string;
        params: Record<string, number>;
        version: number;
      }[],
      actor: string,
    ): Promise<StoredRule[]> {
      await db.writeTransaction(async (tx) => {
        const current = await tx.run(
          `MATCH (r:AlertRule) WHERE r.id IN $ids SET r.lockedForWrite = true REMOVE r.lockedForWrite
           RETURN ${ruleProjection} AS row`,
          { ids: changes.map((c) => c.id) },
        );
        const byId = new Map(
          current.records.map((rec) => {
            const stored = toStoredRule(ruleRowSchema.parse(rec.get('row')));
            return [stored.rule.id, stored];
          }),
        );
        const issues: { path: string; message: string }[] = [];
        const updates = changes.map((change, i) => {
          const before = byId.get(change.id);
          if (!before) throw new NotFoundError('Alert rule', change.id);
          if (before.version !== change.version) {
            throw new ConflictError(
              `Alert rule ${change.id} is at version ${before.version}, the change was made against version ${change.version}: reload the rules`,
              { ruleId: change.id, expectedVersion: change.version, currentVersion: before.version },
            );
          }
          const parsed = parseAlertRule({
            id: change.id,
            name: change.name ?? before.rule.name,
            kind: before.rule.kind,
            enabled: change.enabled,
            severity: change.severity,
            params: change.params,
          });
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              issues.push({
                path: ['body', 'rules', String(i), ...issue.path.map(String)].join('.'),
                message: issue.message,
              });
            }
            return null;
          }
          return { before, after: parsed.data };
        });
        if (issues.length > 0) {
          throw new ValidationError(
            `Invalid rule settings: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
            issues,
          );
        }
        for (const update of updates) {
          if (update === null) continue;
          const { after, before } = update;
          await tx.run(
            `MATCH (r:AlertRule {id: $id}) WHERE r.version = $version
             SET r.name = $name, r.enabled = $enabled, r.severity = $severity, r.params = $params,
                 r.version = r.version + 1, r.updatedAt = datetime(), r.updatedBy = $actor`,
            {
              id: after.id,
              version: int(before.version),
              name: after.name,
              enabled: after.enabled,
              severity: after.severity,
              params: JSON.stringify(after.params),
              actor,
            },
          );
          await recordChange(tx, {
            actor,
            action: 'update',
            entityType: 'AlertRule',
            entityId: after.id,
            before: before.rule,
            after,
            summary: `${actor} changed alert rule ${after.id}`,
          });
        }
      }, 'put-alert-rules');
      return this.listRules();
    },

    /** Persists an evaluation's findings: raises, refreshes, reopens and clears alerts by their keys. */
    async sync(findings: readonly AlertFinding[], today: string): Promise<void> {
      await db.writeTransaction(async (tx) => {
        // One evaluation at a time: the second waits here and plans against what the first wrote.
        await tx.run(
          "MERGE (s:AlertEvaluation {id: 'alerts'}) SET s.lockedForWrite = true REMOVE s.lockedForWrite",
        );
        const stored = await tx.run(`MATCH (a:Alert) RETURN a {.id, .status, .active} AS row`, {});
        const plan = planAlertSync(
          stored.records.map((r) => storedStateSchema.parse(r.get('row'))),
          findings,
        );
        const upserts = plan.upserts.map((u) => ({
          id: u.finding.key,
          ruleId: u.finding.ruleId,
          projectId: u.finding.projectId,
          severity: u.finding.severity,
          message: u.finding.message,
          facts: JSON.stringify(u.finding.facts),
          status: u.status,
          transition: u.transition,
        }));
        await writeUpserts(tx, upserts, today);
        await tx.run(
          `UNWIND $clears AS c
           MATCH (a:Alert {id: c.id})
           SET a.active = false, a.status = c.status, a.lastEvaluated = date($today)
           WITH a, c WHERE c.transition IS NOT NULL
           CREATE (a)-[:HAS_ACTION]->(:AlertAction {at: datetime(), seq: 0, actor: 'system', action: c.transition,
                                                   note: 'condition no longer holds', assignee: null})`,
          { clears: plan.clears, today },
        );
        const raised = plan.upserts.filter((u) => u.transition !== null).length;
        const cleared = plan.clears.filter((c) => c.transition !== null).length;
        if (raised + cleared > 0) {
          await recordChange(tx, {
            actor: 'system',
            action: 'evaluate',
            entityType: 'Alert',
            entityId: 'alerts',
            before: null,
            after: {
              raised: plan.upserts.filter((u) => u.transition === 'raised').map((u) => u.finding.key),
              reopened: plan.upserts.filter((u) => u.transition === 'reopened').map((u) => u.finding.key),
              cleared: plan.clears.filter((c) => c.transition !== null).map((c) => c.id),
            },
            summary: `alert evaluation on ${today}: ${raised} raised or reopened, ${cleared} cleared`,
          });
        }
      }, 'sync-alerts');
    },

    async listAlerts(filter: AlertListQuery): Promise<{
      items: Alert[];
      total: number;
      counts: { bySeverity: Record<string, number>; byStatus: Record<string, number> };
    }> {
      const where = `WHERE ($severity IS NULL OR a.severity = $severity) AND ($status IS NULL OR a.status = $status)
        AND ($project IS NULL OR a.projectId = $project)
        AND ($district IS NULL OR EXISTS { (p)-[:IN_DISTRICT]->(:District {code: $district}) })`;
      const params = {
        severity: filter.severity ?? null,
        status: filter.status ?? null,
        project: filter.project ?? null,
        district: filter.district ?? null,
      };
      const [items, counts] = await Promise.all([
        db.read(
          `MATCH (a:Alert)-[:ABOUT]->(p:Project) ${where}
           WITH a, p ORDER BY CASE a.status WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END,
                              CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.id
           SKIP $skip LIMIT $limit
           RETURN ${alertProjection} AS row`,
          { ...params, skip: int((filter.page - 1) * filter.limit), limit: int(filter.limit) },
          (r) => alertRowSchema.parse(r.get('row')),
        ),
        db.read(
          `MATCH (a:Alert)-[:ABOUT]->(p:Project) ${where}
           RETURN a.severity AS severity, a.status AS status, count(a) AS n`,
          params,
          (r) => ({
            severity: String(r.get('severity')),
            status: String(r.get('status')),
            n: Number(r.get('n')),
          }),
        ),
      ]);
      const bySeverity: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const c of counts) {
        bySeverity[c.severity] = (bySeverity[c.severity] ?? 0) + c.n;
        byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
        total += c.n;
      }
      return { items, total, counts: { bySeverity, byStatus } };
    },

    async alertsOfProject(projectId: string): Promise<Alert[]> {
      return db.read(
        `MATCH (a:Alert {projectId: $projectId})-[:ABOUT]->(p:Project) WITH a, p ORDER BY a.id
         RETURN ${alertProjection} AS row`,
        { projectId },
        (r) => alertRowSchema.parse(r.get('row')),
      );
    },

    /** Acknowledges, assigns or resolves an alert, recording who did it and why. */
    async act(
      id: string,
      action: AlertAction,
      input: { note?: string | undefined; assignee?: string | undefined },
      actor: string,
      authorize: Authorize,
    ): Promise<Alert> {
      await db.writeTransaction(async (tx) => {
        const found = await tx.run(
          `MATCH (a:Alert {id: $id})-[:ABOUT]->(p:Project) SET a.lockedForWrite = true REMOVE a.lockedForWrite
           RETURN a.status AS status, COLLECT { MATCH (p)-[:IN_DISTRICT]->(d:District) RETURN d.code } AS districts`,
          { id },
        );
        const record = found.records[0];
        if (record === undefined) throw new NotFoundError('Alert', id);
        const status = z.enum(alertStatuses).parse(record.get('status'));
        authorize(z.array(z.string()).parse(record.get('districts')));
        const next: AlertStatus = decideAlertAction({ id, status }, action);
        const done = { acknowledge: 'acknowledged', assign: 'assigned', resolve: 'resolved' } as const;
        await tx.run(
          `MATCH (a:Alert {id: $id})
           SET a.status = $next, a.version = a.version + 1, a.assignee = coalesce($assignee, a.assignee),
               a.handledAt = datetime(), a.resolvedAt = CASE WHEN $next = 'resolved' THEN datetime() ELSE a.resolvedAt END
           CREATE (a)-[:HAS_ACTION]->(:AlertAction {at: datetime(), seq: 1, actor: $actor, action: $done,
                                                   note: $note, assignee: $assignee})`,
          { id, next, assignee: input.assignee ?? null, actor, done: done[action], note: input.note ?? null },
        );
        await recordChange(tx, {
          actor,
          action: done[action],
          entityType: 'Alert',
          entityId: id,
          before: { status },
          after: { status: next, ...(input.assignee === undefined ? {} : { assignee: input.assignee }) },
          ...(input.note === undefined ? {} : { summary: input.note }),
        });
      }, `alert-${action}`);
      const rows = await db.read(
        `MATCH (a:Alert {id: $id})-[:ABOUT]->(p:Project) RETURN ${alertProjection} AS row`,
        { id },
        (r) => alertRowSchema.parse(r.get('row')),
      );
      const alert = rows[0];
      if (!alert) throw new NotFoundError('Alert', id);
      return alert;
    },
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;

async function writeUpserts(
  tx: ManagedTransaction,
  rows: {
    id: string;
    ruleId: string;
    projectId: string;
    severity: string;
    message: string;
    facts: string;
    status: AlertStatus;
    transition: 'raised' | 'reopened' | null;
  }[],
  today: string,
): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (p:Project {id: row.projectId})
     MERGE (a:Alert {id: row.id})
     ON CREATE SET a.ruleId = row.ruleId, a.projectId = row.projectId, a.firstRaised = datetime(), a.version = 1
     MERGE (a)-[:ABOUT]->(p)
     SET a.severity = row.severity, a.message = row.message, a.facts = row.facts, a.status = row.status,
         a.active = true, a.lastEvaluated = date($today),
         a.firstRaised = CASE WHEN row.transition = 'reopened' THEN datetime() ELSE a.firstRaised END,
         a.version = CASE WHEN row.transition = 'reopened' THEN a.version + 1 ELSE a.version END
     WITH a, row WHERE row.transition IS NOT NULL
     CREATE (a)-[:HAS_ACTION]->(:AlertAction {at: datetime(), seq: 0, actor: 'system', action: row.transition,
                                             note: row.message, assignee: null})`,
    { rows, today },
  );
}
