import { z } from 'zod';
import type { DistrictFacts, FitTarget } from '../domain/joint/district-fit.ts';
import type { Database } from './database.ts';

/**
 * What district fit reads for one target enterprise. Starts from the target (unique id), the city's firms
 * (index on `districtCode`) and the 20-odd districts; the target's own links bound every expansion.
 */

const targetRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string().nullable(),
  source: z.string(),
  links: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      chainId: z.string(),
      chainName: z.string(),
      confidence: z.number(),
    }),
  ),
});

const namedSchema = z.object({ id: z.string(), name: z.string() });

const districtRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  priorities: z.array(z.object({ chainId: z.string(), chainName: z.string(), rank: z.number().int() })),
  parks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      landAvailableHa: z.number().nullable(),
      focusChains: z.array(namedSchema),
    }),
  ),
});

const firmRowSchema = z.object({
  districtCode: z.string(),
  id: z.string(),
  name: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  targetLinkId: z.string(),
  targetLinkName: z.string(),
  relation: z.enum(['same', 'down', 'up']),
  confidence: z.number(),
  leader: z.boolean(),
});

const partnerRowSchema = z.object({
  districtCode: z.string(),
  id: z.string(),
  name: z.string(),
  role: z.enum(['buyer', 'supplier']),
  product: z.string(),
  leader: z.boolean(),
});

export const fitTargetCypher = `
  MATCH (e:Enterprise {id: $id})
  RETURN e {.id, .name, districtCode: e.districtCode, source: coalesce(e.source, 'unknown'),
    links: COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link)<-[:HAS_LINK]-(c:Chain) WITH r, l, c ORDER BY l.id
                     RETURN {id: l.id, name: l.name, chainId: c.id, chainName: c.name,
                             confidence: coalesce(r.confidence, 1.0)} }} AS row`;

export const fitDistrictsCypher = `
  MATCH (d:District)
  RETURN d {.code, .name, kind: coalesce(d.kind, 'district'),
    priorities: COLLECT { MATCH (d)-[p:PRIORITIZES]->(c:Chain) WHERE c.id IN $chainIds
                          WITH p, c ORDER BY p.rank, c.id
                          RETURN {chainId: c.id, chainName: c.name, rank: p.rank} },
    parks: COLLECT { MATCH (d)-[:HAS_PARK]->(pk:Park) WITH pk ORDER BY pk.id
                     RETURN {id: pk.id, name: pk.name, landAvailableHa: pk.landAvailableHa,
                             focusChains: COLLECT { MATCH (pk)-[:FOCUSES_ON]->(c:Chain) WHERE c.id IN $chainIds
                                                    WITH c ORDER BY c.id RETURN c {.id, .name} }} }} AS row
  ORDER BY row.code`;

/** The city's firms in the target's links ('same') or one FEEDS edge from them ('down', 'up'). */
export const fitFirmsCypher = `
  MATCH (f:Enterprise) WHERE f.districtCode IS NOT NULL AND f.id <> $id
  MATCH (f)-[r:IN_LINK]->(m:Link)
  CALL (m) {
    WITH m WHERE m.id IN $linkIds RETURN m AS t, 'same' AS relation
    UNION
    MATCH (t:Link)-[:FEEDS]->(m) WHERE t.id IN $linkIds RETURN t, 'down' AS relation
    UNION
    MATCH (m)-[:FEEDS]->(t:Link) WHERE t.id IN $linkIds RETURN t, 'up' AS relation
  }
  WITH f, r, m, t, relation ORDER BY f.districtCode, f.id, m.id, t.id
  RETURN {districtCode: f.districtCode, id: f.id, name: f.name, linkId: m.id, linkName: m.name,
          targetLinkId: t.id, targetLinkName: t.name, relation: relation,
          confidence: coalesce(r.confidence, 1.0), leader: EXISTS { (f)-[:LEADS]->(:Chain) }} AS row`;

/** The target's SUPPLIES partners located in a district of the city. */
export const fitPartnersCypher = `
  MATCH (e:Enterprise {id: $id})-[s:SUPPLIES]-(p:Enterprise)
  WHERE p.districtCode IS NOT NULL AND p <> e
  WITH e, s, p ORDER BY p.id, s.product
  RETURN {districtCode: p.districtCode, id: p.id, name: p.name,
          role: CASE WHEN startNode(s) = e THEN 'buyer' ELSE 'supplier' END,
          product: coalesce(s.product, ''), leader: EXISTS { (p)-[:LEADS]->(:Chain) }} AS row`;

export function createDistrictFitRepository(db: Database) {
  return {
    async findTarget(id: string): Promise<FitTarget | undefined> {
      const rows = await db.read(fitTargetCypher, { id }, (r) => targetRowSchema.parse(r.get('row')));
      return rows[0];
    },

    /** Every district with its facts about this target. */
    async districtFacts(target: FitTarget): Promise<DistrictFacts[]> {
      const chainIds = [...new Set(target.links.map((l) => l.chainId))];
      const linkIds = target.links.map((l) => l.id);
      const [districts, firms, partners] = await Promise.all([
        db.read(fitDistrictsCypher, { chainIds }, (r) => districtRowSchema.parse(r.get('row'))),
        db.read(fitFirmsCypher, { id: target.id, linkIds }, (r) => firmRowSchema.parse(r.get('row'))),
        db.read(fitPartnersCypher, { id: target.id }, (r) => partnerRowSchema.parse(r.get('row'))),
      ]);
      return districts.map((d) => ({
        ...d,
        sameLinkFirms: firms
          .filter((f) => f.districtCode === d.code && f.relation === 'same')
          .map((f) => ({
            id: f.id,
            name: f.name,
            linkId: f.linkId,
            linkName: f.linkName,
            confidence: f.confidence,
            leader: f.leader,
          })),
        adjacentFirms: firms
          .filter((f) => f.districtCode === d.code && f.relation !== 'same')
          .map((f) => ({
            id: f.id,
            name: f.name,
            linkId: f.linkId,
            linkName: f.linkName,
            targetLinkId: f.targetLinkId,
            targetLinkName: f.targetLinkName,
            direction: f.relation === 'down' ? ('down' as const) : ('up' as const),
            confidence: f.confidence,
            leader: f.leader,
          })),
        supplyPartners: partners
          .filter((p) => p.districtCode === d.code)
          .map(({ districtCode: _, ...p }) => p),
      }));
    },
  };
}

export type DistrictFitRepository = ReturnType<typeof createDistrictFitRepository>;
