import { describe, expect, it } from 'vitest';
import type { GraphVersionClock } from './graph-version.ts';
import { createReadCache } from './read-cache.ts';

/** A clock whose version the test sets. */
function fixedClock(start = 1): GraphVersionClock & { set(v: number): void } {
  let version = start;
  return {
    current: async () => version,
    noteLocalWrite: () => {},
    set: (v) => {
      version = v;
    },
  };
}

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
    const answers = [slow, Promise.resolve(3)];
    const clock: GraphVersionClock = {
      current: () => answers.shift() ?? Promise.resolve(3),
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
});
