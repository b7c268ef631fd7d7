/**
 * Cooperative games over a few players, computed exactly. A coalition is a bit mask over the players' indexes
 * (bit i set = player i is in), so a game of n players is fully described by its 2^n values.
 */

/** Exact Shapley values enumerate all 2^n coalitions; beyond this the numbers stop being readable anyway. */
export const maxShapleyPlayers = 10;

/** The value each coalition can create; `value(0)` (the empty coalition) must be 0. */
export type Game = (coalition: number) => number;

export function membersOf(coalition: number, n: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < n; i += 1) if (coalition & (1 << i)) members.push(i);
  return members;
}

export function sizeOf(coalition: number): number {
  let count = 0;
  for (let c = coalition; c !== 0; c &= c - 1) count += 1;
  return count;
}

function factorials(n: number): number[] {
  const f = [1];
  for (let i = 1; i <= n; i += 1) f.push((f[i - 1] ?? 1) * i);
  return f;
}

/**
 * φᵢ = Σ_{S ⊆ N∖{i}} |S|!·(n−|S|−1)!/n! · [v(S ∪ {i}) − v(S)]: each player's marginal contribution averaged over
 * every order in which the coalition could have formed.
 */
export function shapleyValues(n: number, value: Game): number[] {
  if (!Number.isInteger(n) || n < 1 || n > maxShapleyPlayers) {
    throw new RangeError(`Shapley values are computed for 1 to ${maxShapleyPlayers} players, not ${n}`);
  }
  const all = (1 << n) - 1;
  const values = new Float64Array(all + 1);
  for (let c = 1; c <= all; c += 1) values[c] = value(c);
  const f = factorials(n);
  const fn = f[n] ?? 1;
  const phi = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    const bit = 1 << i;
    for (let s = 0; s <= all; s += 1) {
      if (s & bit) continue;
      const size = sizeOf(s);
      const weight = ((f[size] ?? 1) * (f[n - size - 1] ?? 1)) / fn;
      phi[i] = (phi[i] ?? 0) + weight * ((values[s | bit] ?? 0) - (values[s] ?? 0));
    }
  }
  return phi;
}

/** Every non-empty coalition with its value, smallest first: the table a reader can check the shares against. */
export function coalitionTable(
  n: number,
  value: Game,
): { coalition: number; members: number[]; value: number }[] {
  const rows: { coalition: number; members: number[]; value: number }[] = [];
  for (let c = 1; c < 1 << n; c += 1) rows.push({ coalition: c, members: membersOf(c, n), value: value(c) });
  return rows.sort((a, b) => a.members.length - b.members.length || a.coalition - b.coalition);
}
