import { type PlainObject, parseYamlDocument, sequenceItemLines, tabulate } from '../read/read-structured.ts';
import { type FileFormat, FileReadError, type SourceRecord } from '../read/record-source.ts';
import type { ColumnRule } from './column-mapping.ts';

export const importKinds = ['enterprises', 'supplies', 'districts', 'projects', 'chains'] as const;
export type ImportKind = (typeof importKinds)[number];

export const presetNames = ['szse', 'tushare', 'chain-atlas'] as const;
export type PresetName = (typeof presetNames)[number];

type Table = { headers: string[]; records: SourceRecord[] };

/** A known file layout: its format, where each field sits, and fixes for that source's quirks. */
export interface Preset {
  name: PresetName;
  title: string;
  format: FileFormat;
  rules: Partial<Record<ImportKind, ColumnRule>>;
  /** Fields every row of this source must fill (a column may exist and still be empty in a row). */
  requiredValues?: Partial<Record<ImportKind, readonly string[]>>;
  /** Rewrites a row's fields before validation. */
  adjust?: (fields: Record<string, string>) => Record<string, string>;
  /** How a YAML document of this source becomes rows, per kind. */
  yamlTable?: Partial<Record<ImportKind, (text: string) => Table>>;
}

const isObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function atlasDocument(text: string): PlainObject {
  const document = parseYamlDocument(text);
  if (!isObject(document) || !Array.isArray(document.segments)) {
    throw new FileReadError('This is not an industry-chain-atlas file: it has no "segments" list');
  }
  return document;
}

/** Every key company of every segment, as one row each, with the line its "- code:" entry starts on. */
function atlasCompanies(text: string): Table {
  const document = atlasDocument(text);
  const starts = sequenceItemLines(text, 'code');
  const rows: { line: number; value: PlainObject }[] = [];
  const segments = Array.isArray(document.segments) ? document.segments : [];
  for (const segment of segments) {
    if (!isObject(segment)) continue;
    const companies = Array.isArray(segment.key_companies) ? segment.key_companies : [];
    for (const company of companies) {
      if (!isObject(company)) continue;
      rows.push({
        line: starts[rows.length] ?? rows.length + 1,
        value: {
          code: company.code,
          name: company.name,
          role: company.role,
          segment: segment.id,
          segment_name: segment.name,
          position: segment.position,
        },
      });
    }
  }
  return tabulate(rows);
}

/** The supply_relationships list, one row per edge. */
function atlasSupplies(text: string): Table {
  const document = atlasDocument(text);
  const starts = sequenceItemLines(text, 'supplier_code');
  const list = Array.isArray(document.supply_relationships) ? document.supply_relationships : [];
  return tabulate(list.filter(isObject).map((value, i) => ({ line: starts[i] ?? i + 1, value })));
}

export const presets: Readonly<Record<PresetName, Preset>> = {
  szse: {
    name: 'szse',
    title: 'Shenzhen Stock Exchange A-share list (szse_a_share_list.csv)',
    format: 'csv',
    rules: {
      enterprises: {
        describedAs: 'preset "szse"',
        headers: {
          fullName: ['公司全称'],
          name: ['A股简称'],
          nameEn: ['英文名称'],
          stockCode: ['A股代码'],
          board: ['板块'],
          address: ['注册地址'],
          province: ['省份'],
          city: ['城市'],
          csrcIndustry: ['所属行业'],
          listDate: ['A股上市日期'],
          totalShares: ['A股总股本'],
          floatShares: ['A股流通股本'],
          website: ['公司网址'],
        },
        required: [['fullName'], ['name'], ['stockCode'], ['address']],
      },
    },
    requiredValues: { enterprises: ['stockCode', 'fullName'] },
  },
  tushare: {
    name: 'tushare',
    title: 'Tushare stock_basic listing (stock_basic.csv)',
    format: 'csv',
    rules: {
      enterprises: {
        describedAs: 'preset "tushare"',
        headers: {
          stockCode: ['ts_code', 'symbol'],
          name: ['name'],
          fullName: ['fullname'],
          nameEn: ['enname'],
          province: ['area'],
          industry: ['industry'],
          board: ['market'],
          listDate: ['list_date'],
        },
        required: [['stockCode'], ['name']],
      },
    },
    requiredValues: { enterprises: ['stockCode'] },
    // Tushare lists Shenzhen apart from Guangdong and shortens 内蒙古.
    adjust: (fields) =>
      fields.province === '深圳'
        ? { ...fields, province: '广东', city: fields.city ?? '深圳市' }
        : fields.province === '内蒙'
          ? { ...fields, province: '内蒙古' }
          : fields,
  },
  'chain-atlas': {
    name: 'chain-atlas',
    title: 'industry-chain-atlas YAML (segments with key companies; supply relationships)',
    format: 'yaml',
    rules: {
      enterprises: {
        describedAs: 'preset "chain-atlas"',
        headers: { stockCode: ['code'], name: ['name'], atlasSegment: ['segment'] },
        required: [['stockCode'], ['name']],
      },
      supplies: {
        describedAs: 'preset "chain-atlas"',
        headers: {
          from: ['supplier_code'],
          to: ['buyer_code'],
          product: ['product'],
          confidence: ['confidence'],
        },
        required: [['from'], ['to'], ['product']],
      },
    },
    requiredValues: { enterprises: ['stockCode'] },
    yamlTable: { enterprises: atlasCompanies, supplies: atlasSupplies },
  },
};
