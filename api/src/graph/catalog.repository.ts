import { z } from 'zod';
import { isStale, nameOn, staleBefore } from '../domain/map/map-change.ts';
import {
  type ChainDetail,
  type ChainSummary,
  chainLinkSchema,
  chainSummarySchema,
  type Ecosystem,
  ecosystemSchema,
  feedEdgeSchema,
  foreignLinkSchema,
  type Stage,
} from '../http/schemas/catalog.schemas.ts';
import type { Database } from './database.ts';
import { validClause } from './map-validity.ts';

export interface CatalogOptions {
  /** Facts whose `asOf` is older than this many days are flagged `stale`. */
  staleAfterDays: number;
}

const renameSchema = z.object({
  entityType: z.enum(['Chain', 'Link']),
  entityId: z.string(),
  effectiveDate: z.string(),
  seq: z.number().int(),
  before: z
    .string()
    .transform((t): unknown => JSON.parse(t))
    .pipe(z.object({ name: z.string(), nameEn: z.string() })),
});

/** Ecosystems, chains and their links: the chain map, now or as it was on a date. Retired elements are left out. */
export function createCatalogRepository(db: Database, options: CatalogOptions = { staleAfterDays: 730 }) {
  /** Renames made after `asOf` of these chains and links, to show the names they had then. */
  const renamesAfter = async (asOf: string, chainIds: string[], linkIds: string[]) =>
    db.read(
      `MATCH (m:MapChange)
       WHERE m.effectiveDate > date($asOf) AND m.revertedBy IS NULL
         AND ((m.action = 'chain.rename' AND m.entityId IN $chainIds)
              OR (m.action = 'link.rename' AND m.entityId IN $linkIds))
       RETURN {entityType: m.entityType, entityId: m.entityId, effectiveDate: toString(m.effectiveDate),
               seq: m.seq, before: m.before} AS row`,
      { asOf, chainIds, linkIds },
      (r) => renameSchema.parse(r.get('row')),
    );

  return {
    listEcosystems(): Promise<Ecosystem[]> {
      return db.read(
        `MATCH (e:Ecosystem)
         RETURN e {.id, .name, .nameEn, .order, verified: coalesce(e.verified, false),
                   chainCount: COUNT { (e)-[:HAS_CHAIN]->(c:Chain) WHERE c.validTo IS NULL }} AS row
         ORDER BY e.order, e.id`,
        {},
        (r) => ecosystemSchema.parse(r.get('row')),
      );
    },

    listChains(): Promise<ChainSummary[]> {
      return db.read(
        // Local firms are counted once for all chains from the local side (an index seek), so the walk over
        // each chain's firms reads no property of theirs; only enterprises have IN_LINK and LEADS edges.
        `CALL () {
           MATCH (f:Enterprise) WHERE f.local = true
           MATCH (f)-[r:IN_LINK]->(l:Link) WHERE r.validTo IS NULL AND l.validTo IS NULL
           WITH l.chainId AS chainId, count(DISTINCT f) AS n
           RETURN collect({chainId: chainId, n: n}) AS localCounts
         }
         MATCH (eco:Ecosystem)-[:HAS_CHAIN]->(c:Chain) WHERE c.validTo IS NULL
         CALL (c) {
           OPTIONAL MATCH (c)-[:HAS_LINK]->(l:Link)<-[r:IN_LINK]-(e)
           WHERE l.validTo IS NULL AND r.validTo IS NULL
           RETURN count(DISTINCT e) AS enterpriseCount
         }
         RETURN c {.id, .name, .nameEn, .order, verified: coalesce(c.verified, false),
                   ecosystemId: eco.id, ecosystemName: eco.name, ecosystemNameEn: eco.nameEn,
                   linkCount: COUNT { (c)-[:HAS_LINK]->(l:Link) WHERE l.validTo IS NULL },
                   enterpriseCount: enterpriseCount,
                   localEnterpriseCount: coalesce(head([x IN localCounts WHERE x.chainId = c.id | x.n]), 0),
                   leaderCount: COUNT { ()-[:LEADS]->(c) }} AS row
         ORDER BY eco.order, c.order, c.id`,
        {},
        (r) => chainSummarySchema.parse(r.get('row')),
      );
    },

    /**
     * The chain with its links, the FEEDS edges touching them and the other chains' links they reach; with `asOf`,
     * as the map was on that date (elements valid then, names they had then). Undefined when the chain does not
     * exist, is retired, or did not exist on `asOf`.
     */
    async getChain(id: string, at: { asOf?: string } = {}): Promise<ChainDetail | undefined> {
      const { asOf } = at;
      const rows = await db.read(
        `MATCH (eco:Ecosystem)-[:HAS_CHAIN]->(c:Chain {id: $id})
         WHERE ${validClause('c', asOf)}
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(l:Link) WHERE ${validClause('l', asOf)}
           OPTIONAL MATCH (l)<-[r:IN_LINK]-(e:Enterprise) WHERE ${validClause('r', asOf)}
           WITH l, count(e) AS enterpriseCount, count(CASE WHEN e.local THEN 1 END) AS localCount
           RETURN collect(l {.id, .name, .nameEn, .stage, .order, description: l.description,
                             asOf: toString(l.asOf), enterpriseCount: enterpriseCount,
                             localEnterpriseCount: localCount}) AS links
         }
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(l:Link)-[f:FEEDS]-(other:Link)
           WHERE ${validClause('l', asOf)} AND ${validClause('f', asOf)} AND ${validClause('other', asOf)}
           WITH DISTINCT startNode(f) AS a, endNode(f) AS b
           RETURN collect({from: a.id, to: b.id, crossChain: a.chainId <> b.chainId}) AS feeds
         }
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(l:Link)-[f:FEEDS]-(other:Link)<-[:HAS_LINK]-(oc:Chain)
           WHERE oc <> c AND ${validClause('l', asOf)} AND ${validClause('f', asOf)}
             AND ${validClause('other', asOf)}
           WITH DISTINCT other, oc
           RETURN collect(other {.id, .name, .nameEn, .stage, chainId: oc.id, chainName: oc.name,
                                 chainNameEn: oc.nameEn}) AS foreignLinks
         }
         CALL (c) {
           OPTIONAL MATCH (c)-[:HAS_LINK]->(l:Link)<-[r:IN_LINK]-(e:Enterprise)
           WHERE e.local AND ${validClause('l', asOf)} AND ${validClause('r', asOf)}
           RETURN count(DISTINCT e) AS localEnterpriseCount
         }
         CALL (c) {
           OPTIONAL MATCH (leader:Enterprise)-[:LEADS]->(c)
           WITH leader ORDER BY leader.name
           RETURN collect(leader {.id, .name}) AS leaders
         }
         RETURN c {.id, .name, .nameEn, verified: coalesce(c.verified, false), sourceNote: coalesce(c.sourceNote, ''),
                   asOf: toString(c.asOf), version: coalesce(c.version, 0),
                   validFrom: toString(coalesce(c.validFrom, c.asOf)), validTo: toString(c.validTo),
                   ecosystemId: eco.id, ecosystemName: eco.name, ecosystemNameEn: eco.nameEn,
                   localEnterpriseCount: localEnterpriseCount,
                   links: links, feeds: feeds, foreignLinks: foreignLinks, leaders: leaders} AS row`,
        { id, asOf: asOf ?? null },
        (r) => chainRowSchema.parse(r.get('row')),
      );
      const found = rows[0];
      if (!found) return undefined;
      const chain = asOf === undefined ? found : await namedAsOf(found, asOf);
      const cutOff = staleBefore(new Date(), options.staleAfterDays);
      const byStageThenOrder = (a: { stage: Stage; order: number }, b: { stage: Stage; order: number }) =>
        stageRank[a.stage] - stageRank[b.stage] || a.order - b.order;
      return {
        ...chain,
        stale: isStale(chain.asOf, cutOff),
        links: [...chain.links]
          .map((l) => ({ ...l, stale: isStale(l.asOf, cutOff) }))
          .sort((a, b) => byStageThenOrder(a, b) || a.id.localeCompare(b.id)),
        foreignLinks: [...chain.foreignLinks].sort(
          (a, b) => a.chainId.localeCompare(b.chainId) || a.id.localeCompare(b.id),
        ),
        feeds: [...chain.feeds].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      };
    },
  };

  /** The chain row with the names its chain, links and foreign links had on `asOf`. */
  async function namedAsOf(chain: ChainRow, asOf: string): Promise<ChainRow> {
    const chainIds = [chain.id, ...chain.foreignLinks.map((l) => l.chainId)];
    const linkIds = [...chain.links.map((l) => l.id), ...chain.foreignLinks.map((l) => l.id)];
    const renames = await renamesAfter(asOf, chainIds, linkIds);
    if (renames.length === 0) return chain;
    const of = (type: 'Chain' | 'Link', id: string, current: { name: string; nameEn: string }) =>
      nameOn(
        current,
        renames.filter((r) => r.entityType === type && r.entityId === id),
      );
    const foreignChain = (l: ChainRow['foreignLinks'][number]) =>
      of('Chain', l.chainId, { name: l.chainName, nameEn: l.chainNameEn });
    return {
      ...chain,
      ...of('Chain', chain.id, chain),
      links: chain.links.map((l) => ({ ...l, ...of('Link', l.id, l) })),
      foreignLinks: chain.foreignLinks.map((l) => ({
        ...l,
        ...of('Link', l.id, l),
        chainName: foreignChain(l).name,
        chainNameEn: foreignChain(l).nameEn,
      })),
    };
  }
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;

const stageRank: Record<Stage, number> = { upstream: 0, midstream: 1, downstream: 2 };

const chainRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  verified: z.boolean(),
  sourceNote: z.string(),
  asOf: z.string().nullable(),
  version: z.number().int(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  ecosystemId: z.string(),
  ecosystemName: z.string(),
  ecosystemNameEn: z.string(),
  localEnterpriseCount: z.number().int(),
  links: z.array(
    chainLinkSchema
      .omit({ stale: true })
      .extend({ description: z.string().nullable().default(null), asOf: z.string().nullable() }),
  ),
  feeds: z.array(feedEdgeSchema),
  foreignLinks: z.array(foreignLinkSchema),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
});
type ChainRow = z.infer<typeof chainRowSchema>;
