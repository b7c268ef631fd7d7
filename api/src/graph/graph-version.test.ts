import { describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createGraphVersionClock, withOneVersionRead } from './graph-version.ts';

/** A database whose only query is the version read, counting how often it is made. */
function versionDatabase(): { db: Database; reads: () => number; setVersion(v: number): void } {
  let version = 1;
  let reads = 0;
  const db = {
    read: async <T>(
      _cypher: string,
      _params: unknown,
      map: (record: { get(): { all: number; structure: number } }) => T,
    ) => {
      reads += 1;
      return [map({ get: () => ({ all: version, structure: version }) })];
    },
  } as unknown as Database;
  return {
    db,
    reads: () => reads,
    setVersion: (v) => {
      version = v;
    },
  };
}

describe('graph version clock', () => {
  it('reads the version on every call outside a request', async () => {
    const store = versionDatabase();
    const clock = createGraphVersionClock(store.db);
    await clock.current();
    await clock.current();
    expect(store.reads()).toBe(2);
  });

  it('reads the version once per request, however many cached reads it makes', async () => {
    const store = versionDatabase();
    const clock = createGraphVersionClock(store.db);
    const seen = await withOneVersionRead(async () => {
      const first = await clock.current();
      store.setVersion(2);
      return [first, await clock.current(), await clock.current()];
    });
    expect(seen.map((v) => v.all)).toEqual([1, 1, 1]);
    expect(store.reads()).toBe(1);
    // The next request sees the new version.
    expect((await withOneVersionRead(() => clock.current())).all).toBe(2);
    expect(store.reads()).toBe(2);
  });

  it('reads again within a request after this process wrote', async () => {
    const store = versionDatabase();
    const clock = createGraphVersionClock(store.db);
    const seen = await withOneVersionRead(async () => {
      const before = await clock.current();
      store.setVersion(5);
      clock.noteLocalWrite();
      return [before, await clock.current()];
    });
    expect(seen.map((v) => v.all)).toEqual([1, 5]);
    expect(store.reads()).toBe(2);
  });

  it('keeps requests apart: one request never reuses another request’s read', async () => {
    const store = versionDatabase();
    const clock = createGraphVersionClock(store.db);
    await withOneVersionRead(() => clock.current());
    store.setVersion(3);
    expect((await withOneVersionRead(() => clock.current())).all).toBe(3);
  });
});
