import type { Database } from '../../api/src/graph/database.ts';

/**
 * Tests that edit the shared seed graph's map take the change sequence's value first and put it back after, so
 * the graph they leave is the graph they found (the sequence numbers every map change).
 */
export async function readMapChangeSequence(db: Database): Promise<number | null> {
  const [value] = await db.read("MATCH (s:MapChangeSequence {id: 'map'}) RETURN s.value AS n", {}, (r) =>
    Number(r.get('n')),
  );
  return value ?? null;
}

export async function restoreMapChangeSequence(db: Database, value: number | null): Promise<void> {
  await db.write(
    value === null
      ? "MATCH (s:MapChangeSequence {id: 'map'}) DELETE s"
      : "MATCH (s:MapChangeSequence {id: 'map'}) SET s.value = $value",
    { value },
    () => null,
  );
}
