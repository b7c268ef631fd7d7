import { describe, expect, it } from 'vitest';
import type { GraphVersionClock } from './graph-version.ts';
import { createReadCache } from './read-cache.ts';

/** A clock whose version the test sets: `set` moves both counters, `rename` only the full one. */
function fixedClock(start = 1): GraphVersionClock & { set(v: number): void; rename(v: number): void } {
  let version = { all: start, structure: start };
  return {
    current: async () => version,
    noteLocalWrite: () => {},
    set: (v) => {
      version = { all: v, structure: v };
    },
    rename: (v) => {
      version = { all: v, structure: version.structure };
    },
  };
}

const at = (v: number) => ({ all: v, structure: v });

const counter = () => {
  let calls = 0;
  return {
    load: async (value: string) => {
      calls += 1;
      return value;
    },
    calls: () => calls,
  };
};

describe('read cache', () => {
  it('answers from the cache at one graph version and reloads once the version moves', async () => {
    const clock = fixedClock();
    const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000 });
    const loads = counter();
    expect(await cache.get('a', () => loads.load('v1'))).toBe('v1');
    expect(await cache.get('a', () => loads.load('other'))).toBe('v1');
    expect(loads.calls()).toBe(1);
    clock.set(2);
    expect(await cache.get('a', () => loads.load('v2'))).toBe('v2');
    expect(loads.calls()).toBe(2);
    expect(cache.stats()).toMatchObject({ version: 2, entries: 1, hits: 1, misses: 2 });
  });

  it('shares one load between concurrent misses of a key', async () => {
    const cache = createReadCache(fixedClock(), { maxEntries: 10, maxBytes: 10_000 });
    const loads = counter();
    const values = await Promise.all([1, 2, 3].map(() => cache.get('k', () => loads.load('x'))));
    expect(values).toEqual(['x', 'x', 'x']);
    expect(loads.calls()).toBe(1);
  });

  it('evicts the least recently used entry beyond its entry and byte bounds', async () => {
    const cache = createReadCache(fixedClock(), { maxEntries: 2, maxBytes: 10_000 });
    const loads = counter();
    await cache.get('a', () => loads.load('a'));
    await cache.get('b', () => loads.load('b'));
    await cache.get('a', () => loads.load('a'));
    await cache.get('c', () => loads.load('c'));
    expect(cache.stats().entries).toBe(2);
    await cache.get('a', () => loads.load('a'));
    expect(loads.calls()).toBe(3);
    await cache.get('b', () => loads.load('b'));
    expect(loads.calls()).toBe(4);

    const small = createReadCache(fixedClock(), { maxEntries: 100, maxBytes: 50 });
    await small.get('big', async () => 'x'.repeat(100));
    await small.get('s1', async () => 'y'.repeat(8));
    await small.get('s2', async () => 'z'.repeat(8));
    expect(small.stats()).toMatchObject({ entries: 2 });
    expect(small.stats().bytes).toBeLessThanOrEqual(50);
  });

  it('does not let a late answer of an older version wipe a newer cache', async () => {
    let release: (v: number) => void = () => {};
    const slow = new Promise<number>((resolve) => {
      release = resolve;
    });
    const answers = [slow.then(at), Promise.resolve(at(3))];
    const clock: GraphVersionClock = {
      current: () => answers.shift() ?? Promise.resolve(at(3)),
      noteLocalWrite: () => {},
    };
    const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000 });
    const late = cache.get('a', async () => 'old');
    expect(await cache.get('a', async () => 'new')).toBe('new');
    release(2);
    expect(await late).toBe('old');
    expect(cache.stats().version).toBe(3);
    expect(await cache.get('a', async () => 'reloaded')).toBe('new');
  });

  describe('refresh ahead', () => {
    const refresh = { minLoadMs: 0, maxKeys: 2, quietMs: 0 };

    it('loads the slow entries of the old version again after a move, most recently used first, up to a bound', async () => {
      const clock = fixedClock();
      const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000, refresh });
      const loaded: string[] = [];
      const loadOf = (key: string) => async () => {
        loaded.push(`${key}@${(await clock.current()).all}`);
        return key;
      };
      for (const key of ['a', 'b', 'c']) await cache.get(key, loadOf(key));
      await cache.get('a', loadOf('a'));
      clock.set(2);
      cache.revalidate();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await cache.refreshed();
      // 'a' was used last, then 'c'; 'b' is beyond the bound of two.
      expect(loaded.slice(3)).toEqual(['a@2', 'c@2']);
      expect(cache.stats()).toMatchObject({ version: 2, entries: 2, refreshes: 2 });
      expect(await cache.get('a', loadOf('a'))).toBe('a');
      expect(loaded).toHaveLength(5);
    });

    it('refreshes an entry loaded inside another only through that one', async () => {
      const clock = fixedClock();
      const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000, refresh });
      const calls = { outer: 0, inner: 0 };
      const inner = async () => {
        calls.inner += 1;
        return 'inner';
      };
      const outer = async () => {
        calls.outer += 1;
        return `outer+${await cache.get('inner', inner)}`;
      };
      await cache.get('outer', outer);
      // Used last, but loaded inside 'outer': not refreshed on its own.
      await cache.get('inner', inner);
      clock.set(2);
      cache.revalidate();
      await new Promise((resolve) => setTimeout(resolve, 10));
      await cache.refreshed();
      expect(calls).toEqual({ outer: 2, inner: 2 });
      expect(cache.stats()).toMatchObject({ entries: 2, refreshes: 1 });
    });

    it('leaves entries that loaded faster than the bound to the next request', async () => {
      const clock = fixedClock();
      const cache = createReadCache(clock, {
        maxEntries: 10,
        maxBytes: 10_000,
        refresh: { minLoadMs: 20, maxKeys: 5, quietMs: 0 },
      });
      const loads = counter();
      await cache.get('fast', () => loads.load('fast'));
      await cache.get('slow', async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return loads.load('slow');
      });
      clock.set(2);
      expect(await cache.get('fast', () => loads.load('fast'))).toBe('fast');
      await cache.refreshed();
      expect(loads.calls()).toBe(4);
      expect(cache.stats()).toMatchObject({ entries: 2, refreshes: 1 });
    });

    it('lets a request join the refresh under way and stops a refresh a newer write has outdated', async () => {
      const clock = fixedClock();
      const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000, refresh });
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let reachedGate: () => void = () => {};
      const atGate = new Promise<void>((resolve) => {
        reachedGate = resolve;
      });
      const loads = counter();
      const gated = (value: string) => async () => {
        if ((await clock.current()).all === 2) {
          reachedGate();
          await gate;
        }
        return loads.load(value);
      };
      await cache.get('b', gated('b'));
      await cache.get('a', gated('a'));
      clock.set(2);
      cache.revalidate();
      await atGate;
      // The refresh of 'a' waits at the gate; a request for it shares that load.
      const joined = cache.get('a', gated('other'));
      clock.set(3);
      release();
      expect(await joined).toBe('a');
      cache.revalidate();
      await new Promise((resolve) => setTimeout(resolve, 10));
      await cache.refreshed();
      // Nothing was loaded for an outdated version: 'b' once, at version 3, and 'a' again for version 3.
      expect(loads.calls()).toBe(2 + 1 + 2);
      expect(cache.stats()).toMatchObject({ version: 3, entries: 2 });
    });
  });

  it('keeps values no rename can change across a rename, and drops them when anything else changes', async () => {
    const clock = fixedClock();
    const cache = createReadCache(clock, { maxEntries: 10, maxBytes: 10_000 });
    const loads = counter();
    await cache.get('ranking', () => loads.load('r1'), 'structure');
    await cache.get('names', () => loads.load('n1'));
    clock.rename(2);
    expect(await cache.get('ranking', () => loads.load('r2'), 'structure')).toBe('r1');
    expect(await cache.get('names', () => loads.load('n2'))).toBe('n2');
    clock.set(3);
    expect(await cache.get('ranking', () => loads.load('r3'), 'structure')).toBe('r3');
    expect(await cache.get('names', () => loads.load('n3'))).toBe('n3');
    expect(loads.calls()).toBe(5);
  });
});
