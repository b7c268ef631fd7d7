import { z } from 'zod';
import { ConflictError } from '../domain/errors.ts';
import { type Database, int } from './database.ts';
import {
  DumpFormatError,
  decodeProperties,
  dumpValueSchema,
  encodeProperties,
  typedPropertiesCypher,
} from './dump-values.ts';

/**
 * The whole graph as JSON lines and back: a header, every node, every relationship, a trailer with the counts.
 *
 * Nodes are ordered by their primary label (the smallest of their labels) and, within it, by the label's unique key
 * (from the uniqueness constraints, else `id`); labels without a usable key are ordered by their text. Each node is
 * numbered in that order, and relationships name their ends by number, ordered by start node, type, end node and
 * text. Property keys are sorted. So the same graph always gives the same bytes, whatever its internal ids.
 */

export const DUMP_FORMAT = 'chainscout-graph';
export const DUMP_VERSION = 1;
const PAGE = 5_000;
/** Labels without a unique key are sorted in memory; beyond this size they need a key. */
const MAX_UNKEYED = 200_000;
/** Temporary label and property that let a restore find nodes by their number. */
const RESTORE_LABEL = 'ChainScoutRestore';
const RESTORE_INDEX = 'chainscout_restore_ref';

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Labels, types and keys go into Cypher text: only plain names, quoted. */
function quoted(name: string, where: string): string {
  if (!namePattern.test(name)) throw new DumpFormatError(`${where}: "${name}" is not a plain name`);
  return `\`${name}\``;
}

const headerSchema = z.strictObject({ format: z.literal(DUMP_FORMAT), version: z.literal(DUMP_VERSION) });
const nodeLineSchema = z.strictObject({
  node: z.number().int().min(0),
  labels: z.array(z.string()).min(1),
  props: z.record(z.string(), dumpValueSchema),
});
const relLineSchema = z.strictObject({
  rel: z.string(),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  props: z.record(z.string(), dumpValueSchema),
});
const trailerSchema = z.strictObject({
  end: z.literal(true),
  nodes: z.number().int().min(0),
  relationships: z.number().int().min(0),
});

export interface DumpCounts {
  nodes: number;
  relationships: number;
}

/** One line of text per call, without its newline. */
export type LineWriter = (line: string) => Promise<void> | void;

async function uniqueKeys(db: Database): Promise<Map<string, string>> {
  const rows = await db.read(
    `SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
     WHERE type IN ['UNIQUENESS', 'NODE_KEY'] AND entityType = 'NODE' AND size(properties) = 1
     RETURN labelsOrTypes[0] AS label, properties[0] AS property`,
    {},
    (r) => ({ label: z.string().parse(r.get('label')), property: z.string().parse(r.get('property')) }),
  );
  const keys = new Map<string, string>();
  for (const { label, property } of rows.sort((a, b) => a.property.localeCompare(b.property))) {
    // `id` when a label has it among several unique keys (Enterprise: id and creditCode).
    if (!keys.has(label) || property === 'id') keys.set(label, property);
  }
  return keys;
}

const nodeRowSchema = z.object({ eid: z.string(), labels: z.array(z.string()), props: z.unknown() });

/** Writes the graph as JSON lines; returns the counts written. */
export async function exportGraph(db: Database, write: LineWriter): Promise<DumpCounts> {
  const keys = await uniqueKeys(db);
  const labels = (
    await db.read('CALL db.labels() YIELD label RETURN label ORDER BY label', {}, (r) =>
      z.string().parse(r.get('label')),
    )
  ).filter((l) => l !== RESTORE_LABEL);
  await write(JSON.stringify({ format: DUMP_FORMAT, version: DUMP_VERSION }));

  const order: string[] = [];
  const numberOf = new Map<string, number>();
  const emit = async (row: z.infer<typeof nodeRowSchema>, where: string) => {
    const n = order.length;
    order.push(row.eid);
    numberOf.set(row.eid, n);
    const line = { node: n, labels: [...row.labels].sort(), props: encodeProperties(row.props, where) };
    await write(JSON.stringify(line));
  };

  const primary = 'all(other IN labels(n) WHERE other >= $label)';
  const project = `RETURN elementId(n) AS eid, labels(n) AS labels, ${typedPropertiesCypher('n')} AS props`;
  const asRow = (r: { get(key: string): unknown }) =>
    nodeRowSchema.parse({ eid: r.get('eid'), labels: r.get('labels'), props: r.get('props') });

  for (const label of labels) {
    const l = quoted(label, 'label');
    let key = keys.get(label);
    if (key === undefined) {
      const [stats] = await db.read(
        `MATCH (n:${l}) WHERE ${primary}
         RETURN count(n) AS total, count(DISTINCT n.id) AS ids, count(n.id) AS withId`,
        { label },
        (r) => ({
          total: Number(r.get('total')),
          ids: Number(r.get('ids')),
          withId: Number(r.get('withId')),
        }),
      );
      if (stats && stats.total > 0 && stats.ids === stats.total && stats.withId === stats.total) key = 'id';
    }
    if (key !== undefined) {
      const k = quoted(key, `key of ${label}`);
      // Nodes of the label lacking the key come first, in text order, then the rest page by page along the key.
      const unkeyed = await db.read(
        `MATCH (n:${l}) WHERE ${primary} AND n.${k} IS NULL ${project}`,
        { label },
        asRow,
      );
      for (const row of sortByText(unkeyed, label)) await emit(row.row, `${label} ${row.text}`);
      let after: unknown = null;
      for (;;) {
        const page = await db.read(
          `MATCH (n:${l}) WHERE ${primary} AND n.${k} IS NOT NULL AND ($after IS NULL OR n.${k} > $after)
           WITH n ORDER BY n.${k} LIMIT $limit
           ${project}, n.${k} AS key`,
          { label, after, limit: int(PAGE) },
          (r) => ({ row: asRow(r), key: r.get('key') }),
        );
        for (const { row, key: value } of page) await emit(row, `${label} ${String(value)}`);
        if (page.length < PAGE) break;
        after = page[page.length - 1]?.key;
      }
      continue;
    }
    const all = await db.read(
      `MATCH (n:${l}) WHERE ${primary} ${project} LIMIT ${MAX_UNKEYED + 1}`,
      { label },
      asRow,
    );
    if (all.length > MAX_UNKEYED) {
      throw new DumpFormatError(
        `Label ${label} has over ${MAX_UNKEYED} nodes and no unique key: add a uniqueness constraint or an id`,
      );
    }
    for (const row of sortByText(all, label)) await emit(row.row, `${label} ${row.text}`);
  }

  let relationships = 0;
  for (let i = 0; i < order.length; i += PAGE) {
    const ids = order.slice(i, i + PAGE);
    const rows = await db.read(
      `MATCH (a) WHERE elementId(a) IN $ids
       MATCH (a)-[r]->(b)
       RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, ${typedPropertiesCypher('r')} AS props`,
      { ids },
      (r) => ({
        from: z.string().parse(r.get('from')),
        to: z.string().parse(r.get('to')),
        type: z.string().parse(r.get('type')),
        props: r.get('props'),
      }),
    );
    const lines = rows.map((row) => {
      const from = numberOf.get(row.from);
      const to = numberOf.get(row.to);
      if (from === undefined || to === undefined) {
        throw new DumpFormatError(`A ${row.type} relationship ends at a node that was not exported`);
      }
      const props = encodeProperties(row.props, `${row.type} ${from}->${to}`);
      return { from, type: row.type, to, text: JSON.stringify({ rel: row.type, from, to, props }) };
    });
    lines.sort(
      (a, b) => a.from - b.from || compareText(a.type, b.type) || a.to - b.to || compareText(a.text, b.text),
    );
    for (const line of lines) await write(line.text);
    relationships += lines.length;
  }
  await write(JSON.stringify({ end: true, nodes: order.length, relationships }));
  return { nodes: order.length, relationships };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortByText(rows: z.infer<typeof nodeRowSchema>[], label: string) {
  const texts = rows.map((row) => ({
    row,
    text: JSON.stringify([[...row.labels].sort(), encodeProperties(row.props, label)]),
  }));
  return texts.sort((a, b) => compareText(a.text, b.text));
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.read('MATCH (n) RETURN n LIMIT 1', {}, () => 1);
  return rows.length === 0;
}

/** Deletes every node and relationship (the schema stays), in transactions of bounded size. */
export async function wipeGraph(db: Database): Promise<void> {
  await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
}

interface PendingNode {
  labels: string[];
  props: Record<string, unknown>;
  ref: number;
}
interface PendingRel {
  type: string;
  from: number;
  to: number;
  props: Record<string, unknown>;
}

/**
 * Loads a dump into an empty database (or wipes it first with `force`), in UNWIND batches: nodes first, then
 * relationships, found by their number through a temporary indexed label that is removed at the end. Every line is
 * checked; a dump without its trailer (cut off) or with other counts is refused before the temporary label goes.
 */
export async function restoreGraph(
  db: Database,
  lines: AsyncIterable<string>,
  options: { force: boolean; batchSize?: number },
): Promise<DumpCounts> {
  if (!(await isDatabaseEmpty(db))) {
    if (!options.force) {
      throw new ConflictError(
        'The database is not empty: restore only into an empty one, or pass --force to wipe it',
      );
    }
    await wipeGraph(db);
  }
  const batchSize = options.batchSize ?? 2_000;
  await db.runAutoCommit(
    `CREATE INDEX ${RESTORE_INDEX} IF NOT EXISTS FOR (n:${RESTORE_LABEL}) ON (n.restoreRef)`,
  );
  await db.runAutoCommit('CALL db.awaitIndexes(300)');

  let nodes: PendingNode[] = [];
  let rels: PendingRel[] = [];
  let counts: DumpCounts = { nodes: 0, relationships: 0 };
  let trailer: DumpCounts | undefined;
  let lineNumber = 0;
  let seenHeader = false;

  const flushNodes = async () => {
    const groups = new Map<string, PendingNode[]>();
    for (const node of nodes) {
      const key = node.labels.join(':');
      groups.set(key, [...(groups.get(key) ?? []), node]);
    }
    for (const [key, group] of groups) {
      const labels = key
        .split(':')
        .map((l) => quoted(l, 'label'))
        .join(':');
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           CREATE (n:${labels}:${RESTORE_LABEL})
           SET n = row.props, n.restoreRef = row.ref`,
          { rows: group.map((n) => ({ props: n.props, ref: n.ref })) },
        );
      }, 'restore-nodes');
    }
    nodes = [];
  };
  const flushRels = async () => {
    const groups = new Map<string, PendingRel[]>();
    for (const rel of rels) groups.set(rel.type, [...(groups.get(rel.type) ?? []), rel]);
    for (const [type, group] of groups) {
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:${RESTORE_LABEL} {restoreRef: row.from})
           MATCH (b:${RESTORE_LABEL} {restoreRef: row.to})
           CREATE (a)-[r:${quoted(type, 'relationship type')}]->(b)
           SET r = row.props`,
          { rows: group.map((r) => ({ from: r.from, to: r.to, props: r.props })) },
        );
      }, 'restore-relationships');
    }
    rels = [];
  };

  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    const where = `line ${lineNumber}`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DumpFormatError(`${where}: not valid JSON`);
    }
    if (!seenHeader) {
      if (!headerSchema.safeParse(json).success) {
        throw new DumpFormatError(`${where}: not a ${DUMP_FORMAT} version ${DUMP_VERSION} dump`);
      }
      seenHeader = true;
      continue;
    }
    if (trailer !== undefined) throw new DumpFormatError(`${where}: text after the end of the dump`);
    const node = nodeLineSchema.safeParse(json);
    if (node.success) {
      if (counts.relationships > 0) throw new DumpFormatError(`${where}: a node after the relationships`);
      if (node.data.node !== counts.nodes) {
        throw new DumpFormatError(`${where}: node ${node.data.node} where node ${counts.nodes} was expected`);
      }
      for (const label of node.data.labels) quoted(label, `${where} label`);
      nodes.push({
        labels: node.data.labels,
        props: decodeProperties(node.data.props, where),
        ref: node.data.node,
      });
      counts = { ...counts, nodes: counts.nodes + 1 };
      if (nodes.length >= batchSize) await flushNodes();
      continue;
    }
    const rel = relLineSchema.safeParse(json);
    if (rel.success) {
      if (counts.relationships === 0) await flushNodes();
      if (rel.data.from >= counts.nodes || rel.data.to >= counts.nodes) {
        throw new DumpFormatError(
          `${where}: the relationship names a node number beyond the ${counts.nodes} nodes`,
        );
      }
      quoted(rel.data.rel, `${where} type`);
      rels.push({
        type: rel.data.rel,
        from: rel.data.from,
        to: rel.data.to,
        props: decodeProperties(rel.data.props, where),
      });
      counts = { ...counts, relationships: counts.relationships + 1 };
      if (rels.length >= batchSize) await flushRels();
      continue;
    }
    const end = trailerSchema.safeParse(json);
    if (end.success) {
      trailer = { nodes: end.data.nodes, relationships: end.data.relationships };
      continue;
    }
    throw new DumpFormatError(`${where}: neither a node, a relationship nor the end of a dump`);
  }
  await flushNodes();
  await flushRels();
  if (!seenHeader) throw new DumpFormatError('The file is empty: not a dump');
  if (trailer === undefined) throw new DumpFormatError('The dump has no end line: the file was cut off');
  if (trailer.nodes !== counts.nodes || trailer.relationships !== counts.relationships) {
    throw new DumpFormatError(
      `The dump says ${trailer.nodes} nodes and ${trailer.relationships} relationships, but holds ${counts.nodes} and ${counts.relationships}`,
    );
  }
  await db.runAutoCommit(
    `MATCH (n:${RESTORE_LABEL}) CALL (n) { REMOVE n:${RESTORE_LABEL} REMOVE n.restoreRef } IN TRANSACTIONS OF 10000 ROWS`,
  );
  await db.runAutoCommit(`DROP INDEX ${RESTORE_INDEX} IF EXISTS`);
  return counts;
}
