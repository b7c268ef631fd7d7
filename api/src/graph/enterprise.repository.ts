import { z } from 'zod';
import { staleBefore } from '../domain/map/map-change.ts';
import { fullTextQuery } from '../domain/text/segment.ts';
import {
  type EnterpriseDetail,
  type EnterpriseSearchQuery,
  type EnterpriseSummary,
  enterpriseDetailSchema,
  enterpriseSummarySchema,
} from '../http/schemas/enterprise.schemas.ts';
import { type Database, int } from './database.ts';

export interface EnterprisePage {
  items: EnterpriseSummary[];
  total: number;
}

const summaryProjection = `e {.id, .name, fullName: coalesce(e.fullName, e.name), stockCode: e.stockCode, board: e.board,
  province: e.province, city: e.city, districtCode: e.districtCode, industry: e.industry,
  districtName: head(COLLECT { MATCH (e)-[:LOCATED_IN]->(d:District) RETURN d.name }),
  links: COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link) WHERE r.validTo IS NULL WITH l ORDER BY l.id
    RETURN l {.id, .name, chainId: l.chainId} },
  local: coalesce(e.local, false), leader: EXISTS { (e)-[:LEADS]->(:Chain) }}`;

/**
 * Builds the search's MATCH and WHERE from the filters given, anchoring on the most selective one so
 * Neo4j can use an index. Only fixed clause texts are used; every value is a parameter.
 */
function searchClauses(query: EnterpriseSearchQuery, mode: 'contains' | 'fulltext'): string {
  const anchor =
    mode === 'fulltext'
      ? "CALL db.index.fulltext.queryNodes('enterprise_name_tokens', $fulltext) YIELD node AS e, score"
      : query.link
        ? 'MATCH (:Link {id: $link})<-[r:IN_LINK]-(e:Enterprise) WHERE r.validTo IS NULL WITH e'
        : query.chain
          ? 'MATCH (:Chain {id: $chain})-[:HAS_LINK]->(:Link)<-[r:IN_LINK]-(e:Enterprise) WHERE r.validTo IS NULL WITH DISTINCT e'
          : 'MATCH (e:Enterprise)';
  const conditions: string[] = [];
  if (query.q && mode === 'contains') conditions.push('e.searchText CONTAINS $q');
  if (query.province) conditions.push('e.province = $province');
  if (query.district) conditions.push('e.districtCode = $district');
  if (query.link && mode === 'fulltext')
    conditions.push('EXISTS { (e)-[r:IN_LINK]->(:Link {id: $link}) WHERE r.validTo IS NULL }');
  if (query.chain && (mode === 'fulltext' || query.link)) {
    conditions.push('EXISTS { (e)-[r:IN_LINK]->(:Link {chainId: $chain}) WHERE r.validTo IS NULL }');
  }
  return conditions.length > 0 ? `${anchor} WHERE ${conditions.join(' AND ')}` : anchor;
}

/** Facts (profile, links, district, ties) whose `asOf` is older than `staleAfterDays` are flagged `stale`. */
export function createEnterpriseRepository(
  db: Database,
  options: { staleAfterDays: number } = { staleAfterDays: 730 },
) {
  const runSearch = async (
    query: EnterpriseSearchQuery,
    mode: 'contains' | 'fulltext',
    fulltext?: string,
  ) => {
    const params = {
      q: query.q ?? null,
      chain: query.chain ?? null,
      link: query.link ?? null,
      district: query.district ?? null,
      province: query.province ?? null,
      fulltext: fulltext ?? null,
      skip: int((query.page - 1) * query.pageSize),
      limit: int(query.pageSize),
    };
    const match = searchClauses(query, mode);
    // Best matches first: exact name, then names starting with the text, then shorter names; local firms before others.
    const order =
      mode === 'fulltext'
        ? 'score DESC, e.id'
        : `CASE WHEN $q IS NULL THEN 0 WHEN e.name = $q THEN 0 WHEN e.name STARTS WITH $q THEN 1
                WHEN e.name CONTAINS $q THEN 2 ELSE 3 END,
           CASE WHEN e.local THEN 0 ELSE 1 END, size(e.name), e.id`;
    const [totalRows, items] = await Promise.all([
      db.read(`${match} RETURN count(e) AS total`, params, (r) => z.number().int().parse(r.get('total'))),
      db.read(
        `${match} WITH e${mode === 'fulltext' ? ', score' : ''} ORDER BY ${order} SKIP $skip LIMIT $limit
         RETURN ${summaryProjection} AS row`,
        params,
        (r) => enterpriseSummarySchema.parse(r.get('row')),
      ),
    ]);
    return { items, total: totalRows[0] ?? 0 };
  };

  return {
    /**
     * Partial-name search (any substring of the name, full name or an alias), with filters. When the
     * text matches no name as a whole, its words are searched for separately ("成都 锂电池").
     */
    async searchEnterprises(query: EnterpriseSearchQuery): Promise<EnterprisePage> {
      const page = await runSearch(query, 'contains');
      if (page.total > 0 || !query.q) return page;
      const fulltext = fullTextQuery(query.q);
      return fulltext ? runSearch(query, 'fulltext', fulltext) : page;
    },

    async getEnterprise(id: string): Promise<EnterpriseDetail | undefined> {
      const rows = await db.read(
        `MATCH (e:Enterprise {id: $id})
         RETURN e {.id, .name, fullName: coalesce(e.fullName, e.name), aliases: coalesce(e.aliases, []),
           stockCode: e.stockCode, exchange: e.exchange, board: e.board, listed: coalesce(e.listed, false), local: coalesce(e.local, false),
           listDate: toString(e.listDate), province: e.province, city: e.city, address: e.address,
           industry: e.industry, swIndustry: e.swIndustry, mainProducts: coalesce(e.mainProducts, []),
           provenance: {source: coalesce(e.source, 'unknown'), asOf: toString(e.asOf), confidence: e.confidence,
                        stale: coalesce(e.asOf < date($staleBefore), false)},
           district: head(COLLECT { MATCH (e)-[r:LOCATED_IN]->(d:District)
             RETURN {code: d.code, name: d.name,
                     provenance: {source: coalesce(r.source, 'unknown'), asOf: toString(r.asOf), confidence: r.confidence,
                                 stale: coalesce(r.asOf < date($staleBefore), false)}} }),
           links: COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link)<-[:HAS_LINK]-(c:Chain) WHERE r.validTo IS NULL
             WITH r, l, c ORDER BY r.confidence DESC, l.id
             RETURN {id: l.id, name: l.name, nameEn: l.nameEn, stage: l.stage, chainId: c.id, chainName: c.name,
                     evidence: r.evidence,
                     provenance: {source: coalesce(r.source, 'unknown'), asOf: toString(r.asOf), confidence: r.confidence,
                                 stale: coalesce(r.asOf < date($staleBefore), false)}} },
           leads: COLLECT { MATCH (e)-[r:LEADS]->(c:Chain) WITH r, c ORDER BY c.id
             RETURN {chainId: c.id, chainName: c.name,
                     provenance: {source: coalesce(r.source, 'unknown'), asOf: toString(r.asOf), confidence: r.confidence,
                                 stale: coalesce(r.asOf < date($staleBefore), false)}} },
           suppliesTo: COLLECT { MATCH (e)-[r:SUPPLIES]->(b:Enterprise) WITH r, b ORDER BY b.id, r.product
             RETURN {id: b.id, name: b.name, product: r.product, local: coalesce(b.local, false),
                     provenance: {source: coalesce(r.source, 'unknown'), asOf: toString(r.asOf), confidence: r.confidence,
                                 stale: coalesce(r.asOf < date($staleBefore), false)}} },
           suppliedBy: COLLECT { MATCH (e)<-[r:SUPPLIES]-(s:Enterprise) WITH r, s ORDER BY s.id, r.product
             RETURN {id: s.id, name: s.name, product: r.product, local: coalesce(s.local, false),
                     provenance: {source: coalesce(r.source, 'unknown'), asOf: toString(r.asOf), confidence: r.confidence,
                                 stale: coalesce(r.asOf < date($staleBefore), false)}} }
         } AS row`,
        { id, staleBefore: staleBefore(new Date(), options.staleAfterDays) },
        (r) => enterpriseDetailSchema.parse(r.get('row')),
      );
      return rows[0];
    },
  };
}

export type EnterpriseRepository = ReturnType<typeof createEnterpriseRepository>;
