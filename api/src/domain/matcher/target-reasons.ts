import {
  classOf,
  type GapClass,
  gapClassLabel,
  type LinkFacts,
  type LinkGap,
  type LinkStrength,
  measureStrength,
  round,
} from './gap-analysis.ts';
import { type Locality, localityLabel } from './locality.ts';
import { riskFlagOf } from './target-scoring.ts';

/**
 * Reasons are built only from facts read from the graph for this candidate, and each carries the ids it
 * rests on, so a test (or a sceptical analyst) can check every sentence against the graph.
 */

export interface CandidateEvidence {
  id: string;
  name: string;
  board: string | null;
  listed: boolean;
  listDate: string | null;
  source: string;
  leads: { id: string; name: string }[];
  links: { id: string; name: string; chainId: string; confidence: number }[];
  suppliesLocal: { id: string; name: string; product: string; leader: boolean }[];
  buysFromLocal: { id: string; name: string; product: string; leader: boolean }[];
  sharedPartners: { partnerId: string; partnerName: string; localId: string; localName: string }[];
  buyers: number;
  suppliers: number;
}

/** Local firms reached from a link through one FEEDS edge. */
export interface AdjacencyEvidence {
  /** The candidate-side link. */
  linkId: string;
  linkName: string;
  /** 'down': the candidate's link FEEDS `via`; 'up': `via` FEEDS the candidate's link. */
  direction: 'down' | 'up';
  via: { id: string; name: string; chainId: string };
  firmCount: number;
  /** A few of those local firms, by id. */
  firms: { id: string; name: string }[];
}

export type Reason =
  | {
      kind: 'fills-missing-link' | 'strengthens-weak-link' | 'joins-strong-link';
      text: string;
      linkId: string;
      linkName: string;
      localCount: number;
    }
  | {
      kind: 'supplies-local-leader' | 'supplies-local' | 'buys-from-local';
      text: string;
      enterpriseId: string;
      enterpriseName: string;
      product: string;
    }
  | {
      kind: 'feeds-local-link' | 'fed-by-local-link';
      text: string;
      linkId: string;
      linkName: string;
      viaLinkId: string;
      viaLinkName: string;
      localCount: number;
      localFirmIds: string[];
    }
  | {
      kind: 'shared-partner';
      text: string;
      partnerId: string;
      partnerName: string;
      enterpriseId: string;
      enterpriseName: string;
    }
  | { kind: 'chain-leader'; text: string; chainId: string; chainName: string }
  | { kind: 'listed'; text: string; board: string }
  | { kind: 'supply-partners'; text: string; buyers: number; suppliers: number }
  | { kind: 'recent-listing'; text: string; listDate: string }
  | { kind: 'risk-warning'; text: string; flag: string }
  | { kind: 'synthetic-data'; text: string };

export interface ReasonInput {
  evidence: CandidateEvidence;
  locality: Locality;
  /** Gap analysis of every link in scope. */
  linkGaps: ReadonlyMap<string, LinkGap>;
  /** The link the candidate's gap fit came from. */
  bestLinkId: string | null;
  adjacency: readonly AdjacencyEvidence[];
  momentum: number;
}

const maxTies = 3;
const maxAdjacency = 2;

export function buildReasons(input: ReasonInput): Reason[] {
  const { evidence: e, locality } = input;
  const where = localityLabel(locality);
  const reasons: Reason[] = [];

  // Gap: the link behind the gap fit first, then any other missing link in scope it sits in.
  const gapLinks = e.links
    .filter((l) => input.linkGaps.has(l.id))
    .sort((a, b) =>
      a.id === input.bestLinkId ? -1 : b.id === input.bestLinkId ? 1 : a.id.localeCompare(b.id),
    );
  for (const [index, link] of gapLinks.entries()) {
    const gap = input.linkGaps.get(link.id);
    if (!gap || (index > 0 && gap.class !== 'missing')) continue;
    reasons.push(gapReason(gap, where));
  }

  const leaderTies = e.suppliesLocal.filter((t) => t.leader);
  const otherTies = e.suppliesLocal.filter((t) => !t.leader);
  for (const t of leaderTies.slice(0, maxTies)) {
    reasons.push({
      kind: 'supplies-local-leader',
      text: `向${where}链主 ${t.name} 供应「${t.product}」`,
      enterpriseId: t.id,
      enterpriseName: t.name,
      product: t.product,
    });
  }
  for (const t of otherTies.slice(0, Math.max(0, maxTies - leaderTies.length))) {
    reasons.push({
      kind: 'supplies-local',
      text: `向${where}企业 ${t.name} 供应「${t.product}」`,
      enterpriseId: t.id,
      enterpriseName: t.name,
      product: t.product,
    });
  }
  for (const t of e.buysFromLocal.slice(0, maxTies)) {
    reasons.push({
      kind: 'buys-from-local',
      text: `采购${where}企业 ${t.name} 的「${t.product}」`,
      enterpriseId: t.id,
      enterpriseName: t.name,
      product: t.product,
    });
  }

  const adjacency = [...input.adjacency]
    .filter((a) => a.firmCount > 0)
    .sort(
      (a, b) =>
        Number(a.direction === 'up') - Number(b.direction === 'up') ||
        b.firmCount - a.firmCount ||
        a.linkId.localeCompare(b.linkId) ||
        a.via.id.localeCompare(b.via.id),
    )
    .slice(0, maxAdjacency);
  for (const a of adjacency) {
    const names = a.firms.map((f) => f.name).join('、');
    const firms = a.firmCount > a.firms.length ? `${names} 等 ${a.firmCount} 家` : names;
    reasons.push({
      kind: a.direction === 'down' ? 'feeds-local-link' : 'fed-by-local-link',
      text:
        a.direction === 'down'
          ? `所在环节「${a.linkName}」向${where}企业所在的「${a.via.name}」供给（${firms}）`
          : `${where}企业所在的「${a.via.name}」（${firms}）向其所在环节「${a.linkName}」供给`,
      linkId: a.linkId,
      linkName: a.linkName,
      viaLinkId: a.via.id,
      viaLinkName: a.via.name,
      localCount: a.firmCount,
      localFirmIds: a.firms.map((f) => f.id),
    });
  }

  const partner = e.sharedPartners[0];
  if (partner) {
    reasons.push({
      kind: 'shared-partner',
      text: `与${where}企业 ${partner.localName} 有共同的供应链伙伴 ${partner.partnerName}`,
      partnerId: partner.partnerId,
      partnerName: partner.partnerName,
      enterpriseId: partner.localId,
      enterpriseName: partner.localName,
    });
  }

  for (const chain of e.leads) {
    reasons.push({
      kind: 'chain-leader',
      text: `链主企业（${chain.name}）`,
      chainId: chain.id,
      chainName: chain.name,
    });
  }
  if (e.listed && e.board) {
    reasons.push({ kind: 'listed', text: `上市公司（${e.board}）`, board: e.board });
  }
  if (e.buyers + e.suppliers > 0) {
    const parts = [
      e.buyers > 0 ? `向 ${e.buyers} 家企业供货` : '',
      e.suppliers > 0 ? `有 ${e.suppliers} 家供应商` : '',
    ]
      .filter(Boolean)
      .join('、');
    reasons.push({
      kind: 'supply-partners',
      text: `图谱记录其${parts}`,
      buyers: e.buyers,
      suppliers: e.suppliers,
    });
  }
  if (input.momentum > 0 && e.listDate) {
    reasons.push({ kind: 'recent-listing', text: `${e.listDate} 上市，上市不满三年`, listDate: e.listDate });
  }
  const flag = riskFlagOf(e.name);
  if (flag) {
    reasons.push({ kind: 'risk-warning', text: `风险警示：简称带「${flag}」，不作为招引对象`, flag });
  }
  if (e.source.split(/;\s*/).includes('synthetic')) {
    reasons.push({ kind: 'synthetic-data', text: '该企业为合成演示数据（synthetic），非真实企业' });
  }
  return reasons;
}

function gapReason(gap: LinkGap, where: string): Reason {
  const base = { linkId: gap.id, linkName: gap.name, localCount: gap.local.enterpriseCount };
  switch (gap.class) {
    case 'missing':
      return { kind: 'fills-missing-link', text: `补齐缺链环节「${gap.name}」（${where}暂无企业）`, ...base };
    case 'weak':
      return {
        kind: 'strengthens-weak-link',
        text: `增强弱链环节「${gap.name}」（${where}现有 ${gap.local.enterpriseCount} 家）`,
        ...base,
      };
    case 'strong':
      return {
        kind: 'joins-strong-link',
        text: `所在环节「${gap.name}」${where}已是强链（${gap.local.enterpriseCount} 家）`,
        ...base,
      };
  }
}

export interface StrengthState {
  class: GapClass;
  classLabel: string;
  enterpriseCount: number;
  leaderCount: number;
  strength: number;
}

export interface Impact {
  link: { id: string; name: string; chainId: string };
  before: StrengthState;
  after: StrengthState;
  text: string;
}

/** What the candidate's best link would look like if the candidate landed: the same gap function, one firm more. */
export function impactOf(
  link: LinkFacts,
  newcomer: {
    id: string;
    name: string;
    board: string | null;
    listed: boolean;
    leadsChain: boolean;
    confidence: number;
  },
  locality: Locality,
): Impact {
  const before = state(measureStrength(link.localFirms));
  const after = state(measureStrength([...link.localFirms, newcomer]));
  const where = localityLabel(locality);
  const change =
    before.class === after.class
      ? `仍为${after.classLabel}`
      : `由${before.classLabel}变为${after.classLabel}`;
  return {
    link: { id: link.id, name: link.name, chainId: link.chainId },
    before,
    after,
    text: `落地后${where}「${link.name}」环节${change}，强度 ${before.strength.toFixed(2)} → ${after.strength.toFixed(2)}`,
  };
}

function state(s: LinkStrength): StrengthState {
  const c = classOf(s);
  return {
    class: c,
    classLabel: gapClassLabel[c],
    enterpriseCount: s.enterpriseCount,
    leaderCount: s.leaderCount,
    strength: round(s.strength),
  };
}
