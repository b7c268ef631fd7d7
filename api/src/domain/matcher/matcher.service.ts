import { NotFoundError, ValidationError } from '../errors.ts';
import {
  analyseChain,
  analyseLink,
  type ChainGaps,
  gapRules,
  type LinkFacts,
  type LinkGap,
  type LinkRef,
} from './gap-analysis.ts';
import { homeCityName, type Locality } from './locality.ts';
import {
  type AdjacencyEvidence,
  buildReasons,
  type CandidateEvidence,
  type Impact,
  impactOf,
  type Reason,
} from './target-reasons.ts';
import {
  type CandidateFeatures,
  type Components,
  componentsOf,
  linkAdjacency,
  scoreOf,
  type Weights,
} from './target-scoring.ts';
import type { WeightProfile } from './weight-profile.ts';

/** What the matcher reads from the graph; implemented by `graph/matcher.repository.ts`. */
export interface MatcherStore {
  findChain(id: string): Promise<{ id: string; name: string } | undefined>;
  findLink(id: string): Promise<LinkRef | undefined>;
  findDistrict(code: string): Promise<{ code: string; name: string } | undefined>;
  districtPriorities(code: string): Promise<{ id: string; name: string }[]>;
  gapFacts(chainId: string, locality: Locality): Promise<LinkFacts[]>;
  newestListingDate(): Promise<string | null>;
  adjacencyCounts(
    locality: Locality,
  ): Promise<{ linkId: string; direction: 'down' | 'up'; firms: number; leaders: number }[]>;
  adjacencyEvidence(linkIds: string[], locality: Locality): Promise<AdjacencyEvidence[]>;
  rankCandidates(request: {
    linkIds: string[];
    fit: Record<string, number>;
    adjacency: Record<string, number>;
    locality: Locality;
    weights: Weights;
    referenceDate: string;
    skip: number;
    limit: number;
    includeVetoed: boolean;
    filters?: CandidateFilters;
  }): Promise<{
    rows: { id: string; bestLinkId: string; score: number; features: CandidateFeatures }[];
    total: number;
    vetoed: number;
  }>;
  candidateProfiles(ids: string[], locality: Locality): Promise<CandidateProfile[]>;
}

export interface CandidateProfile extends CandidateEvidence {
  fullName: string;
  stockCode: string | null;
  province: string | null;
  city: string | null;
  districtCode: string | null;
  mainProducts: string[];
}

export interface ProfileStore {
  getProfile(name: string): Promise<WeightProfile | undefined>;
}

export interface Scope {
  kind: 'city' | 'district';
  code: string | null;
  name: string;
}

export interface ChainGapReport extends ChainGaps {
  chain: { id: string; name: string };
  scope: Scope;
  rules: typeof gapRules;
}

/** Narrow the candidate pool before ranking; ranks and totals are then those of the narrowed pool. */
export interface CandidateFilters {
  /** Only candidates registered in this province (e.g. 广东). */
  province?: string;
  /** Only candidates listed on this board (主板, 科创板, 创业板, 北交所 …). */
  board?: string;
  /** Only candidates whose quality component is at least this (0–1). */
  minQuality?: number;
}

export interface TargetQuery extends CandidateFilters {
  chain?: string;
  link?: string;
  district?: string;
  page: number;
  limit: number;
  profile: string;
  includeVetoed: boolean;
}

export interface Target {
  rank: number;
  id: string;
  name: string;
  fullName: string;
  stockCode: string | null;
  board: string | null;
  province: string | null;
  city: string | null;
  districtCode: string | null;
  mainProducts: string[];
  score: number;
  components: Components;
  features: CandidateFeatures;
  bestLink: LinkRef;
  reasons: Reason[];
  impact: Impact;
  synthetic: boolean;
}

export interface TargetPage {
  items: Target[];
  total: number;
  page: number;
  limit: number;
  /** Candidates left out because of a risk veto (included, last, with `includeVetoed`). */
  vetoedCount: number;
  scope: Scope & { chains: { id: string; name: string }[]; link: LinkRef | null };
  profile: { name: string; version: number; weights: Weights };
  /** Momentum is measured to the newest listing date in the graph, so results do not drift with the clock. */
  referenceDate: string;
}

/** Scores computed in Cypher and by the pure functions must agree; a drift is a bug, not a rounding matter. */
const scoreTolerance = 1e-9;

export function createMatcherService(store: MatcherStore, profiles: ProfileStore) {
  const resolveLocality = async (districtCode: string | undefined): Promise<Locality> => {
    if (!districtCode) return { kind: 'city' };
    const district = await store.findDistrict(districtCode);
    if (!district) throw new NotFoundError('District', districtCode);
    return { kind: 'district', code: district.code, name: district.name };
  };

  const resolveChains = async (query: TargetQuery) => {
    if (query.link) {
      const link = await store.findLink(query.link);
      if (!link) throw new NotFoundError('Link', query.link);
      if (query.chain && query.chain !== link.chainId) {
        throw new ValidationError(`Link "${link.id}" is not in chain "${query.chain}"`, [
          { path: 'query.link', message: `is in chain "${link.chainId}", not "${query.chain}"` },
        ]);
      }
      const chain = await store.findChain(link.chainId);
      return { chains: chain ? [chain] : [], link };
    }
    if (query.chain) {
      const chain = await store.findChain(query.chain);
      if (!chain) throw new NotFoundError('Chain', query.chain);
      return { chains: [chain], link: null };
    }
    if (query.district) return { chains: await store.districtPriorities(query.district), link: null };
    throw new ValidationError('Give a chain, a link or a district', [
      { path: 'query.chain', message: 'one of chain, link or district is required' },
    ]);
  };

  return {
    /** Gap analysis of one chain for the city, or for one district when a code is given. */
    async chainGaps(chainId: string, districtCode?: string): Promise<ChainGapReport> {
      const [chain, locality] = await Promise.all([store.findChain(chainId), resolveLocality(districtCode)]);
      if (!chain) throw new NotFoundError('Chain', chainId);
      const facts = await store.gapFacts(chain.id, locality);
      return { chain, scope: scopeOf(locality), rules: gapRules, ...analyseChain(facts, locality) };
    },

    /**
     * Ranks enterprises outside the city (or district) that would strengthen the chains in scope. `locality`
     * overrides whose "local" it is (the back-test ranks for a buyer's own city or province).
     */
    async rankTargets(query: TargetQuery, locality?: Locality): Promise<TargetPage> {
      const where = locality ?? (await resolveLocality(query.district));
      const [{ chains, link }, profile] = await Promise.all([
        resolveChains(query),
        profiles.getProfile(query.profile),
      ]);
      if (!profile) throw new NotFoundError('Weight profile', query.profile);
      const [factsByChain, counts, newest] = await Promise.all([
        Promise.all(chains.map((c) => store.gapFacts(c.id, where))),
        store.adjacencyCounts(where),
        store.newestListingDate(),
      ]);
      const facts = new Map(factsByChain.flat().map((f) => [f.id, f]));
      const gaps = new Map<string, LinkGap>([...facts.values()].map((f) => [f.id, analyseLink(f, where)]));
      const linkIds = link ? [link.id] : [...facts.keys()].sort();
      const fit = Object.fromEntries(linkIds.map((id) => [id, gaps.get(id)?.priority ?? 0]));
      const referenceDate = newest ?? new Date().toISOString().slice(0, 10);
      const skip = (query.page - 1) * query.limit;

      const ranked = await store.rankCandidates({
        linkIds,
        fit,
        adjacency: linkAdjacency(counts),
        locality: where,
        weights: profile.weights,
        referenceDate,
        skip,
        limit: query.limit,
        includeVetoed: query.includeVetoed,
        filters: { province: query.province, board: query.board, minQuality: query.minQuality },
      });
      const candidateProfiles = await store.candidateProfiles(
        ranked.rows.map((r) => r.id),
        where,
      );
      const byId = new Map(candidateProfiles.map((p) => [p.id, p]));
      const candidateLinks = [...new Set(candidateProfiles.flatMap((p) => p.links.map((l) => l.id)))].sort();
      const adjacency = await store.adjacencyEvidence(candidateLinks, where);

      const items = ranked.rows.map((row, index): Target => {
        const p = byId.get(row.id);
        const bestFacts = facts.get(row.bestLinkId);
        if (!p || !bestFacts) throw new Error(`Candidate ${row.id} lost between queries`);
        const components = componentsOf(row.features);
        const score = scoreOf(components, profile.weights);
        if (Math.abs(score - row.score) > scoreTolerance) {
          throw new Error(`Score drift for ${row.id}: Cypher ${row.score}, reference ${score}`);
        }
        const ownLinks = new Set(p.links.map((l) => l.id));
        const bestConfidence = p.links.find((l) => l.id === bestFacts.id)?.confidence ?? 1;
        return {
          rank: skip + index + 1,
          id: p.id,
          name: p.name,
          fullName: p.fullName,
          stockCode: p.stockCode,
          board: p.board,
          province: p.province,
          city: p.city,
          districtCode: p.districtCode,
          mainProducts: p.mainProducts.slice(0, 8),
          score: row.score,
          components,
          features: row.features,
          bestLink: { id: bestFacts.id, name: bestFacts.name, chainId: bestFacts.chainId },
          reasons: buildReasons({
            evidence: p,
            locality: where,
            linkGaps: gaps,
            bestLinkId: bestFacts.id,
            adjacency: adjacency.filter((a) => ownLinks.has(a.linkId)),
            momentum: components.momentum,
          }),
          impact: impactOf(
            bestFacts,
            {
              id: p.id,
              name: p.name,
              board: p.board,
              listed: p.listed,
              leadsChain: p.leads.some((c) => c.id === bestFacts.chainId),
              confidence: bestConfidence,
            },
            where,
          ),
          synthetic: p.source.split(/;\s*/).includes('synthetic'),
        };
      });

      return {
        items,
        total: ranked.total,
        page: query.page,
        limit: query.limit,
        vetoedCount: ranked.vetoed,
        scope: { ...scopeOf(where), chains, link },
        profile: { name: profile.name, version: profile.version, weights: profile.weights },
        referenceDate,
      };
    },
  };
}

export type MatcherService = ReturnType<typeof createMatcherService>;

export function scopeOf(locality: Locality): Scope {
  switch (locality.kind) {
    case 'city':
      return { kind: 'city', code: null, name: homeCityName };
    case 'district':
      return { kind: 'district', code: locality.code, name: locality.name };
    case 'area':
      return { kind: 'city', code: null, name: locality.value };
  }
}
