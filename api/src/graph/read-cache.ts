import type { Database } from './database.ts';
import { createGraphVersionClock, type GraphVersionClock, trackingWrites } from './graph-version.ts';

/**
 * A bounded LRU cache for hot reads that change rarely (chain list, chain map, gap analysis, the matcher's
 * per-locality inputs), keyed by the graph version: when the version moves, everything cached is dropped, so a
 * read never answers from data older than the last write it could know of. Values are shared between requests
 * and must be treated as read-only.
 */
export interface ReadCache {
  /** The value cached under `key` at the current graph version, or `load()`'s (concurrent misses share one load). */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  stats(): ReadCacheStats;
}

export interface ReadCacheStats {
  version: number | null;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export interface ReadCacheOptions {
  /** At most this many entries. */
  maxEntries: number;
  /** At most about this many bytes of values (measured as their JSON text, two bytes a character). */
  maxBytes: number;
}

export const defaultReadCacheOptions: ReadCacheOptions = { maxEntries: 2_000, maxBytes: 64 * 1024 * 1024 };

interface Entry {
  value: unknown;
  bytes: number;
}

export function createReadCache(
  clock: GraphVersionClock,
  options: ReadCacheOptions = defaultReadCacheOptions,
): ReadCache {
  let version: number | null = null;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<unknown>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const moveTo = (next: number) => {
    if (version === next) return;
    version = next;
    entries.clear();
    loading.clear();
    bytes = 0;
  };

  const store = (key: string, value: unknown) => {
    const size = sizeOf(value);
    if (size > options.maxBytes) return;
    const previous = entries.get(key);
    if (previous) {
      bytes -= previous.bytes;
      entries.delete(key);
    }
    entries.set(key, { value, bytes: size });
    bytes += size;
    for (const [oldest, entry] of entries) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      entries.delete(oldest);
      bytes -= entry.bytes;
    }
  };

  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const at = await clock.current();
      // An older version read that resolves late must not wipe a newer cache.
      if (version === null || at > version) moveTo(at);
      if (at !== version) return load();
      const cached = entries.get(key);
      if (cached) {
        hits += 1;
        entries.delete(key);
        entries.set(key, cached);
        return cached.value as T;
      }
      misses += 1;
      const pending = loading.get(key);
      if (pending) return pending as Promise<T>;
      const started = load();
      loading.set(key, started);
      try {
        const value = await started;
        // Read after the version was: at least as new as `at`, so it may be kept under it.
        if (version === at) store(key, value);
        return value;
      } finally {
        if (loading.get(key) === started) loading.delete(key);
      }
    },
    stats: () => ({ version, entries: entries.size, bytes, hits, misses }),
  };
}

function sizeOf(value: unknown): number {
  return 2 * (JSON.stringify(value)?.length ?? 0);
}

/**
 * The database the API's routes use, reporting its writes to the version clock, and the cache its hot reads
 * go through. Writes made here are seen by the next read at once; writes by other processes (the import
 * CLI) bump the version in the graph and are seen by the next version read.
 */
export function createHotReads(
  db: Database,
  options: ReadCacheOptions = defaultReadCacheOptions,
): { db: Database; cache: ReadCache } {
  const clock = createGraphVersionClock(db);
  return { db: trackingWrites(db, () => clock.noteLocalWrite()), cache: createReadCache(clock, options) };
}
