import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  type ChangeFootprint,
  type ChangeRef,
  chainKey,
  dependentsOf,
  ecosystemKey,
  feedsKey,
  linkKey,
  type MapAction,
  type MapChange,
  type MapEntityType,
  mapActions,
  mapChangeSchema,
  nameKeyOf,
  placementKey,
  subjectOf,
} from '../domain/map/map-change.ts';
import type { MapHistory } from '../domain/map/map-diff.ts';
import { stageSchema } from '../http/schemas/catalog.schemas.ts';
import { recordChange } from './audit.ts';
import { type Database, type ManagedTransaction, num, text } from './database.ts';
import { bumpGraphVersion, type GraphChange } from './graph-version.ts';

/**
 * Versioned map edits. Each edit runs in one write transaction that checks the version the editor read, writes
 * validity intervals on the edited elements, records a `(:MapChange)` (before/after, what it wrote and needs, for
 * diff and revert) and an audit `(:Change)`, and bumps the graph version read caches are keyed by.
 *
 * Elements an edit creates carry `createdBy: <change id>`, elements it closes `closedBy: <change id>`, so a revert
 * finds exactly what to delete or reopen.
 */

export interface EditMeta {
  actor: string;
  /** Effective date of the edit, YYYY-MM-DD. */
  date: string;
  /** Optional note kept on the change record. */
  note?: string;
}

/** The chain version the editor read; a different current version means someone edited in between. */
export interface Versioned {
  version: number;
}

// The change record is plain data the web app parses too, so its schema lives in the domain, free of the driver.
export { type MapChange, mapChangeSchema };

const jsonColumn = z
  .string()
  .nullable()
  .transform((t): unknown => (t === null ? null : JSON.parse(t)));

const storedChangeSchema = mapChangeSchema.extend({ before: jsonColumn, after: jsonColumn });

const changeProjection = `m {.id, .seq, .action, .entityType, .entityId, .actor, .summary, .before, .after,
  .keys, .needs, .chainIds, note: m.note, reverts: m.reverts, revertedBy: m.revertedBy,
  effectiveDate: toString(m.effectiveDate), at: toString(m.at)}`;

/** What one edit did, before it is recorded. */
interface EditOutcome extends ChangeFootprint {
  action: MapAction;
  entityType: MapEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
  summary: string;
  /** Chains whose version the edit bumps. */
  chainIds: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

const intervalSchema = z.object({
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const chainStateSchema = intervalSchema.extend({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  version: z.number().int(),
});

const linkStateSchema = intervalSchema.extend({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  chainId: z.string(),
});

async function one<T>(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const result = await tx.run(cypher, params);
  const record = result.records[0];
  return record === undefined ? undefined : schema.parse(record.get('row'));
}

async function readChain(tx: ManagedTransaction, id: string) {
  return one(
    tx,
    `MATCH (c:Chain {id: $id})
     RETURN {id: c.id, name: c.name, nameEn: coalesce(c.nameEn, ''), version: coalesce(c.version, 0),
             validFrom: toString(coalesce(c.validFrom, c.asOf)), validTo: toString(c.validTo)} AS row`,
    { id },
    chainStateSchema,
  );
}

async function readLink(tx: ManagedTransaction, id: string) {
  return one(
    tx,
    `MATCH (c:Chain)-[:HAS_LINK]->(l:Link {id: $id})
     RETURN {id: l.id, name: l.name, nameEn: coalesce(l.nameEn, ''), chainId: c.id,
             validFrom: toString(coalesce(l.validFrom, l.asOf)), validTo: toString(l.validTo)} AS row`,
    { id },
    linkStateSchema,
  );
}

/** Checks the date against an element's interval: nothing happens to it before it began or after it ended. */
function assertDateWithin(
  what: string,
  state: { validFrom: string | null; validTo: string | null },
  date: string,
  closing: boolean,
): void {
  if (state.validTo !== null) {
    throw new ConflictError(`${what} was retired on ${state.validTo}; it can no longer be edited`, {
      retiredOn: state.validTo,
    });
  }
  if (state.validFrom !== null && (closing ? date <= state.validFrom : date < state.validFrom)) {
    throw new ValidationError(
      `${what} is valid from ${state.validFrom}; an edit ${closing ? 'retiring' : 'of'} it must be dated ${closing ? 'after' : 'on or after'} that`,
      [{ path: 'body.date', message: `must be ${closing ? 'after' : 'on or after'} ${state.validFrom}` }],
    );
  }
}

async function currentChain(tx: ManagedTransaction, id: string, expected: number | undefined) {
  const chain = await readChain(tx, id);
  if (!chain) throw new NotFoundError('Chain', id);
  if (expected !== undefined && chain.version !== expected) {
    throw new ConflictError(
      `Chain "${id}" is at version ${chain.version}, the edit was made against version ${expected}: reload the map and edit again`,
      { chainId: id, expectedVersion: expected, currentVersion: chain.version },
    );
  }
  return chain;
}

async function currentLink(tx: ManagedTransaction, id: string) {
  const link = await readLink(tx, id);
  if (!link) throw new NotFoundError('Link', id);
  return link;
}

/**
 * Edits of an element are dated in the order they are made, so history reads forwards: an edit may not be dated
 * before a recorded edit that wrote or needed the same element (a link cannot be retired before a firm was placed in it).
 */
async function assertNotBeforeLastEdit(tx: ManagedTransaction, keys: string[], date: string): Promise<void> {
  const result = await tx.run(
    `MATCH (m:MapChange) WHERE m.revertedBy IS NULL AND m.action <> 'revert' AND m.effectiveDate > date($date)
       AND any(k IN m.keys + m.needs
               WHERE (CASE WHEN k STARTS WITH 'name:' THEN substring(k, 5) ELSE k END) IN $subjects)
     RETURN toString(max(m.effectiveDate)) AS last`,
    { subjects: [...new Set(keys.map(subjectOf))], date },
  );
  const last = result.records[0]?.get('last');
  if (typeof last === 'string') {
    throw new ValidationError(
      `An edit of the same element is dated ${last}; this edit must be dated on or after it`,
      [{ path: 'body.date', message: `must be on or after ${last}` }],
    );
  }
}

function assertNotFuture(date: string): void {
  if (date > today()) {
    throw new ValidationError(`The edit is dated ${date}, after today: map edits record what has happened`, [
      { path: 'body.date', message: 'must not be in the future' },
    ]);
  }
}

export interface ChainInput {
  id: string;
  name: string;
  nameEn: string;
  ecosystemId: string;
  order?: number;
}

export interface LinkInput {
  id: string;
  name: string;
  nameEn: string;
  stage: 'upstream' | 'midstream' | 'downstream';
  order?: number;
  description?: string;
}

const currentChainSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  retired: z.boolean(),
});
const currentLinkSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  retired: z.boolean(),
});

export function createMapEditRepository(db: Database) {
  /** Runs one edit: its writes, then the change record, the audit entry and the version bumps, in one transaction. */
  async function edit(
    label: string,
    meta: EditMeta,
    work: (tx: ManagedTransaction, changeId: string) => Promise<EditOutcome>,
  ): Promise<MapChange> {
    assertNotFuture(meta.date);
    return db.writeTransaction(async (tx) => {
      const changeId = crypto.randomUUID();
      const outcome = await work(tx, changeId);
      await assertNotBeforeLastEdit(tx, outcome.keys, meta.date);
      return recordMapChange(tx, changeId, meta, outcome, null, changeOf(outcome.action));
    }, label);
  }

  return {
    addChain(input: ChainInput, meta: EditMeta): Promise<MapChange> {
      return edit('map-chain-add', meta, async (tx, changeId) => {
        if (await readChain(tx, input.id)) {
          throw new ConflictError(`Chain "${input.id}" already exists (chain ids are never reused)`, {
            chainId: input.id,
          });
        }
        const created = await tx.run(
          `MATCH (eco:Ecosystem {id: $ecosystemId})
           CREATE (c:Chain {id: $id, name: $name, nameEn: $nameEn, ecosystemId: eco.id,
                            order: coalesce($order, COUNT { (eco)-[:HAS_CHAIN]->() } + 1),
                            verified: false, sourceNote: $source, source: $source, asOf: date($date),
                            validFrom: date($date), version: 1, createdBy: $changeId, updatedAt: datetime()})
           CREATE (eco)-[:HAS_CHAIN {source: $source, asOf: date($date), createdBy: $changeId}]->(c)
           RETURN c.id AS id`,
          { ...input, order: input.order ?? null, date: meta.date, source: sourceOf(meta), changeId },
        );
        if (created.records.length === 0) throw new NotFoundError('Ecosystem', input.ecosystemId);
        return {
          action: 'chain.add',
          entityType: 'Chain',
          entityId: input.id,
          before: null,
          after: input,
          summary: `Added chain ${input.id} (${input.name}) to ecosystem ${input.ecosystemId}`,
          keys: [chainKey(input.id)],
          needs: [ecosystemKey(input.ecosystemId)],
          chainIds: [],
        };
      });
    },

    renameChain(
      id: string,
      input: Versioned & { name: string; nameEn?: string },
      meta: EditMeta,
    ): Promise<MapChange> {
      return edit('map-chain-rename', meta, async (tx) => {
        const chain = await currentChain(tx, id, input.version);
        assertDateWithin(`Chain "${id}"`, chain, meta.date, false);
        const after = { name: input.name, nameEn: input.nameEn ?? chain.nameEn };
        if (after.name === chain.name && after.nameEn === chain.nameEn) {
          throw new ConflictError(`Chain "${id}" is already named ${chain.name}`, { chainId: id });
        }
        await tx.run('MATCH (c:Chain {id: $id}) SET c.name = $name, c.nameEn = $nameEn', { id, ...after });
        return {
          action: 'chain.rename',
          entityType: 'Chain',
          entityId: id,
          before: { name: chain.name, nameEn: chain.nameEn },
          after,
          summary: `Renamed chain ${id} from ${chain.name} to ${after.name}`,
          keys: [nameKeyOf(chainKey(id))],
          needs: [chainKey(id)],
          chainIds: [id],
        };
      });
    },

    retireChain(id: string, input: Versioned, meta: EditMeta): Promise<MapChange> {
      return edit('map-chain-retire', meta, async (tx, changeId) => {
        const chain = await currentChain(tx, id, input.version);
        assertDateWithin(`Chain "${id}"`, chain, meta.date, true);
        const result = await tx.run(
          `MATCH (c:Chain {id: $id})
           SET c.validTo = date($date), c.closedBy = $changeId
           WITH c
           OPTIONAL MATCH (c)-[:HAS_LINK]->(l:Link) WHERE l.validTo IS NULL
           SET l.validTo = date($date), l.closedBy = $changeId
           WITH collect(l.id) AS linkIds
           CALL (linkIds) {
             UNWIND linkIds AS linkId
             MATCH (:Link {id: linkId})-[r:FEEDS|IN_LINK]-()
             WHERE r.validTo IS NULL
             SET r.validTo = date($date), r.closedBy = $changeId
             RETURN count(r) AS closed
           }
           RETURN linkIds, closed`,
          { id, date: meta.date, changeId },
        );
        const linkIds = z.array(z.string()).parse(result.records[0]?.get('linkIds') ?? []);
        return {
          action: 'chain.retire',
          entityType: 'Chain',
          entityId: id,
          before: { validTo: null, links: linkIds },
          after: { validTo: meta.date, links: linkIds },
          summary: `Retired chain ${id} (${chain.name}) with its ${linkIds.length} link(s)`,
          keys: [chainKey(id), ...linkIds.map(linkKey)],
          needs: [],
          chainIds: [id],
        };
      });
    },

    addLink(chainId: string, input: Versioned & LinkInput, meta: EditMeta): Promise<MapChange> {
      return edit('map-link-add', meta, async (tx, changeId) => {
        const chain = await currentChain(tx, chainId, input.version);
        assertDateWithin(`Chain "${chainId}"`, chain, meta.date, false);
        if (await readLink(tx, input.id)) {
          throw new ConflictError(`Link "${input.id}" already exists (link ids are never reused)`, {
            linkId: input.id,
          });
        }
        const { version: _version, ...link } = input;
        await tx.run(
          `MATCH (c:Chain {id: $chainId})
           CREATE (l:Link {id: $id, name: $name, nameEn: $nameEn, stage: $stage, description: $description,
                           order: coalesce($order, COUNT { (c)-[:HAS_LINK]->(:Link {stage: $stage}) } + 1),
                           chainId: c.id, source: $source, asOf: date($date), validFrom: date($date),
                           createdBy: $changeId})
           CREATE (c)-[:HAS_LINK {source: $source, asOf: date($date), createdBy: $changeId}]->(l)`,
          {
            ...link,
            order: link.order ?? null,
            description: link.description ?? null,
            chainId,
            date: meta.date,
            source: sourceOf(meta),
            changeId,
          },
        );
        return {
          action: 'link.add',
          entityType: 'Link',
          entityId: input.id,
          before: null,
          after: { ...link, chainId },
          summary: `Added link ${input.id} (${input.name}, ${input.stage}) to chain ${chainId}`,
          keys: [linkKey(input.id)],
          needs: [chainKey(chainId)],
          chainIds: [chainId],
        };
      });
    },

    renameLink(
      id: string,
      input: Versioned & { name: string; nameEn?: string },
      meta: EditMeta,
    ): Promise<MapChange> {
      return edit('map-link-rename', meta, async (tx) => {
        const link = await currentLink(tx, id);
        await currentChain(tx, link.chainId, input.version);
        assertDateWithin(`Link "${id}"`, link, meta.date, false);
        const after = { name: input.name, nameEn: input.nameEn ?? link.nameEn };
        if (after.name === link.name && after.nameEn === link.nameEn) {
          throw new ConflictError(`Link "${id}" is already named ${link.name}`, { linkId: id });
        }
        await tx.run('MATCH (l:Link {id: $id}) SET l.name = $name, l.nameEn = $nameEn', { id, ...after });
        return {
          action: 'link.rename',
          entityType: 'Link',
          entityId: id,
          before: { name: link.name, nameEn: link.nameEn },
          after,
          summary: `Renamed link ${id} from ${link.name} to ${after.name}`,
          keys: [nameKeyOf(linkKey(id))],
          needs: [linkKey(id)],
          chainIds: [link.chainId],
        };
      });
    },

    retireLink(id: string, input: Versioned, meta: EditMeta): Promise<MapChange> {
      return edit('map-link-retire', meta, async (tx, changeId) => {
        const link = await currentLink(tx, id);
        await currentChain(tx, link.chainId, input.version);
        assertDateWithin(`Link "${id}"`, link, meta.date, true);
        const result = await tx.run(
          `MATCH (l:Link {id: $id})
           SET l.validTo = date($date), l.closedBy = $changeId
           WITH l
           CALL (l) {
             MATCH (l)-[r:FEEDS|IN_LINK]-() WHERE r.validTo IS NULL
             SET r.validTo = date($date), r.closedBy = $changeId
             RETURN count(r) AS closed
           }
           CALL (l) {
             MATCH (l)-[f:FEEDS]-(other:Link)
             WHERE f.closedBy = $changeId AND other.chainId <> l.chainId
             RETURN collect(DISTINCT other.chainId) AS otherChains
           }
           RETURN closed, otherChains`,
          { id, date: meta.date, changeId },
        );
        const closed = z.number().parse(result.records[0]?.get('closed') ?? 0);
        const otherChains = z.array(z.string()).parse(result.records[0]?.get('otherChains') ?? []);
        return {
          action: 'link.retire',
          entityType: 'Link',
          entityId: id,
          before: { validTo: null },
          after: { validTo: meta.date, closedRelationships: closed },
          summary: `Retired link ${id} (${link.name}) of chain ${link.chainId}; ${closed} FEEDS/IN_LINK edge(s) closed`,
          keys: [linkKey(id)],
          needs: [],
          chainIds: [link.chainId, ...otherChains],
        };
      });
    },

    addFeeds(
      input: Versioned & { from: string; to: string; note?: string },
      meta: EditMeta,
    ): Promise<MapChange> {
      return edit('map-feeds-add', meta, async (tx, changeId) => {
        const [from, to] = await feedsEnds(tx, input.from, input.to, input.version, meta.date);
        const existing = await tx.run(
          `MATCH (:Link {id: $from})-[f:FEEDS]->(:Link {id: $to}) WHERE f.validTo IS NULL RETURN count(f) AS n`,
          input,
        );
        if (Number(existing.records[0]?.get('n') ?? 0) > 0) {
          throw new ConflictError(`${input.from} already FEEDS ${input.to}`, {
            from: input.from,
            to: input.to,
          });
        }
        // A new relationship even if an older, closed one exists: each keeps its own interval.
        await tx.run(
          `MATCH (a:Link {id: $from}), (b:Link {id: $to})
           CREATE (a)-[:FEEDS {note: $note, source: $source, asOf: date($date), validFrom: date($date),
                               createdBy: $changeId}]->(b)`,
          { ...input, note: input.note ?? null, source: sourceOf(meta), date: meta.date, changeId },
        );
        return {
          action: 'feeds.add',
          entityType: 'FEEDS',
          entityId: `${input.from}>${input.to}`,
          before: null,
          after: { from: input.from, to: input.to, note: input.note ?? null },
          summary: `${from.name} (${input.from}) now FEEDS ${to.name} (${input.to})`,
          keys: [feedsKey(input.from, input.to)],
          needs: [linkKey(input.from), linkKey(input.to)],
          chainIds: [...new Set([from.chainId, to.chainId])],
        };
      });
    },

    removeFeeds(input: Versioned & { from: string; to: string }, meta: EditMeta): Promise<MapChange> {
      return edit('map-feeds-remove', meta, async (tx, changeId) => {
        const [from, to] = await feedsEnds(tx, input.from, input.to, input.version, meta.date);
        const result = await tx.run(
          `MATCH (:Link {id: $from})-[f:FEEDS]->(:Link {id: $to}) WHERE f.validTo IS NULL
           RETURN toString(coalesce(f.validFrom, f.asOf)) AS validFrom, f.note AS note`,
          input,
        );
        const record = result.records[0];
        if (!record) {
          throw new NotFoundError('FEEDS edge', `${input.from} -> ${input.to}`);
        }
        const validFrom = z.string().nullable().parse(record.get('validFrom'));
        assertDateWithin(`FEEDS ${input.from} -> ${input.to}`, { validFrom, validTo: null }, meta.date, true);
        await tx.run(
          `MATCH (:Link {id: $from})-[f:FEEDS]->(:Link {id: $to}) WHERE f.validTo IS NULL
           SET f.validTo = date($date), f.closedBy = $changeId`,
          { ...input, date: meta.date, changeId },
        );
        return {
          action: 'feeds.remove',
          entityType: 'FEEDS',
          entityId: `${input.from}>${input.to}`,
          before: { from: input.from, to: input.to, note: z.string().nullable().parse(record.get('note')) },
          after: null,
          summary: `${from.name} (${input.from}) no longer FEEDS ${to.name} (${input.to})`,
          keys: [feedsKey(input.from, input.to)],
          needs: [],
          chainIds: [...new Set([from.chainId, to.chainId])],
        };
      });
    },

    /**
     * Places an enterprise in `toLinkId`, closing its current IN_LINKs (all of them, or only `fromLinkId`). The
     * editor names the links it saw the firm in (`expectedLinks`); if the firm's links changed since, 409.
     */
    moveEnterprise(
      enterpriseId: string,
      input: { toLinkId: string; fromLinkId?: string; expectedLinks: string[] },
      meta: EditMeta,
    ): Promise<MapChange> {
      return edit('map-enterprise-move', meta, async (tx, changeId) => {
        const found = await tx.run(
          `MATCH (e:Enterprise {id: $id})
           RETURN e.name AS name,
                  COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link) WHERE r.validTo IS NULL RETURN DISTINCT l.id } AS links`,
          { id: enterpriseId },
        );
        const record = found.records[0];
        if (!record) throw new NotFoundError('Enterprise', enterpriseId);
        const name = z.string().parse(record.get('name'));
        const current = z.array(z.string()).parse(record.get('links')).sort();
        const expected = [...new Set(input.expectedLinks)].sort();
        if (current.join() !== expected.join()) {
          throw new ConflictError(
            `Enterprise "${enterpriseId}" is in link(s) [${current.join(', ')}], the edit was made seeing [${expected.join(', ')}]: reload and edit again`,
            { enterpriseId, expectedLinks: expected, currentLinks: current },
          );
        }
        if (input.fromLinkId !== undefined && !current.includes(input.fromLinkId)) {
          throw new ValidationError(`Enterprise "${enterpriseId}" is not in link ${input.fromLinkId}`, [
            { path: 'body.fromLinkId', message: 'the enterprise is not in this link' },
          ]);
        }
        if (current.includes(input.toLinkId)) {
          throw new ConflictError(`Enterprise "${enterpriseId}" is already in link ${input.toLinkId}`, {
            enterpriseId,
            linkId: input.toLinkId,
          });
        }
        const target = await currentLink(tx, input.toLinkId);
        assertDateWithin(`Link "${input.toLinkId}"`, target, meta.date, false);
        const closing = input.fromLinkId === undefined ? current : [input.fromLinkId];
        const closedChains = await tx.run(
          `MATCH (e:Enterprise {id: $id})-[r:IN_LINK]->(l:Link)
           WHERE r.validTo IS NULL AND l.id IN $closing
           SET r.validTo = date($date), r.closedBy = $changeId
           RETURN collect(DISTINCT l.chainId) AS chains`,
          { id: enterpriseId, closing, date: meta.date, changeId },
        );
        await tx.run(
          `MATCH (e:Enterprise {id: $id}), (l:Link {id: $to})
           CREATE (e)-[:IN_LINK {confidence: 1.0, evidence: $evidence, source: $source, asOf: date($date),
                                 validFrom: date($date), createdBy: $changeId}]->(l)`,
          {
            id: enterpriseId,
            to: input.toLinkId,
            evidence: meta.note ?? `placed by ${meta.actor}`,
            source: sourceOf(meta),
            date: meta.date,
            changeId,
          },
        );
        const chains = z.array(z.string()).parse(closedChains.records[0]?.get('chains') ?? []);
        return {
          action: 'enterprise.move',
          entityType: 'IN_LINK',
          entityId: enterpriseId,
          before: { links: current },
          after: { links: [...current.filter((l) => !closing.includes(l)), input.toLinkId].sort() },
          summary: `Moved ${name} (${enterpriseId}) ${closing.length > 0 ? `from ${closing.join(', ')} ` : ''}to ${input.toLinkId}`,
          keys: [placementKey(enterpriseId)],
          needs: [linkKey(input.toLinkId)],
          chainIds: [...new Set([...chains, target.chainId])],
        };
      });
    },

    /** Undoes one change as if it had not been made; the revert is itself recorded. */
    revert(changeId: string, meta: Omit<EditMeta, 'date'>): Promise<MapChange> {
      return db.writeTransaction(async (tx) => {
        const change = await one(
          tx,
          `MATCH (m:MapChange {id: $id}) RETURN ${changeProjection} AS row`,
          { id: changeId },
          storedChangeSchema,
        );
        if (!change) throw new NotFoundError('Map change', changeId);
        if (change.action === 'revert') {
          throw new ConflictError('A revert cannot be reverted: make the edit again instead', { changeId });
        }
        if (change.revertedBy !== null) {
          throw new ConflictError(`Change ${changeId} was already reverted by ${change.revertedBy}`, {
            changeId,
            revertedBy: change.revertedBy,
          });
        }
        const later = await tx.run(
          `MATCH (m:MapChange) WHERE m.seq > $seq AND m.action <> 'revert' AND m.revertedBy IS NULL
             AND (any(k IN m.keys WHERE k IN $keys) OR any(k IN m.needs WHERE k IN $keys))
           RETURN {id: m.id, seq: m.seq, action: m.action, summary: m.summary, keys: m.keys, needs: m.needs} AS row
           ORDER BY m.seq`,
          { seq: change.seq, keys: change.keys },
        );
        const refSchema = z.object({
          id: z.string(),
          seq: z.number().int(),
          action: z.enum(mapActions),
          summary: z.string(),
          keys: z.array(z.string()),
          needs: z.array(z.string()),
        });
        const dependents = dependentsOf(
          change satisfies ChangeRef,
          later.records.map((r) => refSchema.parse(r.get('row'))),
        );
        if (dependents.length > 0) {
          throw new ConflictError(
            `Change ${changeId} (${change.summary}) cannot be reverted: ${dependents.length} later change(s) build on it; revert them first, newest first: ${dependents
              .map((d) => `${d.id} (${d.summary})`)
              .reverse()
              .join('; ')}`,
            { changeId, dependents: dependents.map((d) => ({ id: d.id, summary: d.summary })) },
          );
        }
        await undo(tx, change);
        const revertId = crypto.randomUUID();
        const recorded = await recordMapChange(
          tx,
          revertId,
          { ...meta, date: change.effectiveDate },
          {
            action: 'revert',
            entityType: change.entityType,
            entityId: change.entityId,
            before: change.after,
            after: change.before,
            summary: `Reverted: ${change.summary}`,
            keys: change.keys,
            needs: [],
            chainIds: change.chainIds,
          },
          change.id,
          changeOf(change.action),
        );
        await tx.run('MATCH (m:MapChange {id: $id}) SET m.revertedBy = $revertId', {
          id: change.id,
          revertId,
        });
        return recorded;
      }, 'map-revert');
    },

    async getChange(id: string): Promise<MapChange | undefined> {
      const rows = await db.read(
        `MATCH (m:MapChange {id: $id}) RETURN ${changeProjection} AS row`,
        { id },
        (r) => storedChangeSchema.parse(r.get('row')),
      );
      return rows[0];
    },

    /** Every chain, link and FEEDS edge with its interval, and the unreverted renames: the input of a map diff. */
    async readHistory(): Promise<MapHistory> {
      const interval = (v: string) =>
        `validFrom: toString(coalesce(${v}.validFrom, ${v}.asOf)), validTo: toString(${v}.validTo)`;
      const [chains, links, feeds, renames] = await Promise.all([
        db.read(
          `MATCH (c:Chain) RETURN {id: c.id, name: c.name, nameEn: coalesce(c.nameEn, ''), ${interval('c')}} AS row`,
          {},
          (r) => historyChainSchema.parse(r.get('row')),
        ),
        db.read(
          `MATCH (c:Chain)-[:HAS_LINK]->(l:Link)
           RETURN {id: l.id, name: l.name, nameEn: coalesce(l.nameEn, ''), chainId: c.id, ${interval('l')}} AS row`,
          {},
          (r) => historyLinkSchema.parse(r.get('row')),
        ),
        db.read(
          `MATCH (a:Link)-[f:FEEDS]->(b:Link) RETURN {from: a.id, to: b.id, ${interval('f')}} AS row`,
          {},
          (r) => historyFeedSchema.parse(r.get('row')),
        ),
        db.read(
          `MATCH (m:MapChange) WHERE m.action IN ['chain.rename', 'link.rename'] AND m.revertedBy IS NULL
           RETURN {entityType: m.entityType, entityId: m.entityId, effectiveDate: toString(m.effectiveDate),
                   seq: m.seq, before: m.before} AS row`,
          {},
          (r) => historyRenameSchema.parse(r.get('row')),
        ),
      ]);
      return { chains, links, feeds, renames };
    },

    /** The map as it stands today (retired chains and links marked), as a chain-map import compares it. */
    async readCurrentMap() {
      const [ecosystems, chains, links, feeds] = await Promise.all([
        db.read('MATCH (e:Ecosystem) RETURN e.id AS id, e.name AS name', {}, (r) => ({
          id: text(r, 'id'),
          name: text(r, 'name'),
        })),
        db.read(
          `MATCH (c:Chain)
           RETURN {id: c.id, name: c.name, nameEn: coalesce(c.nameEn, ''), retired: c.validTo IS NOT NULL} AS row`,
          {},
          (r) => currentChainSchema.parse(r.get('row')),
        ),
        db.read(
          `MATCH (c:Chain)-[:HAS_LINK]->(l:Link)
           RETURN {id: l.id, chainId: c.id, name: l.name, nameEn: coalesce(l.nameEn, ''), stage: l.stage,
                   retired: l.validTo IS NOT NULL} AS row`,
          {},
          (r) => currentLinkSchema.parse(r.get('row')),
        ),
        db.read(
          'MATCH (a:Link)-[f:FEEDS]->(b:Link) WHERE f.validTo IS NULL RETURN a.id AS from, b.id AS to',
          {},
          (r) => ({ from: text(r, 'from'), to: text(r, 'to') }),
        ),
      ]);
      return { ecosystems, chains, links, feeds };
    },

    /** A chain's current version, which the next edit of it must name. */
    async chainVersion(id: string): Promise<number> {
      const [version] = await db.read(
        'MATCH (c:Chain {id: $id}) RETURN coalesce(c.version, 0) AS version',
        { id },
        (r) => num(r, 'version'),
      );
      if (version === undefined) throw new NotFoundError('Chain', id);
      return version;
    },

    /** Enterprise moves effective in (from, to] and not reverted. */
    listMoves(range: { from: string; to: string }): Promise<MapChange[]> {
      return db.read(
        `MATCH (m:MapChange) WHERE m.effectiveDate > date($from) AND m.effectiveDate <= date($to)
           AND m.action = 'enterprise.move' AND m.revertedBy IS NULL
         RETURN ${changeProjection} AS row ORDER BY m.effectiveDate, m.seq`,
        range,
        (r) => storedChangeSchema.parse(r.get('row')),
      );
    },

    /** Changes effective in (from, to], in the order they were made. */
    listChanges(range: { from: string; to: string }): Promise<MapChange[]> {
      return db.read(
        `MATCH (m:MapChange) WHERE m.effectiveDate > date($from) AND m.effectiveDate <= date($to)
         RETURN ${changeProjection} AS row ORDER BY m.seq`,
        range,
        (r) => storedChangeSchema.parse(r.get('row')),
      );
    },
  };
}

export type MapEditRepository = ReturnType<typeof createMapEditRepository>;

const sourceOf = (meta: EditMeta) => `user:${meta.actor}`;

async function feedsEnds(
  tx: ManagedTransaction,
  fromId: string,
  toId: string,
  version: number,
  date: string,
) {
  if (fromId === toId) {
    throw new ValidationError('A link cannot feed itself', [
      { path: 'body.to', message: 'must differ from from' },
    ]);
  }
  const from = await currentLink(tx, fromId);
  const to = await currentLink(tx, toId);
  await currentChain(tx, from.chainId, version);
  assertDateWithin(`Link "${fromId}"`, from, date, false);
  assertDateWithin(`Link "${toId}"`, to, date, false);
  return [from, to] as const;
}

/** Renames (and their reverts) change names only: what is counted and ranked stays (see `GraphVersion`). */
function changeOf(action: MapAction): GraphChange {
  return action === 'chain.rename' || action === 'link.rename' ? 'names' : 'any';
}

async function recordMapChange(
  tx: ManagedTransaction,
  id: string,
  meta: EditMeta,
  outcome: EditOutcome,
  reverts: string | null,
  change: GraphChange,
): Promise<MapChange> {
  const action = outcome.action;
  const sequence = await tx.run(
    `MERGE (s:MapChangeSequence {id: 'map'})
     SET s.value = coalesce(s.value, 0) + 1
     RETURN s.value AS seq`,
  );
  const seq = z.number().int().parse(sequence.records[0]?.get('seq'));
  const result = await tx.run(
    `CREATE (m:MapChange {id: $id, seq: $seq, action: $action, entityType: $entityType, entityId: $entityId,
                          effectiveDate: date($date), at: datetime(), actor: $actor, summary: $summary,
                          note: $note, before: $before, after: $after, keys: $keys, needs: $needs,
                          chainIds: $chainIds, reverts: $reverts})
     WITH m
     CALL (m) {
       UNWIND m.chainIds AS chainId
       MATCH (c:Chain {id: chainId})
       SET c.version = coalesce(c.version, 0) + 1, c.updatedAt = datetime()
     }
     RETURN ${changeProjection} AS row`,
    {
      id,
      seq: Math.trunc(seq),
      action,
      entityType: outcome.entityType,
      entityId: outcome.entityId,
      date: meta.date,
      actor: meta.actor,
      summary: outcome.summary,
      note: meta.note ?? null,
      before: JSON.stringify(outcome.before ?? null),
      after: JSON.stringify(outcome.after ?? null),
      keys: outcome.keys,
      needs: outcome.needs,
      chainIds: outcome.chainIds,
      reverts,
    },
  );
  await recordChange(tx, {
    actor: meta.actor,
    action: `map.${action}`,
    entityType: outcome.entityType,
    entityId: outcome.entityId,
    before: outcome.before,
    after: outcome.after,
    summary: outcome.summary,
  });
  await bumpGraphVersion(tx, change);
  return storedChangeSchema.parse(result.records[0]?.get('row'));
}

const namesSchema = z.object({ name: z.string(), nameEn: z.string() });

const historyIntervalSchema = z.object({ validFrom: z.string().nullable(), validTo: z.string().nullable() });
const historyChainSchema = historyIntervalSchema.extend({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
});
const historyLinkSchema = historyChainSchema.extend({ chainId: z.string() });
const historyFeedSchema = historyIntervalSchema.extend({ from: z.string(), to: z.string() });
const historyRenameSchema = z.object({
  entityType: z.enum(['Chain', 'Link']),
  entityId: z.string(),
  effectiveDate: z.string(),
  seq: z.number().int(),
  before: z
    .string()
    .transform((t): unknown => JSON.parse(t))
    .pipe(namesSchema),
});

/** Deletes what `change` created and reopens what it closed. */
async function undo(tx: ManagedTransaction, change: MapChange): Promise<void> {
  const params = { id: change.id, entityId: change.entityId };
  switch (change.action) {
    case 'chain.add':
      await tx.run('MATCH (c:Chain {createdBy: $id}) DETACH DELETE c', params);
      return;
    case 'link.add': {
      const used = await tx.run(
        `MATCH (l:Link {createdBy: $id})
         RETURN COUNT { (l)-[r:FEEDS|IN_LINK]-() WHERE r.createdBy IS NULL OR r.createdBy <> $id } AS n`,
        params,
      );
      const n = Number(used.records[0]?.get('n') ?? 0);
      if (n > 0) {
        throw new ConflictError(
          `Link ${change.entityId} has ${n} FEEDS or IN_LINK edge(s) written since it was added (by imports or edits): retire it instead of reverting its creation`,
          { changeId: change.id, edges: n },
        );
      }
      await tx.run('MATCH (l:Link {createdBy: $id}) DETACH DELETE l', params);
      return;
    }
    case 'chain.rename':
    case 'link.rename': {
      const before = namesSchema.parse(change.before);
      const label = change.action === 'chain.rename' ? 'Chain' : 'Link';
      await tx.run(`MATCH (x:${label} {id: $entityId}) SET x.name = $name, x.nameEn = $nameEn`, {
        ...params,
        ...before,
      });
      return;
    }
    case 'feeds.add':
      await tx.run('MATCH ()-[f:FEEDS {createdBy: $id}]->() DELETE f', params);
      return;
    case 'enterprise.move':
      await tx.run('MATCH ()-[r:IN_LINK {createdBy: $id}]->() DELETE r', params);
      await reopen(tx, change.id);
      return;
    case 'chain.retire':
    case 'link.retire':
    case 'feeds.remove':
      await reopen(tx, change.id);
      return;
    case 'revert':
      return;
  }
}

/** Each statement seeks one index (closedBy on chains, links, FEEDS, IN_LINK). */
async function reopen(tx: ManagedTransaction, changeId: string): Promise<void> {
  for (const cypher of [
    'MATCH (x:Chain {closedBy: $id}) SET x.validTo = null, x.closedBy = null',
    'MATCH (x:Link {closedBy: $id}) SET x.validTo = null, x.closedBy = null',
    'MATCH ()-[r:FEEDS {closedBy: $id}]->() SET r.validTo = null, r.closedBy = null',
    'MATCH ()-[r:IN_LINK {closedBy: $id}]->() SET r.validTo = null, r.closedBy = null',
  ]) {
    await tx.run(cypher, { id: changeId });
  }
}
