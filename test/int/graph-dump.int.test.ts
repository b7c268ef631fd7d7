import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../api/src/graph/database.ts';
import { DumpFormatError } from '../../api/src/graph/dump-values.ts';
import { exportGraph, restoreGraph } from '../../api/src/graph/graph-dump.ts';

/**
 * Export → wipe → restore → export on the shared test database. The restore puts back exactly what was there (the
 * second export proves it byte for byte), so the other test files find the graph as they left it. A probe node with
 * every property type this project stores (and some it may) is added first and removed at the end.
 */

let db: Database;

async function dump(): Promise<string[]> {
  const lines: string[] = [];
  await exportGraph(db, (line) => {
    lines.push(line);
  });
  return lines;
}

async function* linesOf(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

beforeAll(async () => {
  db = createDatabase({ uri: inject('neo4jUri'), database: 'neo4j' });
  await db.write(
    `CREATE (p:DumpProbe {id: 'probe', big: 9007199254740993, small: -3, ratio: 0.1, whole: 2.0,
                          yes: true, day: date('2021-10-22'), at: datetime('2026-11-29T02:05:36.123456789Z'),
                          zoned: datetime('2024-02-29T08:00:00+08:00[Asia/Shanghai]'),
                          local: localdatetime('2020-01-01T00:00:00.5'), span: duration('P1Y2M3DT4H5M6.5S'),
                          words: ['甲', '乙'], counts: [1, 2, 3], days: [date('2020-01-01')], text: '引号"和\\\\反斜杠'})
     CREATE (q:DumpProbe {id: 'probe-2'})
     CREATE (p)-[:PROBES {weight: 3, since: date('2020-01-01')}]->(q)
     CREATE (p)-[:PROBES {weight: 1}]->(q)`,
    {},
    () => null,
  );
});

afterAll(async () => {
  await db.write('MATCH (p:DumpProbe) DETACH DELETE p', {}, () => null);
  await db.close();
});

describe('export and restore', () => {
  it('gives the same bytes after a restore into an empty database', async () => {
    const first = await dump();
    expect(first[0]).toBe('{"format":"chainscout-graph","version":1}');
    const trailer = JSON.parse(first[first.length - 1] ?? '{}');
    expect(trailer.nodes).toBeGreaterThan(3_000);
    expect(trailer.relationships).toBeGreaterThan(3_000);

    const probe = first.find((l) => l.includes('"id":"probe"'));
    expect(probe).toContain('"big":{"int":"9007199254740993"}');
    expect(probe).toContain('"whole":2');
    expect(probe).toContain('"day":{"date":"2021-10-22"}');
    expect(probe).toContain('"at":{"datetime":"2026-11-29T02:05:36.123456789Z"}');

    const counts = await restoreGraph(db, linesOf(first), { force: true, batchSize: 500 });
    expect(counts).toEqual({ nodes: trailer.nodes, relationships: trailer.relationships });
    const second = await dump();
    expect(second.join('\n')).toBe(first.join('\n'));

    // Types survived, not only their text: an integer is still an integer, a float a float.
    const [types] = await db.read(
      `MATCH (p:DumpProbe {id: 'probe'})
       RETURN valueType(p.small) AS small, valueType(p.whole) AS whole, valueType(p.day) AS day,
              valueType(p.counts) AS counts, toString(p.big) AS big`,
      {},
      (r) => r.toObject(),
    );
    expect(types).toEqual({
      small: 'INTEGER NOT NULL',
      whole: 'FLOAT NOT NULL',
      day: 'DATE NOT NULL',
      counts: 'LIST<INTEGER NOT NULL> NOT NULL',
      big: '9007199254740993',
    });
    expect(await db.read('MATCH (n:ChainScoutRestore) RETURN n LIMIT 1', {}, () => 1)).toEqual([]);
  }, 600_000);

  it('refuses a non-empty database without force, and a cut-off dump', async () => {
    const lines = await dump();
    await expect(restoreGraph(db, linesOf(lines), { force: false })).rejects.toThrow(/not empty/);
    await expect(restoreGraph(db, linesOf(lines.slice(0, -1)), { force: true })).rejects.toThrow(
      DumpFormatError,
    );
    // Put the graph back as it was, and check that it is.
    await restoreGraph(db, linesOf(lines), { force: true });
    expect((await dump()).join('\n')).toBe(lines.join('\n'));
  }, 600_000);
});
