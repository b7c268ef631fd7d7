import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import type { Database, ManagedTransaction } from './database.ts';

/**
 * The graph version: counters on a single `(:GraphState {id: 'graph'})` node, raised by every write that can
 * change what a read shows (seed load, imports, map edits). Cached reads are keyed by it, so an edit is never
 * served stale: a write bumps it inside its own transaction, so no reader can see the new data under the old
 * version.
 *
 * Two counters: `all` moves with every such write; `structure` with every one but renames. A rename changes what
 * the map shows and nothing that is counted, scored or ranked, so reads of numbers only (the matcher's rankings
 * and counts) are keyed by `structure` and outlive it.
 */
export interface GraphVersion {
  all: number;
  structure: number;
}

/** What a write changed: names only (chain and link renames), or anything. */
export type GraphChange = 'names' | 'any';

/**
 * Raises the graph version inside the caller's write transaction (it takes that node's write lock). The new
 * version is the current time in milliseconds, or one more than the last when that is not larger: a graph wiped
 * or restored from a dump starts again above every version a running API may have cached.
 */
export async function bumpGraphVersion(tx: ManagedTransaction, change: GraphChange = 'any'): Promise<void> {
  await tx.run(
    `MERGE (s:GraphState {id: 'graph'})
     ON CREATE SET s.version = 0
     WITH s, s.version AS before,
          CASE WHEN timestamp() > s.version THEN timestamp() ELSE s.version + 1 END AS next
     SET s.version = next, s.changedAt = datetime(),
         s.structureVersion = CASE WHEN $namesOnly THEN coalesce(s.structureVersion, before) ELSE next END`,
    { namesOnly: change === 'names' },
  );
}

const versionRowSchema = z.object({ all: z.number(), structure: z.number() });

/**
 * The current graph version: one label lookup of one node (0 before the first write). Summed, not read from the
 * one node, because without a uniqueness constraint the very first concurrent bumps may each create a node;
 * every later bump raises all of them, so the sums still move with every write.
 */
export async function readGraphVersion(db: Database): Promise<GraphVersion> {
  const rows = await db.read(
    `MATCH (s:GraphState)
     RETURN {all: sum(s.version), structure: sum(coalesce(s.structureVersion, s.version))} AS row`,
    {},
    (r) => versionRowSchema.parse(r.get('row')),
  );
  return rows[0] ?? { all: 0, structure: 0 };
}

export interface GraphVersionClock {
  /** The version as of now: read from the graph, shared only with a read that started after the last local write. */
  current(): Promise<GraphVersion>;
  /** Called when a write through this process finished: later `current()` calls must not reuse an older read. */
  noteLocalWrite(): void;
}

interface VersionRead {
  /** Local writes counted when the read started. */
  writes: number;
  version: Promise<GraphVersion>;
}

const requestScope = new AsyncLocalStorage<{ read?: VersionRead }>();

/**
 * Runs one request's work so that all its cached reads share the version read first: a request then answers
 * from one graph version, and pays one version round trip however many cached reads it makes. A write made by
 * this process during the request ends the sharing, so the request still reads its own writes.
 */
export function withOneVersionRead<T>(work: () => T): T {
  return requestScope.run({}, work);
}

/** Runs `work` outside any request's shared version read: background work reads the version for itself. */
export function outsideRequest<T>(work: () => T): T {
  return requestScope.exit(work);
}

/**
 * Reads the version once per call, but lets concurrent callers share one in-flight read, as long as it started
 * after the last write this process made: a read that follows an acknowledged write always sees its bump.
 */
export function createGraphVersionClock(db: Database): GraphVersionClock {
  let writes = 0;
  let inFlight: VersionRead | undefined;
  const read = (): VersionRead => {
    if (inFlight && inFlight.writes === writes) return inFlight;
    const started = { writes, version: readGraphVersion(db) };
    inFlight = started;
    const clear = () => {
      if (inFlight === started) inFlight = undefined;
    };
    started.version.then(clear, clear);
    return started;
  };
  return {
    current() {
      const scope = requestScope.getStore();
      if (scope?.read && scope.read.writes === writes) return scope.read.version;
      const started = read();
      if (scope) {
        scope.read = started;
        // A failed read is not kept: the next cached read of the request tries again.
        started.version.catch(() => {
          if (scope.read === started) scope.read = undefined;
        });
      }
      return started.version;
    },
    noteLocalWrite() {
      writes += 1;
    },
  };
}

/**
 * The same database, telling `onWrite` after each write it made finished (committed or not: a failed write
 * may still have committed before the error reached us, so it counts too).
 */
export function trackingWrites(db: Database, onWrite: () => void): Database {
  const after = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      onWrite();
    }
  };
  return {
    name: db.name,
    read: (cypher, params, map) => db.read(cypher, params, map),
    write: (cypher, params, map) => after(db.write(cypher, params, map)),
    writeTransaction: (work, label) => after(db.writeTransaction(work, label)),
    runAutoCommit: (cypher, params) => after(db.runAutoCommit(cypher, params)),
    serverInfo: () => db.serverInfo(),
    close: () => db.close(),
  };
}
