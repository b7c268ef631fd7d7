import type { Database } from '../../api/src/graph/database.ts';

/**
 * Labels that record how the graph came to be (loads, imports, audit, sessions, cache version), not what it
 * says: a re-run that changes nothing may still add to them.
 */
const BOOKKEEPING = ['SeedLoad', 'Import', 'Change', 'GraphState', 'Session', 'SchemaMigration'];

/** Every node and relationship with all its properties, as sorted text: equal fingerprints mean equal graphs. */
export async function graphFingerprint(db: Database): Promise<string[]> {
  const nodes = await db.read(
    `MATCH (n) WHERE none(label IN labels(n) WHERE label IN $bookkeeping)
     RETURN labels(n) AS labels, properties(n) AS props`,
    { bookkeeping: BOOKKEEPING },
    (r) => JSON.stringify([r.get('labels'), sortedEntries(r.get('props'))]),
  );
  const relationships = await db.read(
    `MATCH (a)-[r]->(b)
     WHERE none(label IN labels(a) + labels(b) WHERE label IN $bookkeeping)
     RETURN type(r) AS type, coalesce(a.id, a.code) AS from, coalesce(b.id, b.code) AS to, properties(r) AS props`,
    { bookkeeping: BOOKKEEPING },
    (r) => JSON.stringify([r.get('type'), r.get('from'), r.get('to'), sortedEntries(r.get('props'))]),
  );
  return [...nodes, ...relationships].sort();
}

function sortedEntries(value: Record<string, unknown>): [string, string][] {
  return Object.keys(value)
    .sort()
    .map((key) => [key, String(value[key])]);
}
