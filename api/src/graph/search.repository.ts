import { z } from 'zod';
import {
  chainHitSchema,
  districtHitSchema,
  linkHitSchema,
  type SearchResult,
} from '../http/schemas/search.schemas.ts';
import { type Database, int } from './database.ts';
import type { EnterpriseRepository } from './enterprise.repository.ts';

const countedSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

// Exact name, then names starting with the text, then shorter names: the likeliest hit first.
const rank = (v: string) => `CASE WHEN ${v}.name = $q THEN 0 WHEN ${v}.name STARTS WITH $q THEN 1 ELSE 2 END,
  size(${v}.name)`;
// English names match case-insensitively; Chinese names match any substring.
const matches = (v: string) =>
  `(${v}.name CONTAINS $q OR toLower(coalesce(${v}.nameEn, '')) CONTAINS $qLower)`;

/**
 * The whole-map search: chains, links and districts are small sets scanned by name; enterprises go through
 * the enterprise search, which has the text index and the word-by-word fallback.
 */
export function createSearchRepository(db: Database, enterprises: EnterpriseRepository) {
  const grouped = async <T extends z.ZodType>(
    cypher: string,
    params: Record<string, unknown>,
    item: T,
  ): Promise<z.output<ReturnType<typeof countedSchema<T>>>> => {
    const rows = await db.read(cypher, params, (r) => countedSchema(item).parse(r.get('row')));
    return rows[0] ?? { items: [], total: 0 };
  };

  return {
    async search(q: string, limit: number): Promise<Omit<SearchResult, 'q'>> {
      const params = { q, qLower: q.toLowerCase(), limit: int(limit) };
      const [chains, links, districts, firms] = await Promise.all([
        grouped(
          `MATCH (eco:Ecosystem)-[:HAS_CHAIN]->(c:Chain) WHERE c.validTo IS NULL AND ${matches('c')}
           WITH eco, c ORDER BY ${rank('c')}, c.id
           WITH collect(c {.id, .name, nameEn: coalesce(c.nameEn, ''), ecosystemName: eco.name}) AS hits
           RETURN {items: hits[0..$limit], total: size(hits)} AS row`,
          params,
          chainHitSchema,
        ),
        grouped(
          `MATCH (c:Chain)-[:HAS_LINK]->(l:Link) WHERE l.validTo IS NULL AND c.validTo IS NULL AND ${matches('l')}
           WITH c, l ORDER BY ${rank('l')}, l.id
           WITH collect(l {.id, .name, nameEn: coalesce(l.nameEn, ''), .stage, chainId: c.id, chainName: c.name}) AS hits
           RETURN {items: hits[0..$limit], total: size(hits)} AS row`,
          params,
          linkHitSchema,
        ),
        grouped(
          `MATCH (d:District) WHERE ${matches('d')}
           WITH d ORDER BY ${rank('d')}, d.code
           WITH collect(d {.code, .name, nameEn: coalesce(d.nameEn, '')}) AS hits
           RETURN {items: hits[0..$limit], total: size(hits)} AS row`,
          params,
          districtHitSchema,
        ),
        enterprises.searchEnterprises({ q, page: 1, pageSize: limit }),
      ]);
      return {
        chains,
        links,
        districts,
        enterprises: {
          items: firms.items.map((e) => ({
            id: e.id,
            name: e.name,
            districtName: e.districtName,
            local: e.local,
            leader: e.leader,
          })),
          total: firms.total,
        },
      };
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
