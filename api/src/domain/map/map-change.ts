import { z } from 'zod';

/**
 * Versioned map edits, as plain data. A map edit changes one chain, link, FEEDS edge or enterprise placement
 * on an effective date; the graph keeps validity intervals (`validFrom`/`validTo`) on the edited elements and a
 * change record per edit. These functions decide what an edit touches, what depends on what, and whether an
 * element was valid on a date; the repository does the I/O.
 */

export const mapActions = [
  'chain.add',
  'chain.rename',
  'chain.retire',
  'link.add',
  'link.rename',
  'link.retire',
  'feeds.add',
  'feeds.remove',
  'enterprise.move',
  'revert',
] as const;
export type MapAction = (typeof mapActions)[number];

export type MapEntityType = 'Chain' | 'Link' | 'FEEDS' | 'IN_LINK';

/** A map change as recorded: what was done, by whom, effective when, and what it depends on. */
export const mapChangeSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  action: z.enum(mapActions),
  entityType: z.enum(['Chain', 'Link', 'FEEDS', 'IN_LINK']),
  entityId: z.string(),
  effectiveDate: z.string(),
  at: z.string(),
  actor: z.string(),
  summary: z.string(),
  note: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  keys: z.array(z.string()),
  needs: z.array(z.string()),
  chainIds: z.array(z.string()),
  reverts: z.string().nullable(),
  revertedBy: z.string().nullable(),
});
export type MapChange = z.infer<typeof mapChangeSchema>;

export const chainKey = (id: string) => `chain:${id}`;
export const linkKey = (id: string) => `link:${id}`;
export const feedsKey = (from: string, to: string) => `feeds:${from}>${to}`;
export const placementKey = (enterpriseId: string) => `in-link:${enterpriseId}`;
export const ecosystemKey = (id: string) => `ecosystem:${id}`;
/** A rename writes the element's name, not the element: edits that only need the element do not depend on it. */
export const nameKeyOf = (elementKey: string) => `name:${elementKey}`;
/** The element a key is about (`name:link:x` → `link:x`). */
export const subjectOf = (key: string) => (key.startsWith('name:') ? key.slice('name:'.length) : key);

/**
 * What an edit writes (`keys`) and what it needs to exist (`needs`). A later edit depends on an earlier one
 * when it writes what the earlier one wrote or needs what the earlier one wrote: reverting the earlier one
 * would pull the ground from under it.
 */
export interface ChangeFootprint {
  keys: string[];
  needs: string[];
}

export interface ChangeRef {
  id: string;
  seq: number;
  action: MapAction;
  summary: string;
  keys: string[];
  needs: string[];
}

/** Later, unreverted edits that build on `change`; reverts themselves never count (they undid their target). */
export function dependentsOf(change: ChangeRef, later: readonly ChangeRef[]): ChangeRef[] {
  const written = new Set(change.keys);
  return later.filter(
    (c) =>
      c.seq > change.seq &&
      c.action !== 'revert' &&
      (c.keys.some((k) => written.has(k)) || c.needs.some((k) => written.has(k))),
  );
}

/** Whether an element with this interval existed on `date` (ISO dates compare as text). */
export function validOn(
  interval: { validFrom: string | null; validTo: string | null },
  date: string,
): boolean {
  return (
    (interval.validFrom === null || interval.validFrom <= date) &&
    (interval.validTo === null || interval.validTo > date)
  );
}

/** The date before which a fact counts as stale: `today` minus `staleAfterDays`. */
export function staleBefore(today: Date, staleAfterDays: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - staleAfterDays);
  return d.toISOString().slice(0, 10);
}

/** A fact is stale when its `asOf` lies before the cut-off; a fact without a date cannot be judged. */
export function isStale(asOf: string | null | undefined, cutOff: string): boolean {
  return typeof asOf === 'string' && asOf.slice(0, 10) < cutOff;
}

/** A name as it was on a date: the `before` of the first rename after that date, else the current name. */
export function nameOn(
  current: { name: string; nameEn: string },
  renamesAfter: readonly { effectiveDate: string; seq: number; before: { name: string; nameEn: string } }[],
): { name: string; nameEn: string } {
  const first = [...renamesAfter].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.seq - b.seq,
  )[0];
  return first ? first.before : current;
}

/** Elements present at `to` but not at `from` are added; present at `from` but not at `to`, retired. */
export function diffSets<T>(
  atFrom: readonly T[],
  atTo: readonly T[],
  keyOf: (item: T) => string,
): { added: T[]; removed: T[] } {
  const before = new Set(atFrom.map(keyOf));
  const after = new Set(atTo.map(keyOf));
  return {
    added: atTo.filter((i) => !before.has(keyOf(i))),
    removed: atFrom.filter((i) => !after.has(keyOf(i))),
  };
}
