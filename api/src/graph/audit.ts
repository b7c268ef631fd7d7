import { z } from 'zod';
import { type Database, int, type ManagedTransaction } from './database.ts';

/**
 * The audit trail: every write records a `(:Change {id, at, actor, action, entityType, entityId, before,
 * after, summary})` in the writer's own transaction, so a change and its record commit or fail together.
 * `before` and `after` are JSON text (node properties cannot hold maps).
 */
export interface ChangeInput {
  /** Username of who made the change (`actorOf(user)`), or `system`. */
  actor: string;
  /** What was done, e.g. `create`, `update`, `import`, `accept`. */
  action: string;
  /** The kind of record changed, e.g. `WeightProfile`, `Import`, `Proposal`. */
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  summary?: string;
}

/** Records a change in the caller's transaction and returns its id. */
export async function recordChange(tx: ManagedTransaction, change: ChangeInput): Promise<string> {
  const result = await tx.run(
    `CREATE (c:Change {id: randomUUID(), at: datetime(), actor: $actor, action: $action,
                       entityType: $entityType, entityId: $entityId, before: $before, after: $after,
                       summary: $summary})
     RETURN c.id AS id`,
    {
      actor: change.actor,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: jsonText(change.before),
      after: jsonText(change.after),
      summary: change.summary ?? null,
    },
  );
  const id = result.records[0]?.get('id');
  if (typeof id !== 'string')
    throw new Error(`The change to ${change.entityType} ${change.entityId} was not recorded`);
  return id;
}

/** Nothing before a create or after a delete is stored as no property at all (read back as null). */
function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

const jsonValue = z
  .string()
  .nullable()
  .transform((text): unknown => {
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  });

export const changeRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: jsonValue,
  after: jsonValue,
  summary: z.string().nullable(),
});
export type ChangeRecord = z.output<typeof changeRowSchema>;

export interface ChangeFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** ISO date or datetime; inclusive. */
  from?: string;
  /** ISO date or datetime; exclusive. */
  to?: string;
  page: number;
  limit: number;
}

export function createAuditRepository(db: Database) {
  return {
    /** Changes matching the filter, newest first, one page of them, and how many match in all. */
    async listChanges(filter: ChangeFilter): Promise<{ items: ChangeRecord[]; total: number }> {
      const where = `WHERE ($entityType IS NULL OR c.entityType = $entityType)
          AND ($entityId IS NULL OR c.entityId = $entityId)
          AND ($actor IS NULL OR c.actor = $actor)
          AND ($from IS NULL OR c.at >= datetime($from))
          AND ($to IS NULL OR c.at < datetime($to))`;
      const params = {
        entityType: filter.entityType ?? null,
        entityId: filter.entityId ?? null,
        actor: filter.actor ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      };
      const [items, totals] = await Promise.all([
        db.read(
          `MATCH (c:Change) ${where}
           WITH c ORDER BY c.at DESC, c.id SKIP $skip LIMIT $limit
           RETURN {id: c.id, at: toString(c.at), actor: c.actor, action: c.action,
                   entityType: c.entityType, entityId: c.entityId, before: c.before, after: c.after,
                   summary: c.summary} AS row`,
          { ...params, skip: int((filter.page - 1) * filter.limit), limit: int(filter.limit) },
          (r) => changeRowSchema.parse(r.get('row')),
        ),
        db.read(`MATCH (c:Change) ${where} RETURN count(c) AS total`, params, (r) =>
          z.number().int().parse(r.get('total')),
        ),
      ]);
      return { items, total: totals[0] ?? 0 };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
