import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './database.ts';
import {
  createGraphVersionClock,
  type GraphVersion,
  type GraphVersionClock,
  outsideRequest,
  trackingWrites,
} from './graph-version.ts';

/**
 * A bounded LRU cache for hot reads that change rarely (chain list, chain map, gap analysis, the matcher's
 * per-locality inputs), keyed by the graph version: when the version moves, everything cached under the part
 * that moved is dropped (a rename keeps what is keyed by `structure`), so a read never answers from data older
 * than the last write it could know of. Values are shared between requests and must be treated as read-only.
 *
 * Refresh ahead: when the version moves, the entries of the old version that were slow to load (a ranking over a
 * large candidate pool takes seconds) are loaded again in the background, most recently used first and one at a
 * time, so the requests after a write find them ready or join a load already under way. Only entries loaded on
 * their own are taken: the ones loaded inside them come back with them. A newer write stops the refresh of the
 * older one.
 */
export interface ReadCache {
  /**
   * The value cached under `key` at the current graph version, or `load()`'s (concurrent misses share one load).
   * `dependsOn: 'structure'` declares a value no rename can change (see `GraphVersion`): it is kept across renames.
   */
  get<T>(key: string, load: () => Promise<T>, dependsOn?: CacheDependency): Promise<T>;
  /** Reads the version now and, if it moved, drops the old entries and starts their refresh. */
  revalidate(): void;
  /** Resolves when no refresh is running (a refresh's own failures are left to the next request to meet). */
  refreshed(): Promise<void>;
  stats(): ReadCacheStats;
}

/** Which part of the graph version a cached value is keyed by. */
export type CacheDependency = keyof GraphVersion;

export interface ReadCacheStats {
  /** The full graph version the cache holds entries of. */
  version: number | null;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Entries loaded again ahead of any request after a version move. */
  refreshes: number;
}

export interface ReadCacheOptions {
  /** At most this many entries. */
  maxEntries: number;
  /** At most about this many bytes of values (measured as their JSON text, two bytes a character). */
  maxBytes: number;
  /**
   * Which entries to load again after a version move: at most `maxKeys` that took at least `minLoadMs`, once
   * the version has stayed put for `quietMs` (an import moves it batch after batch).
   */
  refresh?: { minLoadMs: number; maxKeys: number; quietMs: number };
}

export const defaultReadCacheOptions: ReadCacheOptions = {
  maxEntries: 2_000,
  maxBytes: 64 * 1024 * 1024,
  refresh: { minLoadMs: 50, maxKeys: 24, quietMs: 1_000 },
};

interface Entry {
  value: unknown;
  bytes: number;
  load: () => Promise<unknown>;
  /** How long the load took, in milliseconds. */
  loadMs: number;
  dependsOn: CacheDependency;
  /** Loaded as part of another entry's load: refreshing that one loads this one again too. */
  nested: boolean;
}

/** The key whose load is running, for the cached reads that load makes. */
const loadScope = new AsyncLocalStorage<string>();

export function createReadCache(
  clock: GraphVersionClock,
  options: ReadCacheOptions = defaultReadCacheOptions,
): ReadCache {
  let version: GraphVersion | null = null;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const loading = new Map<string, { value: Promise<unknown>; dependsOn: CacheDependency }>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let refreshes = 0;
  // Refreshes run one after another: each waits for the one before, which stops early once outdated.
  let refreshing: Promise<void> = Promise.resolve();

  /** Whether a value read at `at` still holds at the version the cache is at. */
  const holds = (at: GraphVersion, dependsOn: CacheDependency) =>
    version !== null && version[dependsOn] === at[dependsOn];

  const moveTo = (next: GraphVersion) => {
    const previous = version;
    version = next;
    if (previous === null) return;
    const structureMoved = next.structure !== previous.structure;
    const outdated = (dependsOn: CacheDependency) => dependsOn === 'all' || structureMoved;
    const rules = options.refresh;
    const slow = [...entries]
      .reverse()
      .filter(
        ([, entry]) =>
          outdated(entry.dependsOn) &&
          !entry.nested &&
          rules !== undefined &&
          entry.loadMs >= rules.minLoadMs,
      )
      .slice(0, rules?.maxKeys ?? 0);
    for (const [key, entry] of entries) {
      if (!outdated(entry.dependsOn)) continue;
      entries.delete(key);
      bytes -= entry.bytes;
    }
    for (const [key, pending] of loading) if (outdated(pending.dependsOn)) loading.delete(key);
    if (slow.length > 0) refreshing = refreshing.then(() => refresh(next.all, slow));
  };

  const refresh = async (at: number, slow: [string, Entry][]) => {
    await new Promise((resolve) => setTimeout(resolve, options.refresh?.quietMs ?? 0));
    for (const [key, entry] of slow) {
      if (version?.all !== at) return;
      try {
        // Its own load, outside the request or load that happened to see the version move.
        await outsideRequest(() => loadScope.exit(() => cache.get(key, entry.load, entry.dependsOn)));
        refreshes += 1;
      } catch {
        // The request that needs this value will load it again and meet the error itself.
      }
    }
  };

  const store = (key: string, entry: Entry) => {
    if (entry.bytes > options.maxBytes) return;
    const previous = entries.get(key);
    if (previous) {
      bytes -= previous.bytes;
      entries.delete(key);
    }
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldest, old] of entries) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      entries.delete(oldest);
      bytes -= old.bytes;
    }
  };

  const cache: ReadCache = {
    async get<T>(key: string, load: () => Promise<T>, dependsOn: CacheDependency = 'all'): Promise<T> {
      const at = await clock.current();
      // An older version read that resolves late must not wipe a newer cache.
      if (version === null || at.all > version.all) moveTo(at);
      if (version?.all !== at.all) return load();
      const cached = entries.get(key);
      if (cached) {
        hits += 1;
        entries.delete(key);
        entries.set(key, cached);
        return cached.value as T;
      }
      misses += 1;
      const pending = loading.get(key);
      if (pending) return pending.value as Promise<T>;
      const nested = loadScope.getStore() !== undefined;
      const startedAt = performance.now();
      const started = loadScope.run(key, load);
      loading.set(key, { value: started, dependsOn });
      try {
        const value = await started;
        // Read after the version was: at least as new as `at`, so it may be kept while `at` still holds.
        if (holds(at, dependsOn)) {
          const loadMs = performance.now() - startedAt;
          store(key, { value, bytes: sizeOf(value), load, loadMs, dependsOn, nested });
        }
        return value;
      } finally {
        if (loading.get(key)?.value === started) loading.delete(key);
      }
    },
    revalidate() {
      if (version === null) return;
      clock.current().then(
        (at) => {
          if (version !== null && at.all > version.all) moveTo(at);
        },
        // The next read meets a failing version read itself.
        () => {},
      );
    },
    refreshed: () => refreshing,
    stats: () => ({ version: version?.all ?? null, entries: entries.size, bytes, hits, misses, refreshes }),
  };
  return cache;
}

function sizeOf(value: unknown): number {
  return 2 * (JSON.stringify(value)?.length ?? 0);
}

/** The database the routes write through and the cache their hot reads go through. */
export interface HotReads {
  db: Database;
  cache: ReadCache;
}

/**
 * The database the API's routes use, reporting its writes to the version clock, and the cache its hot reads
 * go through. Writes made here are seen by the next read at once; writes by other processes (the import
 * CLI) bump the version in the graph and are seen by the next version read.
 */
export function createHotReads(db: Database, options: ReadCacheOptions = defaultReadCacheOptions): HotReads {
  const clock = createGraphVersionClock(db);
  const cache = createReadCache(clock, options);
  const afterWrite = () => {
    clock.noteLocalWrite();
    // Outside the writing request: the refresh it may start is not that request's work.
    outsideRequest(() => cache.revalidate());
  };
  return { db: trackingWrites(db, afterWrite), cache };
}
