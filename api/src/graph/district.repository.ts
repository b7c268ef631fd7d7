import {
  type DistrictDetail,
  type DistrictSummary,
  districtDetailSchema,
  districtSummarySchema,
} from '../http/schemas/district.schemas.ts';
import { type Database, int } from './database.ts';

const summaryProjection = `d {.code, .name, .nameEn, .kind, leadIndustry: d.leadIndustry,
  enterpriseCount: COUNT { (:Enterprise)-[:LOCATED_IN]->(d) },
  parkCount: COUNT { (d)-[:HAS_PARK]->(:Park) },
  priorities: COLLECT { MATCH (d)-[p:PRIORITIZES]->(c:Chain) WITH p, c ORDER BY p.rank, c.id
                        RETURN {chainId: c.id, chainName: c.name, rank: p.rank} }}`;

const kindOrder = `CASE d.kind WHEN 'district' THEN 0 WHEN 'county-city' THEN 1 WHEN 'county' THEN 2 ELSE 3 END`;

export function createDistrictRepository(db: Database) {
  return {
    listDistricts(): Promise<DistrictSummary[]> {
      return db.read(
        `MATCH (d:District) RETURN ${summaryProjection} AS row ORDER BY ${kindOrder}, d.code`,
        {},
        (r) => districtSummarySchema.parse(r.get('row')),
      );
    },

    async getDistrict(code: string): Promise<DistrictDetail | undefined> {
      const rows = await db.read(
        `MATCH (d:District {code: $code})
         CALL (d) {
           OPTIONAL MATCH (d)<-[:LOCATED_IN]-(e:Enterprise)-[:IN_LINK]->(:Link)<-[:HAS_LINK]-(c:Chain)
           WITH c, e WHERE c IS NOT NULL
           WITH DISTINCT c, e, EXISTS { (e)-[:LEADS]->(c) } AS leads
           // Leaders first, then listed firms, so the few named are the ones a reader knows.
           ORDER BY leads DESC, coalesce(e.listed, false) DESC, e.id
           WITH c, count(e) AS n,
                collect(e {.id, .name, board: e.board, leader: leads})[0..$firmsPerChain] AS firms
           ORDER BY n DESC, c.id
           RETURN collect({chainId: c.id, chainName: c.name, enterpriseCount: n, firms: firms}) AS chains
         }
         RETURN ${summaryProjection} AS summary, {
           source: coalesce(d.source, ''), asOf: toString(d.asOf),
           parks: COLLECT { MATCH (d)-[:HAS_PARK]->(p:Park) WITH p ORDER BY p.id
                            RETURN p {.id, .name, .nameEn, landAvailableHa: p.landAvailableHa,
                                      landSource: p.landSource, source: coalesce(p.source, ''),
                                      focusChains: COLLECT { MATCH (p)-[:FOCUSES_ON]->(c:Chain) WITH c ORDER BY c.id
                                                             RETURN c {.id, .name} }} },
           chains: chains} AS detail`,
        { code, firmsPerChain: int(firmsPerChain) },
        (r) => districtDetailSchema.parse({ ...r.get('summary'), ...r.get('detail') }),
      );
      return rows[0];
    },
  };
}

/** Local firms named per chain in a district's detail (the count covers all of them). */
export const firmsPerChain = 12;

export type DistrictRepository = ReturnType<typeof createDistrictRepository>;
