/**
 * Validity of map elements (Chain and Link nodes, FEEDS and IN_LINK relationships). An element is current while
 * `validTo` is null; on a date it is valid from `validFrom` (seed elements have none: their `asOf` counts) up to,
 * not including, `validTo`. Other queries that must ignore retired elements add `x.validTo IS NULL`.
 */

/** Cypher variables the validity clauses may be applied to (fixed texts, never user input). */
export type ValidityVar = 'c' | 'l' | 'f' | 'r' | 'oc' | 'other' | 'x';

/** The predicate for "element `v` belongs to the map", now (`asOf` undefined) or on `$asOf`. */
export function validClause(v: ValidityVar, asOf: string | undefined): string {
  if (asOf === undefined) return `${v}.validTo IS NULL`;
  return `(coalesce(${v}.validFrom, ${v}.asOf) <= date($asOf) AND (${v}.validTo IS NULL OR ${v}.validTo > date($asOf)))`;
}
