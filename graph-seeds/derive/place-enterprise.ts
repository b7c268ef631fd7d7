import { compareText, linkIndex } from '../catalog/catalog.ts';
import type { EnterpriseSeed } from '../seed.schemas.ts';
import { matchProductKeyword, type ProductKeyword } from './mapping-tables.ts';
import type { ProductShare } from './sources.ts';

export type EvidenceKind =
  | 'atlas'
  | 'chain-leader'
  | 'sw-class'
  | 'tushare-industry'
  | 'products'
  | 'name'
  /** The text classifier of imports (api/src/domain/classify/link-classifier.ts). */
  | 'classifier';

/** One reason to place a firm in a link, before reasons for the same link are merged. */
export interface Evidence {
  linkId: string;
  confidence: number;
  kind: EvidenceKind;
  text: string;
}

const kindOrder: readonly EvidenceKind[] = [
  'atlas',
  'chain-leader',
  'sw-class',
  'tushare-industry',
  'products',
  'name',
  'classifier',
];

/** Below this, evidence is a fallback: it counts only when nothing stronger places the firm in another link. */
export const WEAK_CONFIDENCE = 0.5;
/** Product and name evidence below this is ignored. */
export const MIN_WORD_CONFIDENCE = 0.35;
/** A firm sits in a few links at most; conglomerates would otherwise spread over whole chains. */
export const MAX_LINKS = 6;
/** Products below this revenue share say little about what the firm is. */
export const MIN_PRODUCT_SHARE = 0.05;
const MAX_PRODUCTS_CONSIDERED = 12;

/** Segment lines of annual reports that are bookkeeping, not products. */
const accountingLine =
  /平衡项目|抵销|抵消|调整项目|合计|小计|分部间|内部|^其他|^其它|有效期限|补充|^主营业务$/;

export function isAccountingLine(product: string): boolean {
  return product.length < 2 || accountingLine.test(product);
}

/** Distinct products by descending revenue share, bookkeeping lines and non-positive shares left out. */
export function rankProducts(products: readonly ProductShare[]): ProductShare[] {
  const best = new Map<string, number>();
  for (const p of products) {
    if (p.weight <= 0 || isAccountingLine(p.name)) continue;
    best.set(p.name, Math.max(best.get(p.name) ?? 0, Math.min(p.weight, 1)));
  }
  return [...best.entries()]
    .map(([name, weight]) => ({ name, weight }))
    .sort((a, b) => b.weight - a.weight || compareText(a.name, b.name));
}

/** A large share of revenue is stronger evidence than a side line. */
function shareFactor(weight: number): number {
  if (weight >= 0.3) return 1;
  if (weight >= 0.1) return 0.85;
  return 0.7;
}

/** Evidence from main products: each product names at most one link, through the keyword table. */
export function productEvidence(
  products: readonly ProductShare[],
  keywords: readonly ProductKeyword[],
  cache: Map<string, ReturnType<typeof matchProductKeyword>> = new Map(),
): Evidence[] {
  const byLink = new Map<string, { confidence: number; names: string[] }>();
  for (const product of rankProducts(products)
    .filter((p) => p.weight >= MIN_PRODUCT_SHARE)
    .slice(0, MAX_PRODUCTS_CONSIDERED)) {
    let match = cache.get(product.name);
    if (!cache.has(product.name)) {
      match = matchProductKeyword(product.name, keywords);
      cache.set(product.name, match);
    }
    const linkId = match?.keyword.linkId;
    if (match === undefined || linkId === undefined) continue;
    const entry = byLink.get(linkId) ?? { confidence: 0, names: [] };
    entry.confidence = Math.max(entry.confidence, match.keyword.confidence * shareFactor(product.weight));
    entry.names.push(product.name);
    byLink.set(linkId, entry);
  }
  return [...byLink.entries()].map(([linkId, { confidence, names }]) => ({
    linkId,
    confidence,
    kind: 'products',
    text: `products:${names.slice(0, 3).join('、')}`,
  }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A firm's name is weak evidence: only specific keywords count, and at a discount. */
const NAME_KEYWORD_MIN_CONFIDENCE = 0.6;
const NAME_DISCOUNT = 0.6;

/**
 * Evidence from the firm's own names (眼科 in 普瑞眼科, 医疗设备 in 四川港通医疗设备集团), for firms that have
 * neither a class nor products in the data.
 */
export function nameEvidence(names: readonly string[], keywords: readonly ProductKeyword[]): Evidence[] {
  const specific = keywords.filter(
    (k) => k.confidence >= NAME_KEYWORD_MIN_CONFIDENCE || k.linkId === undefined,
  );
  const byLink = new Map<string, Evidence>();
  for (const name of names) {
    const keyword = matchProductKeyword(name, specific)?.keyword;
    if (keyword?.linkId === undefined) continue;
    const confidence = keyword.confidence * NAME_DISCOUNT;
    if ((byLink.get(keyword.linkId)?.confidence ?? 0) < confidence) {
      byLink.set(keyword.linkId, {
        linkId: keyword.linkId,
        confidence,
        kind: 'name',
        text: `name:${keyword.keyword}`,
      });
    }
  }
  return [...byLink.values()];
}

/**
 * Merges evidence into IN_LINK entries. Weak evidence (a broad class, a generic product word) is dropped when
 * stronger evidence points at another link; agreeing kinds of evidence add 0.1.
 */
export function combineEvidence(all: readonly Evidence[]): EnterpriseSeed['links'] {
  // A generic word in a product or name (贸易, 食品) is too little on its own.
  const evidence = all.filter(
    (e) => !(e.kind === 'products' || e.kind === 'name') || e.confidence >= MIN_WORD_CONFIDENCE,
  );
  const strongLinks = new Set(evidence.filter((e) => e.confidence >= WEAK_CONFIDENCE).map((e) => e.linkId));
  const kept = evidence.filter(
    (e) => e.confidence >= WEAK_CONFIDENCE || [...strongLinks].every((linkId) => linkId === e.linkId),
  );

  const byLink = new Map<string, Evidence[]>();
  for (const e of kept) byLink.set(e.linkId, [...(byLink.get(e.linkId) ?? []), e]);

  return [...byLink.entries()]
    .map(([linkId, items]) => {
      const sorted = [...items].sort(
        (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || compareText(a.text, b.text),
      );
      const max = Math.max(...items.map((e) => e.confidence));
      const kinds = new Set(items.map((e) => e.kind));
      const confidence = kinds.size >= 2 ? Math.max(max, Math.min(0.95, max + 0.1)) : max;
      return {
        linkId,
        confidence: round2(confidence),
        evidence: [...new Set(sorted.map((e) => e.text))].join('; '),
      };
    })
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        (linkIndex.get(a.linkId)?.rank ?? 0) - (linkIndex.get(b.linkId)?.rank ?? 0),
    )
    .slice(0, MAX_LINKS);
}
