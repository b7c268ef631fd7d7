import { type Classification, classifierEvidence } from '../../api/src/domain/classify/link-classifier.ts';
import type { KeywordMatch, MappingTables } from '../../graph-seeds/derive/mapping-tables.ts';
import { parseChengduDistrict } from '../../graph-seeds/derive/parse-district.ts';
import {
  combineEvidence,
  type Evidence,
  productEvidence,
} from '../../graph-seeds/derive/place-enterprise.ts';
import type { StockCode } from '../validate/field-parsers.ts';
import type { EnterpriseRow } from './enterprise-row.ts';
import { nameCoreOf, nameKeyOf } from './name-keys.ts';
import { classificationText } from './seed-classifier.ts';

/** What a row says about where the firm sits in the city. */
export type DistrictDecision =
  | { kind: 'set'; code: string; evidence: string; confidence: number }
  /** The row places the firm outside the city's districts: an old LOCATED_IN goes. */
  | { kind: 'clear' }
  /** The row says nothing about it. */
  | { kind: 'keep' };

/** A validated row with everything derived from it that does not need the graph. */
export interface PreparedRow {
  line: number;
  row: EnterpriseRow;
  stock: StockCode | undefined;
  nameKey: string;
  nameCore: string;
  district: DistrictDecision;
  /** Placement evidence from the row's class, industry, products or atlas segment. */
  evidence: Evidence[];
  /** Links the file names outright. */
  explicitLinks: string[];
  /** The classifier's link for a row nothing else places; used only for a firm that ends in no link. */
  classified: Evidence[];
  /** Search tokens of the row's own names, computed while the previous batch is being written. */
  tokens: ReadonlyMap<string, readonly string[]>;
}

/** Main products without revenue shares count as "a main product": the share factor of a 30 % line. */
export const UNWEIGHTED_PRODUCT_SHARE = 0.3;
const CHENGDU_DIVISION_CONFIDENCE = 1;
const CHENGDU_ADDRESS_CONFIDENCE = 0.9;

export interface PrepareContext {
  tables: MappingTables;
  districtCodes: ReadonlySet<string>;
  keywordCache: Map<string, KeywordMatch | undefined>;
  tokens: (text: string) => string[];
  /** Places a firm from its text; undefined below the classifier's threshold. Absent: no classification. */
  classify?: (text: string) => Classification | undefined;
}

/**
 * The names whose search tokens a firm needs: a name that begins another (万科企业 of 万科企业股份有限公司) adds
 * nothing a search would miss, and segmenting is the costliest step of an import.
 */
export function namesToSegment(names: readonly string[]): string[] {
  const kept: string[] = [];
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length)) {
    if (name !== '' && !kept.some((k) => k.startsWith(name))) kept.push(name);
  }
  return kept;
}

const isChengduCity = (city: string | undefined) => city === undefined || city.startsWith('成都');

export function decideDistrict(row: EnterpriseRow, districtCodes: ReadonlySet<string>): DistrictDecision {
  if (row.divisionCode !== undefined) {
    return districtCodes.has(row.divisionCode)
      ? {
          kind: 'set',
          code: row.divisionCode,
          evidence: `division code ${row.divisionCode}`,
          confidence: CHENGDU_DIVISION_CONFIDENCE,
        }
      : { kind: 'clear' };
  }
  if (row.address !== undefined && isChengduCity(row.city)) {
    const match = parseChengduDistrict(row.address);
    if (match !== undefined && districtCodes.has(match.code)) {
      return { kind: 'set', code: match.code, evidence: row.address, confidence: CHENGDU_ADDRESS_CONFIDENCE };
    }
    // A Chengdu address naming no district says nothing new; any other address moves the firm out.
    return row.address.includes('成都') ? { kind: 'keep' } : { kind: 'clear' };
  }
  return isChengduCity(row.city) ? { kind: 'keep' } : { kind: 'clear' };
}

/** Evidence the mapping tables draw from the row: atlas segment, 申万 class (else coarse industry), products. */
export function rowEvidence(
  row: EnterpriseRow,
  tables: MappingTables,
  cache: Map<string, KeywordMatch | undefined>,
): Evidence[] {
  const evidence: Evidence[] = [];
  if (row.atlasSegment !== undefined) {
    for (const m of tables.atlasSegmentLinks.get(row.atlasSegment) ?? []) {
      evidence.push({
        linkId: m.linkId,
        confidence: m.confidence,
        kind: 'atlas',
        text: `atlas:${row.atlasSegment}`,
      });
    }
  }
  if (row.swClass !== undefined) {
    for (const m of tables.swClassLinks.get(row.swClass) ?? []) {
      evidence.push({
        linkId: m.linkId,
        confidence: m.confidence,
        kind: 'sw-class',
        text: `sw-class:${row.swClass}`,
      });
    }
  } else if (row.industry !== undefined) {
    for (const m of tables.tushareIndustryLinks.get(row.industry) ?? []) {
      const text = `tushare-industry:${row.industry}`;
      evidence.push({ linkId: m.linkId, confidence: m.confidence, kind: 'tushare-industry', text });
    }
  }
  if (row.products !== undefined && row.products.length > 0) {
    const products = row.products.map((name) => ({ name, weight: UNWEIGHTED_PRODUCT_SHARE }));
    evidence.push(...productEvidence(products, tables.productKeywords, cache));
  }
  return evidence;
}

/**
 * The mapping tables' evidence, and, for a row that names no link and that the reviewed tables do not place but
 * that says what the firm does (scope, products, classes), the classifier's: it fills the tables' gaps and never
 * overrides them. Its evidence carries its confidence and deciding words; below the threshold there is none.
 */
export function placementEvidence(
  row: EnterpriseRow,
  ctx: PrepareContext,
): { evidence: Evidence[]; classified: Evidence[] } {
  const evidence = rowEvidence(row, ctx.tables, ctx.keywordCache);
  if (combineEvidence(evidence).length > 0) return { evidence, classified: [] };
  return { evidence, classified: classifiedEvidence(row, ctx) };
}

function classifiedEvidence(row: EnterpriseRow, ctx: PrepareContext): Evidence[] {
  if (ctx.classify === undefined || (row.link !== undefined && row.link.length > 0)) return [];
  // A class alone (Tushare's 半导体) is the mapping tables' business: the classifier needs words of the firm's own.
  if (row.businessScope === undefined && (row.products === undefined || row.products.length === 0)) return [];
  const text = classificationText(row);
  if (text === '') return [];
  const result = ctx.classify(text);
  if (result === undefined) return [];
  return [
    {
      linkId: result.linkId,
      confidence: result.confidence,
      kind: 'classifier',
      text: classifierEvidence(result),
    },
  ];
}

export function prepareRow(line: number, row: EnterpriseRow, ctx: PrepareContext): PreparedRow {
  const nameKey = nameKeyOf(row.fullName, row.name);
  return {
    line,
    row,
    stock: row.stockCode,
    nameKey,
    nameCore: nameCoreOf(nameKey),
    district: decideDistrict(row, ctx.districtCodes),
    ...placementEvidence(row, ctx),
    explicitLinks: row.link ?? [],
    tokens: new Map(
      namesToSegment([row.name ?? '', row.fullName ?? '']).map((name) => [name, ctx.tokens(name)] as const),
    ),
  };
}
