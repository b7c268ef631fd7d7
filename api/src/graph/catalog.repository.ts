import { z } from 'zod';
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

/** Ecosystems, chains and their links: the chain map. */
export function createCatalogRepository(db: Database) {
  return {
    listEcosystems(): Promise<Ecosystem[]> {
      return db.read(
        `MATCH (e:Ecosystem)
         RETURN e {.id, .name, .nameEn, .order, verified: coalesce(e.verified, false),
                   chainCount: COUNT { (e)-[:HAS_CHAIN]->(:Chain) }} AS row
         ORDER BY e.order, e.id`,
        {},
        (r) => ecosystemSchema.parse(r.get('row')),
      );
    },

    listChains(): Promise<ChainSummary[]> {
      return db.read(
        `MATCH (eco:Ecosystem)-[:HAS_CHAIN]->(c:Chain)
         CALL (c) {
           OPTIONAL MATCH (c)-[:HAS_LINK]->(:Link)<-[:IN_LINK]-(e:Enterprise)
           RETURN count(DISTINCT e) AS enterpriseCount,
                  count(DISTINCT CASE WHEN e.local THEN e END) AS localEnterpriseCount
         }
         RETURN c {.id, .name, .nameEn, .order, verified: coalesce(c.verified, false),
                   ecosystemId: eco.id, ecosystemName: eco.name, ecosystemNameEn: eco.nameEn,
                   linkCount: COUNT { (c)-[:HAS_LINK]->(:Link) },
                   enterpriseCount: enterpriseCount, localEnterpriseCount: localEnterpriseCount,
                   leaderCount: COUNT { (:Enterprise)-[:LEADS]->(c) }} AS row
         ORDER BY eco.order, c.order, c.id`,
        {},
        (r) => chainSummarySchema.parse(r.get('row')),
      );
    },

    /** The chain with its links, the FEEDS edges touching them and the other chains' links they reach. */
    async getChain(id: string): Promise<ChainDetail | undefined> {
      const rows = await db.read(
        `MATCH (eco:Ecosystem)-[:HAS_CHAIN]->(c:Chain {id: $id})
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(l:Link)
           OPTIONAL MATCH (l)<-[:IN_LINK]-(e:Enterprise)
           WITH l, count(e) AS enterpriseCount, count(CASE WHEN e.local THEN 1 END) AS localCount
           RETURN collect(l {.id, .name, .nameEn, .stage, .order, description: l.description,
                             enterpriseCount: enterpriseCount, localEnterpriseCount: localCount}) AS links
         }
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(l:Link)-[f:FEEDS]-(other:Link)
           WITH DISTINCT startNode(f) AS a, endNode(f) AS b
           RETURN collect({from: a.id, to: b.id, crossChain: a.chainId <> b.chainId}) AS feeds
         }
         CALL (c) {
           MATCH (c)-[:HAS_LINK]->(:Link)-[:FEEDS]-(other:Link)<-[:HAS_LINK]-(oc:Chain)
           WHERE oc <> c
           WITH DISTINCT other, oc
           RETURN collect(other {.id, .name, .nameEn, .stage, chainId: oc.id, chainName: oc.name,
                                 chainNameEn: oc.nameEn}) AS foreignLinks
         }
         CALL (c) {
           OPTIONAL MATCH (c)-[:HAS_LINK]->(:Link)<-[:IN_LINK]-(e:Enterprise) WHERE e.local
           RETURN count(DISTINCT e) AS localEnterpriseCount
         }
         CALL (c) {
           OPTIONAL MATCH (leader:Enterprise)-[:LEADS]->(c)
           WITH leader ORDER BY leader.name
           RETURN collect(leader {.id, .name}) AS leaders
         }
         RETURN c {.id, .name, .nameEn, verified: coalesce(c.verified, false), sourceNote: coalesce(c.sourceNote, ''),
                   asOf: toString(c.asOf), ecosystemId: eco.id, ecosystemName: eco.name, ecosystemNameEn: eco.nameEn,
                   localEnterpriseCount: localEnterpriseCount,
                   links: links, feeds: feeds, foreignLinks: foreignLinks, leaders: leaders} AS row`,
        { id },
        (r) => chainRowSchema.parse(r.get('row')),
      );
      const chain = rows[0];
      if (!chain) return undefined;
      const byStageThenOrder = (a: { stage: Stage; order: number }, b: { stage: Stage; order: number }) =>
        stageRank[a.stage] - stageRank[b.stage] || a.order - b.order;
      return {
        ...chain,
        links: [...chain.links].sort((a, b) => byStageThenOrder(a, b) || a.id.localeCompare(b.id)),
        foreignLinks: [...chain.foreignLinks].sort(
          (a, b) => a.chainId.localeCompare(b.chainId) || a.id.localeCompare(b.id),
        ),
        feeds: [...chain.feeds].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      };
    },
  };
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
  ecosystemId: z.string(),
  ecosystemName: z.string(),
  ecosystemNameEn: z.string(),
  localEnterpriseCount: z.number().int(),
  links: z.array(chainLinkSchema.extend({ description: z.string().nullable().default(null) })),
  feeds: z.array(feedEdgeSchema),
  foreignLinks: z.array(foreignLinkSchema),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
});
