import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LinkFacts } from '../domain/matcher/gap-analysis.ts';
import { homeCityName, type Locality } from '../domain/matcher/locality.ts';
import type { CandidateFilters } from '../domain/matcher/matcher.service.ts';
import type { AdjacencyEvidence } from '../domain/matcher/target-reasons.ts';
import {
  type CandidateFeatures,
  type Components,
  scoringRules,
  type Weights,
  weightSum,
} from '../domain/matcher/target-scoring.ts';
import { type Database, int } from './database.ts';
import type { ReadCache } from './read-cache.ts';

/**
 * The matcher's reads. Every query starts from an index: local firms through the district, city or flag index,
 * links through the chain index, candidates through their links. Nothing here walks the whole graph.
 */

/** Cypher variables the locality clauses may be applied to (fixed texts, never user input). */
type Var = 'e' | 'f' | 'b' | 'x' | 'y' | 'z';

/** `true` when the enterprise bound to `v` is local to the locality. */
export function localClause(v: Var, locality: Locality): string {
  switch (locality.kind) {
    case 'city':
      // The stored flag, or the fields it is derived from, so a writer that forgot the flag is still caught;
      // coalesce: a firm with no city is not local (NOT null would drop it from every list).
      return `(coalesce(${v}.local, false) OR ${v}.districtCode IS NOT NULL OR coalesce(${v}.city = $homeCity, false))`;
    case 'district':
      return `coalesce(${v}.districtCode = $district, false)`;
    case 'area':
      return locality.field === 'city'
        ? `coalesce(${v}.city = $area, false)`
        : `coalesce(${v}.province = $area, false)`;
  }
}

/** Binds every local firm to `f`, each through an index seek. */
function localAnchor(locality: Locality): string {
  switch (locality.kind) {
    case 'city':
      return `CALL () {
                MATCH (f:Enterprise) WHERE f.districtCode IS NOT NULL RETURN f
                UNION
                MATCH (f:Enterprise) WHERE f.city = $homeCity RETURN f
                UNION
                MATCH (f:Enterprise) WHERE f.local = true RETURN f
              }`;
    case 'district':
      return 'MATCH (f:Enterprise) WHERE f.districtCode = $district';
    case 'area':
      return locality.field === 'city'
        ? 'MATCH (f:Enterprise) WHERE f.city = $area'
        : 'MATCH (f:Enterprise) WHERE f.province = $area';
  }
}

export function localityParams(locality: Locality): Record<string, string | null> {
  return {
    homeCity: homeCityName,
    district: locality.kind === 'district' ? locality.code : null,
    area: locality.kind === 'area' ? locality.value : null,
  };
}

const stageSchema = z.enum(['upstream', 'midstream', 'downstream']);
const linkRefSchema = z.object({ id: z.string(), name: z.string(), chainId: z.string() });

const linkNameSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

const linkRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  order: z.number().int(),
  chainId: z.string(),
  poolSize: z.number().int(),
  feedsInside: z.array(linkRefSchema),
  feedsAcross: z.array(linkRefSchema),
});

const localFirmRowSchema = z.object({
  linkId: z.string(),
  id: z.string(),
  name: z.string(),
  board: z.string().nullable(),
  listed: z.boolean(),
  leadsChain: z.boolean(),
  confidence: z.number(),
});

const dependentRowSchema = z.object({
  linkId: z.string(),
  id: z.string(),
  name: z.string(),
  leader: z.boolean(),
  via: z.array(z.enum(['feeds', 'supplies'])),
});

const namedSchema = z.object({ id: z.string(), name: z.string() });

/**
 * With a cache, every read here is kept per graph version (see `read-cache.ts`): the inputs a ranking needs
 * (gap facts, link adjacency, the supply map, candidate counts) are computed once per scope and graph version,
 * and a ranking is kept as a prefix of `rankPrefixStep`-row blocks, so the next pages and repeated requests
 * cost a lookup. Without one (the back-test runs inside a transaction it rolls back) nothing is kept.
 */
export function createMatcherRepository(db: Database, cache?: ReadCache) {
  const memo = <T>(key: string, load: () => Promise<T>): Promise<T> =>
    cache ? cache.get(`matcher|${key}`, load) : load();
  /** For values made of ids and numbers only, which no rename can change (see `GraphVersion`). */
  const memoNumbers = <T>(key: string, load: () => Promise<T>): Promise<T> =>
    cache ? cache.get(`matcher|${key}`, load, 'structure') : load();

  const supplyMap = (linkIds: string[], locality: Locality) =>
    memoNumbers(`supply|${localityKey(locality)}|${digest(linkIds)}`, async () => {
      const rows = await db.read(
        supplyMapCypher(locality),
        { linkIds, maxPartnerEdges: int(scoringRules.maxPartnerEdges), ...localityParams(locality) },
        (r) => supplyRowSchema.parse(r.get('row')),
      );
      const supply: Record<string, Omit<SupplyRow, 'id'>> = {};
      for (const { id, ...features } of rows) supply[id] = features;
      return supply;
    });

  const countCandidates = (
    linkIds: string[],
    locality: Locality,
    includeVetoed: boolean,
    filters: CandidateFilters | undefined,
  ) =>
    memoNumbers(
      `count|${localityKey(locality)}|${includeVetoed}|${digest([linkIds, filterParams(filters)])}`,
      async () => {
        const rows = await db.read(
          countCypher(locality),
          {
            linkIds,
            riskPattern: scoringRules.riskPattern,
            includeVetoed,
            k: scoringRules,
            ...filterParams(filters),
            ...localityParams(locality),
          },
          (r) => z.object({ total: z.number().int(), vetoed: z.number().int() }).parse(r.get('row')),
        );
        return rows[0] ?? { total: 0, vetoed: 0 };
      },
    );

  const rankRows = async (request: RankRequest, skip: number, limit: number): Promise<CandidateRow[]> => {
    const supply = await supplyMap(request.linkIds, request.locality);
    const params = {
      linkIds: request.linkIds,
      fit: request.fit,
      adjacency: request.adjacency,
      supply,
      noSupply: { suppliesLocal: 0, suppliesLocalLeaders: 0, buysFromLocal: 0, proximity: 0.0 },
      k: scoringRules,
      w: request.weights,
      weightSum: weightSum(request.weights),
      referenceDate: request.referenceDate,
      includeVetoed: request.includeVetoed,
      ...filterParams(request.filters),
      skip: int(skip),
      limit: int(limit),
      ...localityParams(request.locality),
    };
    return db.read(rankCypher(request.locality), params, (r) => candidateRowSchema.parse(r.get('row')));
  };

  return {
    async findLink(id: string): Promise<{ id: string; name: string; chainId: string } | undefined> {
      return memo(`link|${id}`, async () => {
        const rows = await db.read(
          `MATCH (c:Chain)-[h:HAS_LINK]->(l:Link {id: $id})
           WHERE l.validTo IS NULL AND c.validTo IS NULL
           RETURN l {.id, .name, chainId: c.id} AS row`,
          { id },
          (r) => linkRefSchema.parse(r.get('row')),
        );
        return rows[0];
      });
    },

    /** The chains a district prioritises, by rank. */
    async districtPriorities(code: string): Promise<{ id: string; name: string }[]> {
      return memo(`priorities|${code}`, () =>
        db.read(
          `MATCH (:District {code: $code})-[p:PRIORITIZES]->(c:Chain) WHERE c.validTo IS NULL
           WITH p, c ORDER BY p.rank, c.id RETURN c {.id, .name} AS row`,
          { code },
          (r) => namedSchema.parse(r.get('row')),
        ),
      );
    },

    /** The newest listing date in the graph, read from the end of its index. */
    async newestListingDate(): Promise<string | null> {
      return memoNumbers('newest-listing', async () => {
        const rows = await db.read(
          `MATCH (e:Enterprise) WHERE e.listDate IS NOT NULL
           WITH e ORDER BY e.listDate DESC LIMIT 1 RETURN toString(e.listDate) AS d`,
          {},
          (r) => z.string().parse(r.get('d')),
        );
        return rows[0] ?? null;
      });
    },

    async adjacencyCounts(locality: Locality): Promise<AdjacencyCount[]> {
      return memoNumbers(`adjacency|${localityKey(locality)}`, () =>
        db.read(adjacencyCountCypher(locality), localityParams(locality), (r) =>
          adjacencyCountSchema.parse(r.get('row')),
        ),
      );
    },

    /** Per link, the local firms one FEEDS edge away; kept across renames with the current link names laid over. */
    async adjacencyEvidence(linkIds: string[], locality: Locality): Promise<AdjacencyEvidence[]> {
      if (linkIds.length === 0) return [];
      const read = () =>
        db.read(adjacencyEvidenceCypher(locality), { linkIds, ...localityParams(locality) }, (r) =>
          adjacencyEvidenceSchema.parse(r.get('row')),
        );
      // Without a cache the names just read are current: nothing to lay over.
      if (!cache) return read();
      const scope = `${localityKey(locality)}|${digest(linkIds)}`;
      return memo(`adjacency-evidence|${scope}`, async () => {
        const rows = await memoNumbers(`adjacency-evidence-by-structure|${scope}`, read);
        const names = await linkNames(rows.flatMap((row) => [row.linkId, row.via.id]));
        return rows.map((row) => ({
          ...row,
          linkName: names.get(row.linkId)?.name ?? row.linkName,
          via: { ...row.via, name: names.get(row.via.id)?.name ?? row.via.name },
        }));
      });
    },

    /** One page of ranked candidates, and how many there are in all. */
    async rankCandidates(
      request: RankRequest,
    ): Promise<{ rows: CandidateRow[]; total: number; vetoed: number }> {
      // Counting needs no scores: it runs while the supply features are gathered.
      const countsPending = countCandidates(
        request.linkIds,
        request.locality,
        request.includeVetoed,
        request.filters,
      );
      let rows: CandidateRow[];
      if (cache) {
        // Whole blocks from the top: the next pages of the same ranking are then slices of a cached prefix.
        const end = request.skip + request.limit;
        const prefix = Math.max(rankPrefixStep, Math.ceil(end / rankPrefixStep) * rankPrefixStep);
        const { skip: _skip, limit: _limit, ...ranking } = request;
        const ranked = await memoNumbers(
          `rank|${localityKey(request.locality)}|${digest(ranking)}|${prefix}`,
          () => rankRows(request, 0, prefix),
        );
        rows = ranked.slice(request.skip, end);
      } else {
        rows = await rankRows(request, request.skip, request.limit);
      }
      const counts = await countsPending;
      return { rows, total: counts.total, vetoed: counts.vetoed };
    },

    /** What the reasons of a page of candidates are built from. */
    async candidateProfiles(ids: string[], locality: Locality): Promise<CandidateProfile[]> {
      if (ids.length === 0) return [];
      return memo(`profiles|${localityKey(locality)}|${digest(ids)}`, () =>
        db.read(evidenceCypher(locality), { ids, ...localityParams(locality) }, (r) =>
          evidenceSchema.parse(r.get('row')),
        ),
      );
    },

    async findChain(id: string): Promise<{ id: string; name: string } | undefined> {
      return memo(`chain|${id}`, async () => {
        const rows = await db.read(
          'MATCH (c:Chain {id: $id}) WHERE c.validTo IS NULL RETURN c {.id, .name} AS row',
          { id },
          (r) => namedSchema.parse(r.get('row')),
        );
        return rows[0];
      });
    },

    async findDistrict(code: string): Promise<{ code: string; name: string } | undefined> {
      return memo(`district|${code}`, async () => {
        const rows = await db.read(
          'MATCH (d:District {code: $code}) RETURN d {.code, .name} AS row',
          { code },
          (r) => z.object({ code: z.string(), name: z.string() }).parse(r.get('row')),
        );
        return rows[0];
      });
    },

    /**
     * The facts gap analysis needs for every link of one chain. The facts are kept across renames and the
     * current link names laid over them, so a rename costs one lookup of names, not the analysis.
     */
    async gapFacts(chainId: string, locality: Locality): Promise<LinkFacts[]> {
      // Without a cache the names just read are current: nothing to lay over.
      if (!cache) return readGapFacts(chainId, locality);
      const scope = `${chainId}|${localityKey(locality)}`;
      return memo(`gap-facts|${scope}`, async () => {
        const facts = await memoNumbers(`gap-facts-by-structure|${scope}`, () =>
          readGapFacts(chainId, locality),
        );
        const names = await linkNames(
          facts.flatMap((f) => [f.id, ...f.feedsInside.map((l) => l.id), ...f.feedsAcross.map((l) => l.id)]),
        );
        const named = <T extends { id: string; name: string }>(link: T): T => ({
          ...link,
          name: names.get(link.id)?.name ?? link.name,
        });
        return facts.map((f) => ({
          ...named(f),
          nameEn: names.get(f.id)?.nameEn ?? f.nameEn,
          feedsInside: f.feedsInside.map(named),
          feedsAcross: f.feedsAcross.map(named),
        }));
      });
    },
  };

  /** The current names of these links: what a rename changes, read fresh over facts kept across renames. */
  async function linkNames(ids: string[]): Promise<Map<string, { name: string; nameEn: string }>> {
    const rows = await db.read(
      "MATCH (l:Link) WHERE l.id IN $ids RETURN {id: l.id, name: l.name, nameEn: coalesce(l.nameEn, '')} AS row",
      { ids: [...new Set(ids)] },
      (r) => linkNameSchema.parse(r.get('row')),
    );
    return new Map(rows.map(({ id, ...names }) => [id, names]));
  }

  async function readGapFacts(chainId: string, locality: Locality): Promise<LinkFacts[]> {
    const params = { chain: chainId, ...localityParams(locality) };
    const [links, firms, dependents] = await Promise.all([
      db.read(
        // The pool is the link's IN_LINK degree (a count kept by the store) less its retired edges, found
        // through the relationship index on validTo, which holds only edges that have one.
        `CALL () {
           MATCH ()-[r:IN_LINK]->(m:Link) WHERE r.validTo IS NOT NULL AND m.chainId = $chain
           RETURN collect(m) AS retiredEnds
         }
         MATCH (c:Chain {id: $chain})-[:HAS_LINK]->(l:Link) WHERE l.validTo IS NULL
         RETURN l {.id, .name, .nameEn, .stage, .order, chainId: c.id,
           poolSize: COUNT { (l)<-[:IN_LINK]-() } - size([m IN retiredEnds WHERE m = l]),
           feedsInside: COLLECT { MATCH (l)-[f:FEEDS]->(m:Link)
                                  WHERE m.chainId = c.id AND f.validTo IS NULL AND m.validTo IS NULL
                                  WITH DISTINCT m ORDER BY m.id RETURN m {.id, .name, .chainId} },
           feedsAcross: COLLECT { MATCH (l)-[f:FEEDS]->(m:Link)
                                  WHERE m.chainId <> c.id AND f.validTo IS NULL AND m.validTo IS NULL
                                  WITH DISTINCT m ORDER BY m.id RETURN m {.id, .name, .chainId} }} AS row`,
        params,
        (r) => linkRowSchema.parse(r.get('row')),
      ),
      db.read(
        `${localAnchor(locality)}
           MATCH (f)-[r:IN_LINK]->(l:Link {chainId: $chain})
           WHERE r.validTo IS NULL AND l.validTo IS NULL
           RETURN {linkId: l.id, id: f.id, name: f.name, board: f.board, listed: coalesce(f.listed, false),
                   leadsChain: EXISTS { (f)-[:LEADS]->(:Chain {id: $chain}) },
                   confidence: coalesce(r.confidence, 1.0)} AS row`,
        params,
        (r) => localFirmRowSchema.parse(r.get('row')),
      ),
      // Local firms downstream of a link (they sit in a link it FEEDS) or buying from a firm placed in it.
      db.read(
        `${localAnchor(locality)}
           CALL (f) {
             MATCH (f)-[r:IN_LINK]->(m:Link)<-[d:FEEDS]-(l:Link {chainId: $chain})
             WHERE r.validTo IS NULL AND m.validTo IS NULL AND d.validTo IS NULL AND l.validTo IS NULL
             RETURN l.id AS linkId, 'feeds' AS via
             UNION
             MATCH (f)<-[:SUPPLIES]-(:Enterprise)-[r:IN_LINK]->(l:Link {chainId: $chain})
             WHERE r.validTo IS NULL AND l.validTo IS NULL
             RETURN l.id AS linkId, 'supplies' AS via
           }
           WITH linkId, f, collect(DISTINCT via) AS via
           RETURN {linkId: linkId, id: f.id, name: f.name, leader: EXISTS { (f)-[:LEADS]->(:Chain) },
                   via: via} AS row`,
        params,
        (r) => dependentRowSchema.parse(r.get('row')),
      ),
    ]);
    return links.map((link) => ({
      ...link,
      localFirms: firms
        .filter((f) => f.linkId === link.id)
        .map(({ linkId: _, ...firm }) => firm)
        .sort((a, b) => a.id.localeCompare(b.id)),
      dependents: dependents
        .filter((d) => d.linkId === link.id)
        .map((d) => ({
          id: d.id,
          name: d.name,
          leader: d.leader,
          viaFeeds: d.via.includes('feeds'),
          viaSupplies: d.via.includes('supplies'),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    }));
  }
}

/** Rankings are cached as prefixes of this many rows (a page of the API is at most 100; an export 1,000). */
export const rankPrefixStep = 200;

function localityKey(locality: Locality): string {
  switch (locality.kind) {
    case 'city':
      return 'city';
    case 'district':
      return `district:${locality.code}`;
    case 'area':
      return `area:${locality.field}:${locality.value}`;
  }
}

/** A short key for a request value (JSON text of it; object keys in the order they were built). */
function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

export type MatcherRepository = ReturnType<typeof createMatcherRepository>;

export interface RankRequest {
  /** Links whose enterprises are candidates. */
  linkIds: string[];
  /** Priority of each link in scope (from gap analysis). */
  fit: Record<string, number>;
  /** Raw adjacency of every link that touches local firms through FEEDS. */
  adjacency: Record<string, number>;
  locality: Locality;
  weights: Weights;
  /** Momentum is measured to this date (YYYY-MM-DD). */
  referenceDate: string;
  skip: number;
  limit: number;
  includeVetoed: boolean;
  filters?: CandidateFilters;
}

export interface CandidateRow {
  id: string;
  bestLinkId: string;
  score: number;
  features: CandidateFeatures;
  components: Omit<Components, 'veto'>;
}

const featuresSchema = z.object({
  gapFit: z.number(),
  suppliesLocal: z.number().int(),
  suppliesLocalLeaders: z.number().int(),
  buysFromLocal: z.number().int(),
  adjacency: z.number(),
  proximity: z.number(),
  board: z.string().nullable(),
  listed: z.boolean(),
  leader: z.boolean(),
  supplyEdges: z.number().int(),
  daysSinceListing: z.number().int().nullable(),
  vetoed: z.boolean(),
});

const candidateRowSchema = z.object({
  id: z.string(),
  bestLinkId: z.string(),
  score: z.number(),
  features: featuresSchema,
  components: z.object({
    gapFit: z.number(),
    supplyTies: z.number(),
    quality: z.number(),
    momentum: z.number(),
  }),
});

const tieSchema = z.object({ id: z.string(), name: z.string(), product: z.string(), leader: z.boolean() });

const evidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  stockCode: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  districtCode: z.string().nullable(),
  mainProducts: z.array(z.string()),
  board: z.string().nullable(),
  listed: z.boolean(),
  listDate: z.string().nullable(),
  source: z.string(),
  leads: z.array(namedSchema),
  links: z.array(z.object({ id: z.string(), name: z.string(), chainId: z.string(), confidence: z.number() })),
  suppliesLocal: z.array(tieSchema),
  buysFromLocal: z.array(tieSchema),
  sharedPartners: z.array(
    z.object({ partnerId: z.string(), partnerName: z.string(), localId: z.string(), localName: z.string() }),
  ),
  buyers: z.number().int(),
  suppliers: z.number().int(),
});
export type CandidateProfile = z.infer<typeof evidenceSchema>;

const adjacencyCountSchema = z.object({
  linkId: z.string(),
  direction: z.enum(['down', 'up']),
  firms: z.number().int(),
  leaders: z.number().int(),
});
export type AdjacencyCount = z.infer<typeof adjacencyCountSchema>;

const adjacencyEvidenceSchema = z.object({
  linkId: z.string(),
  linkName: z.string(),
  direction: z.enum(['down', 'up']),
  via: linkRefSchema,
  firmCount: z.number().int(),
  firms: z.array(namedSchema),
});

/** The candidates: enterprises in the links in scope that are not local. */
const candidateMatch = (locality: Locality) => `
  UNWIND $linkIds AS linkId
  MATCH (:Link {id: linkId})<-[r:IN_LINK]-(e:Enterprise)
  WHERE r.validTo IS NULL AND NOT ${localClause('e', locality)}
    AND ($province IS NULL OR e.province = $province) AND ($board IS NULL OR e.board = $board)`;

/** The filter parameters every candidate query takes; absent filters are null (or 0) and match everything. */
function filterParams(filters: CandidateFilters | undefined): {
  province: string | null;
  board: string | null;
  minQuality: number;
} {
  return {
    province: filters?.province ?? null,
    board: filters?.board ?? null,
    minQuality: filters?.minQuality ?? 0,
  };
}

/** The quality component (`qualityOf` in target-scoring.ts) of the enterprise bound to `e`. */
const qualityExpression = (leader: string, supplyEdges: string) => `
    $k.qualityBoard * CASE WHEN NOT coalesce(e.listed, false) THEN $k.unlistedQuality
                           WHEN e.board IS NULL THEN $k.otherListedQuality
                           ELSE coalesce($k.boardQuality[e.board], $k.otherListedQuality) END
      + $k.qualityLeader * CASE WHEN ${leader} THEN 1.0 ELSE 0.0 END
      + $k.qualityPartners * CASE WHEN ${supplyEdges} <= 0 THEN 0.0
                                  ELSE toFloat(${supplyEdges}) / (${supplyEdges} + $k.supplyEdgesHalf) END`;

/**
 * Supply features of every candidate tied to local firms, computed once from the local side: distinct local
 * buyers (and leaders among them) and local suppliers of each partner of a local firm, and Adamic–Adar terms
 * spread from each non-hub partner to its own partners. Bounded by the local firms and their partners (each
 * expanded at most \`maxPartnerEdges\` relationships deep), not by the candidate pool.
 */
export const supplyMapCypher = (locality: Locality) => `
  ${localAnchor(locality)}
  MATCH (f)-[s:SUPPLIES]-(z:Enterprise)
  WITH z, f, startNode(s) = z AS zSupplies
  WITH z, collect(DISTINCT CASE WHEN zSupplies THEN f END) AS buyers,
       collect(DISTINCT CASE WHEN NOT zSupplies THEN f END) AS sellers, count(DISTINCT f) AS localCount
  CALL (z, buyers, sellers, localCount) {
    WITH z, localCount WHERE COUNT { (z)-[:SUPPLIES]-() } <= $maxPartnerEdges
    WITH z, localCount, size(COLLECT { MATCH (z)-[:SUPPLIES]-(n:Enterprise) RETURN DISTINCT n }) AS degree
    WHERE degree > 1
    MATCH (z)-[:SUPPLIES]-(x:Enterprise)
    WHERE NOT ${localClause('x', locality)}
      AND EXISTS { (x)-[r:IN_LINK]->(l:Link) WHERE l.id IN $linkIds AND r.validTo IS NULL }
    WITH DISTINCT x, localCount, degree
    RETURN x.id AS id, 0 AS suppliesLocal, 0 AS suppliesLocalLeaders, 0 AS buysFromLocal,
           toFloat(localCount) / log(degree) AS proximity
    UNION ALL
    WITH z, buyers, sellers
    WHERE NOT ${localClause('z', locality)}
      AND EXISTS { (z)-[r:IN_LINK]->(l:Link) WHERE l.id IN $linkIds AND r.validTo IS NULL }
    RETURN z.id AS id, size(buyers) AS suppliesLocal,
           size([b IN buyers WHERE COUNT { (b)-[:LEADS]->() } > 0]) AS suppliesLocalLeaders,
           size(sellers) AS buysFromLocal, 0.0 AS proximity
  }
  WITH id, sum(suppliesLocal) AS suppliesLocal, sum(suppliesLocalLeaders) AS suppliesLocalLeaders,
       sum(buysFromLocal) AS buysFromLocal, sum(proximity) AS proximity
  RETURN {id: id, suppliesLocal: suppliesLocal, suppliesLocalLeaders: suppliesLocalLeaders,
          buysFromLocal: buysFromLocal, proximity: proximity} AS row`;

const supplyRowSchema = z.object({
  id: z.string(),
  suppliesLocal: z.number().int(),
  suppliesLocalLeaders: z.number().int(),
  buysFromLocal: z.number().int(),
  proximity: z.number(),
});
type SupplyRow = z.infer<typeof supplyRowSchema>;

/**
 * Scores every candidate with the formulas of domain/matcher/target-scoring.ts (constants from
 * \`scoringRules\`, passed as $k; supply features from the map built by \`supplyMapCypher\`) and returns one
 * page in ranking order. Per candidate it reads properties and degrees only, so the pool can be large.
 */
export const rankCypher = (locality: Locality) => `
  ${candidateMatch(locality)}
  WITH e, collect({id: linkId, v: coalesce($fit[linkId], 0.0) * coalesce(r.confidence, 1.0)}) AS fits
  WITH e, reduce(best = head(fits), x IN tail(fits) |
          CASE WHEN x.v > best.v OR (x.v = best.v AND x.id < best.id) THEN x ELSE best END) AS best,
       coalesce(e.name =~ $k.riskPattern, false) AS vetoed
  WHERE $includeVetoed OR NOT vetoed
  WITH e, best, vetoed, coalesce($supply[e.id], $noSupply) AS s,
       COUNT { (e)-[:SUPPLIES]-() } AS supplyEdges,
       EXISTS { (e)-[:LEADS]->() } AS leader,
       reduce(a = 0.0, lid IN [(e)-[own:IN_LINK]->(l) WHERE own.validTo IS NULL | l.id] |
              CASE WHEN coalesce($adjacency[lid], 0.0) > a THEN coalesce($adjacency[lid], 0.0) ELSE a END) AS adjacency,
       CASE WHEN e.listDate IS NULL THEN null ELSE duration.inDays(e.listDate, date($referenceDate)).days END
         AS daysSinceListing
  WITH e, best, vetoed, supplyEdges, leader, adjacency, daysSinceListing, s.suppliesLocal AS suppliesLocal,
       s.suppliesLocalLeaders AS suppliesLocalLeaders, s.buysFromLocal AS buysFromLocal, s.proximity AS proximity
  WITH *, toFloat(suppliesLocal) + $k.supplierLeaderExtra * suppliesLocalLeaders
          + $k.customerShare * buysFromLocal AS direct
  WITH *,
    1.0 - (1.0 - CASE WHEN direct <= 0 THEN 0.0 ELSE direct / (direct + $k.directHalf) END)
        * (1.0 - $k.adjacencyCap * CASE WHEN adjacency <= 0 THEN 0.0 ELSE adjacency / (adjacency + $k.adjacencyHalf) END)
        * (1.0 - $k.proximityCap * CASE WHEN proximity <= 0 THEN 0.0 ELSE proximity / (proximity + $k.proximityHalf) END)
      AS supplyTies,
    ${qualityExpression('leader', 'supplyEdges')}
      AS quality,
    CASE WHEN daysSinceListing IS NULL OR daysSinceListing >= $k.momentumDays THEN 0.0
         WHEN daysSinceListing <= 0 THEN 1.0
         ELSE 1.0 - toFloat(daysSinceListing) / $k.momentumDays END AS momentum
  WHERE quality >= $minQuality
  WITH *, CASE WHEN vetoed THEN 0.0
               ELSE ($w.gapFit * best.v + $w.supplyTies * supplyTies + $w.quality * quality
                     + $w.momentum * momentum) / $weightSum END AS score
  ORDER BY CASE WHEN vetoed THEN 0 ELSE 1 END DESC, score DESC, e.id
  SKIP $skip LIMIT $limit
  RETURN {id: e.id, bestLinkId: best.id, score: score,
          features: {gapFit: best.v, suppliesLocal: suppliesLocal, suppliesLocalLeaders: suppliesLocalLeaders,
                     buysFromLocal: buysFromLocal, adjacency: adjacency, proximity: proximity, board: e.board,
                     listed: coalesce(e.listed, false), leader: leader, supplyEdges: supplyEdges,
                     daysSinceListing: daysSinceListing, vetoed: vetoed},
          components: {gapFit: best.v, supplyTies: supplyTies, quality: quality, momentum: momentum}} AS row`;

export const countCypher = (locality: Locality) => `
  ${candidateMatch(locality)}
  WITH DISTINCT e
  WITH e, coalesce(e.name =~ $riskPattern, false) AS vetoed
  // Quality is computed only when filtered on; it needs the candidate's relationships.
  WHERE $minQuality <= 0
     OR ${qualityExpression('EXISTS { (e)-[:LEADS]->() }', 'COUNT { (e)-[:SUPPLIES]-() }')} >= $minQuality
  RETURN {total: count(CASE WHEN $includeVetoed OR NOT vetoed THEN 1 END),
          vetoed: count(CASE WHEN vetoed THEN 1 END)} AS row`;

/** Local firms one FEEDS edge away from each link, counted per link and direction. */
const adjacencyCountCypher = (locality: Locality) => `
  ${localAnchor(locality)}
  WITH f, EXISTS { (f)-[:LEADS]->(:Chain) } AS leader
  MATCH (f)-[r:IN_LINK]->(m:Link) WHERE r.validTo IS NULL AND m.validTo IS NULL
  // Grouped by link first, so each link's FEEDS edges are walked once, not once per local firm in it.
  WITH m, collect(DISTINCT f) AS firms, collect(DISTINCT CASE WHEN leader THEN f END) AS leaders
  CALL (m) {
    MATCH (x:Link)-[d:FEEDS]->(m) WHERE d.validTo IS NULL AND x.validTo IS NULL RETURN x, 'down' AS direction
    UNION
    MATCH (m)-[d:FEEDS]->(x:Link) WHERE d.validTo IS NULL AND x.validTo IS NULL RETURN x, 'up' AS direction
  }
  WITH x.id AS linkId, direction, collect(firms) AS firmLists, collect(leaders) AS leaderLists
  RETURN {linkId: linkId, direction: direction,
          firms: size(COLLECT { UNWIND firmLists AS list UNWIND list AS f RETURN DISTINCT f }),
          leaders: size(COLLECT { UNWIND leaderLists AS list UNWIND list AS f RETURN DISTINCT f })} AS row`;

/** The same, per FEEDS edge, with a few of the firms by id: the material of adjacency reasons. */
const adjacencyEvidenceCypher = (locality: Locality) => `
  ${localAnchor(locality)}
  MATCH (f)-[r:IN_LINK]->(m:Link) WHERE r.validTo IS NULL AND m.validTo IS NULL
  WITH DISTINCT f, m
  CALL (m) {
    MATCH (x:Link)-[d:FEEDS]->(m) WHERE x.id IN $linkIds AND d.validTo IS NULL RETURN x, 'down' AS direction
    UNION
    MATCH (m)-[d:FEEDS]->(x:Link) WHERE x.id IN $linkIds AND d.validTo IS NULL RETURN x, 'up' AS direction
  }
  WITH x, direction, m, f ORDER BY f.id
  WITH x, direction, m, collect(DISTINCT f {.id, .name}) AS firms
  RETURN {linkId: x.id, linkName: x.name, direction: direction, via: m {.id, .name, .chainId},
          firmCount: size(firms), firms: firms[0..3]} AS row`;

const evidenceCypher = (locality: Locality) => `
  UNWIND $ids AS candidateId
  MATCH (e:Enterprise {id: candidateId})
  RETURN e {.id, .name, fullName: coalesce(e.fullName, e.name), stockCode: e.stockCode, province: e.province,
    city: e.city, districtCode: e.districtCode, mainProducts: coalesce(e.mainProducts, []), board: e.board,
    listed: coalesce(e.listed, false), listDate: toString(e.listDate), source: coalesce(e.source, 'unknown'),
    leads: COLLECT { MATCH (e)-[:LEADS]->(c:Chain) WITH c ORDER BY c.id RETURN c {.id, .name} },
    links: COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link) WHERE r.validTo IS NULL AND l.validTo IS NULL
                     WITH r, l ORDER BY l.id
                     RETURN {id: l.id, name: l.name, chainId: l.chainId, confidence: coalesce(r.confidence, 1.0)} },
    suppliesLocal: COLLECT { MATCH (e)-[s:SUPPLIES]->(b:Enterprise) WHERE ${localClause('b', locality)}
                             WITH s, b ORDER BY b.id, s.product
                             RETURN {id: b.id, name: b.name, product: s.product,
                                     leader: EXISTS { (b)-[:LEADS]->(:Chain) }} },
    buysFromLocal: COLLECT { MATCH (e)<-[s:SUPPLIES]-(b:Enterprise) WHERE ${localClause('b', locality)}
                             WITH s, b ORDER BY b.id, s.product
                             RETURN {id: b.id, name: b.name, product: s.product,
                                     leader: EXISTS { (b)-[:LEADS]->(:Chain) }} },
    sharedPartners: COLLECT { MATCH (e)-[:SUPPLIES]-(z:Enterprise)-[:SUPPLIES]-(y:Enterprise)
                              WHERE ${localClause('y', locality)} AND z <> e AND y <> e
                              WITH DISTINCT z, y ORDER BY z.id, y.id LIMIT 3
                              RETURN {partnerId: z.id, partnerName: z.name, localId: y.id, localName: y.name} },
    buyers: size(COLLECT { MATCH (e)-[:SUPPLIES]->(c:Enterprise) RETURN DISTINCT c.id AS id }),
    suppliers: size(COLLECT { MATCH (e)<-[:SUPPLIES]-(c:Enterprise) RETURN DISTINCT c.id AS id })} AS row`;
