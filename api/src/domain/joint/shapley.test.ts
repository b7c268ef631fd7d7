import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalitionValue, gameOf } from './coalitions.ts';
import type { FitInputs } from './district-fit.ts';
import { coalitionTable, membersOf, shapleyValues, sizeOf } from './shapley.ts';

/** A game as its table of values: v[mask] for every coalition, v[0] = 0. */
const gameArb = (n: number) =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), {
      minLength: (1 << n) - 1,
      maxLength: (1 << n) - 1,
    })
    .map((values) => [0, ...values]);

const withSize = <T>(make: (n: number) => fc.Arbitrary<T>) =>
  fc.integer({ min: 1, max: 5 }).chain((n) => make(n).map((x) => ({ n, x })));

const at = (table: number[]) => (c: number) => table[c] ?? 0;
function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first) =>
    permutations(items.filter((x) => x !== first)).map((rest) => [first, ...rest]),
  );
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const inputsArb: fc.Arbitrary<FitInputs> = fc.record({
  priority: fc.double({ min: 0, max: 1, noNaN: true }),
  ecosystemRaw: fc.double({ min: 0, max: 10, noNaN: true }),
  supplyRaw: fc.double({ min: 0, max: 5, noNaN: true }),
  land: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('Shapley values', () => {
  it('are each player’s average marginal contribution over all orders (checked against permutations)', () => {
    fc.assert(
      fc.property(withSize(gameArb), ({ n, x }) => {
        const v = at(x);
        const phi = shapleyValues(n, v);
        const byOrder = new Array<number>(n).fill(0);
        const orders = permutations(Array.from({ length: n }, (_, i) => i));
        for (const order of orders) {
          let coalition = 0;
          for (const i of order) {
            byOrder[i] = (byOrder[i] ?? 0) + v(coalition | (1 << i)) - v(coalition);
            coalition |= 1 << i;
          }
        }
        phi.forEach((p, i) => {
          expect(close(p, (byOrder[i] ?? 0) / orders.length)).toBe(true);
        });
      }),
    );
  });

  it('efficiency: the shares sum to v(N)', () => {
    fc.assert(
      fc.property(withSize(gameArb), ({ n, x }) => {
        const total = shapleyValues(n, at(x)).reduce((a, b) => a + b, 0);
        expect(close(total, x[(1 << n) - 1] ?? 0)).toBe(true);
      }),
    );
  });

  it('symmetry: two players who add the same to every coalition get the same share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            // A game that depends only on how many of {0, 1} are in, plus the others: 0 and 1 are symmetric.
            base: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), {
              minLength: 3 * (1 << n),
              maxLength: 3 * (1 << n),
            }),
          }),
        ),
        ({ n, base }) => {
          const v = (c: number) => {
            if (c === 0) return 0;
            const k = (c & 1) + ((c >> 1) & 1);
            return base[k * (1 << n) + (c >> 2)] ?? 0;
          };
          const phi = shapleyValues(n, v);
          expect(close(phi[0] ?? 0, phi[1] ?? 0)).toBe(true);
        },
      ),
    );
  });

  it('null player: one who adds nothing to any coalition gets 0', () => {
    fc.assert(
      fc.property(withSize(gameArb), fc.nat(), ({ n, x }, pick) => {
        const nul = pick % n;
        const bit = 1 << nul;
        // v(S) = original value of S without the null player: it changes nothing.
        const v = (c: number) => x[c & ~bit] ?? 0;
        expect(Math.abs(shapleyValues(n, v)[nul] ?? 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('additivity: the shares of v + w are the shares of v plus those of w', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.record({ n: fc.constant(n), v: gameArb(n), w: gameArb(n) })),
        ({ n, v, w }) => {
          const sumGame = (c: number) => (v[c] ?? 0) + (w[c] ?? 0);
          const a = shapleyValues(n, at(v));
          const b = shapleyValues(n, at(w));
          shapleyValues(n, sumGame).forEach((p, i) => {
            expect(close(p, (a[i] ?? 0) + (b[i] ?? 0))).toBe(true);
          });
        },
      ),
    );
  });

  it('holds the axioms for the district coalition game too', () => {
    fc.assert(
      fc.property(fc.array(inputsArb, { minLength: 1, maxLength: 4 }), (players) => {
        const n = players.length;
        const game = gameOf(players);
        const phi = shapleyValues(n, game);
        expect(
          close(
            phi.reduce((a, b) => a + b, 0),
            coalitionValue(players),
          ),
        ).toBe(true);
        // A district with nothing to offer adds nothing but coordination cost: its share is not positive.
        const nobody: FitInputs = { priority: 0, ecosystemRaw: 0, supplyRaw: 0, land: 0 };
        const withNobody = [...players, nobody];
        expect(shapleyValues(n + 1, gameOf(withNobody))[n] ?? 1).toBeLessThanOrEqual(1e-12);
        // Identical districts get identical shares.
        const twins = [...players, players[0] as FitInputs];
        const twinPhi = shapleyValues(n + 1, gameOf(twins));
        expect(close(twinPhi[0] ?? 0, twinPhi[n] ?? 1)).toBe(true);
      }),
    );
  });

  it('refuses games it cannot enumerate', () => {
    expect(() => shapleyValues(0, () => 0)).toThrow(RangeError);
    expect(() => shapleyValues(11, () => 0)).toThrow(RangeError);
  });

  it('lists coalitions smallest first with their members', () => {
    expect(membersOf(0b101, 3)).toEqual([0, 2]);
    expect(sizeOf(0b1011)).toBe(3);
    expect(coalitionTable(2, (c) => c).map((r) => r.members)).toEqual([[0], [1], [0, 1]]);
  });
});
