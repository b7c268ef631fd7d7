import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
import { ConflictError, UnavailableError } from '../domain/errors.ts';

export type { ManagedTransaction };
export type QueryParams = Record<string, unknown>;

/**
 * All Neo4j I/O goes through here: one driver per process, the database always named, sessions closed
 * in `finally`, and driver failures translated into the domain's errors.
 */
export interface Database {
  readonly name: string;
  /** Runs one read query (retried on transient failures) and maps each record. */
  read<T>(cypher: string, params: QueryParams, map: (record: Neo4jRecord) => T): Promise<T[]>;
  /** Runs one write query (retried on transient failures) and maps each record. */
  write<T>(cypher: string, params: QueryParams, map: (record: Neo4jRecord) => T): Promise<T[]>;
  /** Runs an idempotent unit of work in one write transaction. */
  writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, label: string): Promise<T>;
  /** Runs a statement outside an explicit transaction (schema changes need this). */
  runAutoCommit(cypher: string, params?: QueryParams): Promise<void>;
  serverInfo(): Promise<{ version: string; address: string }>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  uri: string;
  user?: string;
  password?: string;
  database: string;
}

export function createDatabase(options: DatabaseOptions): Database {
  // No credentials for the embedded server, which runs with auth off and listens on 127.0.0.1 only.
  const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
  const driver: Driver = neo4j.driver(options.uri, auth, {
    // Counts and orders fit in 2^53; plain numbers keep `neo4j.Integer` from leaking past this module.
    disableLosslessIntegers: true,
    // Fail fast while Neo4j is away (a new connection gives up after 3 s) so callers get a 503 instead of
    // a hung request; waiting for a busy pooled connection is queueing, not failure, and may take longer.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 20_000,
    maxTransactionRetryTime: 3_000,
    maxConnectionPoolSize: 100,
  });
  const database = options.database;
  // Once closing, the driver answers "Pool is closed" (a Neo4jError with no code), or for a call caught
  // mid-flight sometimes never answers at all: every call still waiting when `close()` runs is told the
  // database is unavailable, as during any other outage, so no request hangs through a shutdown.
  let closed = false;
  const waiting = new Set<() => void>();
  const translate = (error: unknown) => (closed ? new UnavailableError() : translateError(error));

  const guarded = <T>(start: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new UnavailableError());
    return new Promise<T>((resolve, reject) => {
      const abandon = () => reject(new UnavailableError());
      waiting.add(abandon);
      start()
        .then(resolve, (error: unknown) => reject(translate(error)))
        .finally(() => waiting.delete(abandon));
    });
  };

  const run = <T>(
    mode: 'READ' | 'WRITE',
    cypher: string,
    params: QueryParams,
    map: (r: Neo4jRecord) => T,
  ): Promise<T[]> =>
    guarded(async () => {
      const result = await driver.executeQuery(cypher, params, {
        database,
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
      });
      return result.records.map(map);
    });

  /** A write session for `work`, closed afterwards; after shutdown its close is not waited for. */
  const withWriteSession = <T>(work: (session: ReturnType<Driver['session']>) => Promise<T>): Promise<T> =>
    guarded(async () => {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await work(session);
      } finally {
        const closing = session.close();
        if (!closed) await closing;
        else closing.catch(() => undefined);
      }
    });

  return {
    name: database,
    read: (cypher, params, map) => run('READ', cypher, params, map),
    write: (cypher, params, map) => run('WRITE', cypher, params, map),
    writeTransaction: (work, label) =>
      withWriteSession((session) =>
        session.executeWrite(work, { metadata: { app: 'chainscout', work: label } }),
      ),
    runAutoCommit: (cypher, params = {}) =>
      withWriteSession(async (session) => {
        await session.run(cypher, params);
      }),
    serverInfo: () =>
      guarded(async () => {
        const info = await driver.getServerInfo({ database });
        return { version: info.agent ?? 'unknown', address: info.address ?? 'unknown' };
      }),
    close: () => {
      closed = true;
      for (const abandon of waiting) abandon();
      waiting.clear();
      return driver.close();
    },
  };
}

const unavailableCodes = new Set(['ServiceUnavailable', 'SessionExpired']);

function translateError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (unavailableCodes.has(error.code) || error.retriable) return new UnavailableError();
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('This would duplicate an existing record', { neo4jCode: error.code });
    }
  }
  return error;
}

/** Reads a property that Cypher returned as string-or-null. */
export function text(record: Neo4jRecord, key: string): string {
  const value = record.get(key);
  if (typeof value !== 'string') throw new TypeError(`Expected text in column "${key}", got ${typeof value}`);
  return value;
}

export function optionalText(record: Neo4jRecord, key: string): string | null {
  const value = record.get(key);
  return typeof value === 'string' ? value : null;
}

export function num(record: Neo4jRecord, key: string): number {
  const value = record.get(key);
  if (typeof value !== 'number')
    throw new TypeError(`Expected a number in column "${key}", got ${typeof value}`);
  return value;
}

export function optionalNum(record: Neo4jRecord, key: string): number | null {
  const value = record.get(key);
  return typeof value === 'number' ? value : null;
}

export function bool(record: Neo4jRecord, key: string): boolean {
  return record.get(key) === true;
}

/** Integer parameters must be sent as Neo4j integers (a JS number is a float: `LIMIT 10.0` fails). */
export const int = (n: number) => neo4j.int(n);
