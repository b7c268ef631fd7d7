import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { linkIndex } from '../catalog/catalog.ts';
import { parseCommentedCsvRecords, readText } from './read-text.ts';

/** The reviewable tables that say which link a class, product or atlas segment belongs to. */
export const MAPPING_DIR = fileURLToPath(new URL('../mapping', import.meta.url));

const confidence = z.coerce.number().min(0).max(1);
const linkId = z
  .string()
  .refine((id) => linkIndex.has(id), { error: (issue) => `unknown link id "${issue.input}"` });

const classRowSchema = z.object({
  sw_class: z.string().min(1),
  link_id: linkId,
  confidence,
  note: z.string(),
});
const industryRowSchema = z.object({
  industry: z.string().min(1),
  link_id: linkId,
  confidence,
  note: z.string(),
});
const segmentRowSchema = z.object({
  segment: z.string().min(1),
  link_id: linkId,
  confidence,
  note: z.string(),
});
const keywordRowSchema = z.object({
  keyword: z.string().min(1),
  // Empty: the product belongs to no chain.
  link_id: z.union([z.literal(''), linkId]),
  confidence,
  note: z.string(),
});

export interface LinkMapping {
  linkId: string;
  confidence: number;
  note: string;
}

export interface ProductKeyword {
  keyword: string;
  linkId: string | undefined;
  confidence: number;
  /** Position in the file: the earlier row wins a full tie. */
  row: number;
  pattern: RegExp | undefined;
}

export interface MappingTables {
  swClassLinks: ReadonlyMap<string, LinkMapping[]>;
  tushareIndustryLinks: ReadonlyMap<string, LinkMapping[]>;
  atlasSegmentLinks: ReadonlyMap<string, LinkMapping[]>;
  productKeywords: readonly ProductKeyword[];
}

export class MappingTableError extends Error {}

function parseTable<T>(file: string, schema: z.ZodType<T>): T[] {
  const records = parseCommentedCsvRecords(readText(join(MAPPING_DIR, file)));
  return records.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const reasons = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      throw new MappingTableError(`mapping/${file} data row ${i + 1}: ${reasons}`);
    }
    return parsed.data;
  });
}

function groupByKey<T>(rows: T[], key: (row: T) => string, value: (row: T) => LinkMapping) {
  const map = new Map<string, LinkMapping[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    if (list.some((m) => m.linkId === value(row).linkId)) {
      throw new MappingTableError(`"${key(row)}" maps to ${value(row).linkId} twice`);
    }
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}

/** `*` in a keyword stands for any run of characters; the greedy match ends at the last possible place. */
function compileKeyword(keyword: string): RegExp | undefined {
  if (!keyword.includes('*')) return undefined;
  const body = keyword
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(body);
}

export function loadMappingTables(): MappingTables {
  const toMapping = (row: { link_id: string; confidence: number; note: string }): LinkMapping => ({
    linkId: row.link_id,
    confidence: row.confidence,
    note: row.note,
  });
  const keywords = parseTable('product-keywords.csv', keywordRowSchema);
  const seen = new Set<string>();
  for (const row of keywords) {
    if (seen.has(row.keyword))
      throw new MappingTableError(`product keyword "${row.keyword}" is listed twice`);
    seen.add(row.keyword);
  }
  return {
    swClassLinks: groupByKey(parseTable('sw-class-links.csv', classRowSchema), (r) => r.sw_class, toMapping),
    tushareIndustryLinks: groupByKey(
      parseTable('tushare-industry-links.csv', industryRowSchema),
      (r) => r.industry,
      toMapping,
    ),
    atlasSegmentLinks: groupByKey(
      parseTable('atlas-segment-links.csv', segmentRowSchema),
      (r) => r.segment,
      toMapping,
    ),
    productKeywords: keywords.map((row, i) => ({
      keyword: row.keyword,
      linkId: row.link_id === '' ? undefined : row.link_id,
      confidence: row.confidence,
      row: i,
      pattern: compileKeyword(row.keyword),
    })),
  };
}

export interface KeywordMatch {
  keyword: ProductKeyword;
  end: number;
  length: number;
}

/**
 * The keyword that names what a product is. Chinese puts the head noun last (锂电池隔膜 is a separator,
 * 锂电池设备 is equipment), so the match ending furthest right wins, then the longer match, then the
 * earlier row. Returns undefined when nothing matches.
 */
export function matchProductKeyword(
  product: string,
  keywords: readonly ProductKeyword[],
): KeywordMatch | undefined {
  let best: KeywordMatch | undefined;
  for (const keyword of keywords) {
    let start: number;
    let length: number;
    if (keyword.pattern === undefined) {
      start = product.lastIndexOf(keyword.keyword);
      length = keyword.keyword.length;
    } else {
      const found = keyword.pattern.exec(product);
      start = found?.index ?? -1;
      length = found?.[0].length ?? 0;
    }
    if (start < 0) continue;
    const candidate = { keyword, end: start + length, length };
    if (
      best === undefined ||
      candidate.end > best.end ||
      (candidate.end === best.end && candidate.length > best.length)
    ) {
      best = candidate;
    }
  }
  return best;
}
