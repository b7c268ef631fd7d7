import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsvRecords, parseJsonLines, readText } from './read-text.ts';
import { parseYamlSubset } from './read-yaml.ts';

/**
 * The source files, relative to the data folder, with the date each one describes. Every derived fact carries the
 * date of the file it came from; an enterprise carries the earliest date among its facts (conservative).
 */
export const sourceFiles = {
  /** Listing as of early 2026 (MANIFEST.md); its newest listing date is 2025-11-07. */
  stockBasic: { path: 'a-share/stock_basic.csv', asOf: '2026-01-15' },
  /** Shenzhen exchange list of October 2025: the newest listing date in it is 2025-10-22. */
  szseList: { path: 'a-share/szse_a_share_list.csv', asOf: '2025-10-22' },
  /** The 2021 knowledge graph: the newest listing date in company.json is 2021-10-22. */
  ckgCompany: { path: 'chain-knowledge-graph/company.json', asOf: '2021-10-22' },
  ckgCompanyIndustry: { path: 'chain-knowledge-graph/company_industry.json', asOf: '2021-10-22' },
  ckgIndustry: { path: 'chain-knowledge-graph/industry.json', asOf: '2021-10-22' },
  ckgIndustryParent: { path: 'chain-knowledge-graph/industry_industry.json', asOf: '2021-10-22' },
  ckgCompanyProduct: { path: 'chain-knowledge-graph/company_product.jsonl', asOf: '2021-10-22' },
  ckgLocation: { path: 'chain-knowledge-graph/ckg_company_sw_industry_location.csv', asOf: '2021-10-22' },
  /** The atlas's own data points were last updated 2026-06-17/18. */
  atlasSemiconductor: { path: 'industry-chain-atlas/semiconductor.yaml', asOf: '2026-06-18' },
  atlasElectronicChemicals: { path: 'industry-chain-atlas/electronic_chemicals.yaml', asOf: '2026-06-18' },
  atlasNonferrousMetals: { path: 'industry-chain-atlas/nonferrous_metals.yaml', asOf: '2026-06-18' },
  atlasPcbMaterials: { path: 'industry-chain-atlas/pcb_materials.yaml', asOf: '2026-06-18' },
  atlasSiliconMaterials: { path: 'industry-chain-atlas/silicon_materials.yaml', asOf: '2026-06-18' },
  /** National statistics division codes, 2023. */
  areas: { path: 'admin-divisions/areas.csv', asOf: '2023-12-31' },
  cities: { path: 'admin-divisions/cities.csv', asOf: '2023-12-31' },
  provinces: { path: 'admin-divisions/provinces.csv', asOf: '2023-12-31' },
} as const;

export type SourceKey = keyof typeof sourceFiles;

export const atlasSourceKeys = [
  'atlasSemiconductor',
  'atlasElectronicChemicals',
  'atlasNonferrousMetals',
  'atlasPcbMaterials',
  'atlasSiliconMaterials',
] as const satisfies readonly SourceKey[];

export class SourceDataError extends Error {}

/** Fails with one sentence naming what is missing, before anything is read. */
export function assertDataFolder(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new SourceDataError(
      `The data folder "${dataDir}" does not exist: pass the folder that holds a-share/, chain-knowledge-graph/, industry-chain-atlas/ and admin-divisions/ (for example ../shared/data).`,
    );
  }
  const missing = Object.values(sourceFiles)
    .map((f) => f.path)
    .filter((path) => !existsSync(join(dataDir, path)));
  if (missing.length > 0) {
    throw new SourceDataError(`The data folder "${dataDir}" lacks ${missing.join(', ')}.`);
  }
}

const tsCode = z
  .string()
  .regex(/^\d{6}\.(SH|SZ|BJ)$/i)
  .transform((code) => code.toUpperCase());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Atlas codes are written with and without quotes; the reader keeps them as text, zeros included. */
const atlasCode = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform((code) => code.padStart(6, '0'));

const stockRowSchema = z.object({
  ts_code: tsCode,
  symbol: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  area: z.string(),
  industry: z.string(),
  list_date: isoDate,
});
const szseRowSchema = z.object({
  板块: z.string(),
  公司全称: z.string().min(1),
  注册地址: z.string(),
  A股代码: z.string().regex(/^\d{6}$/),
  A股简称: z.string(),
  省份: z.string(),
  城市: z.string(),
});
const ckgCompanySchema = z.object({
  name: z.string(),
  fullname: z.string(),
  code: z.string().regex(/^\d{6}(\.(SH|SZ|BJ))?$/i),
});
const ckgCompanyIndustrySchema = z.object({
  company_code: tsCode,
  industry_code: z.string(),
  industry_name: z.string(),
});
const ckgIndustrySchema = z.object({ code: z.string(), name: z.string() });
const ckgIndustryParentSchema = z.object({ from_code: z.string(), to_code: z.string() });
const ckgProductSchema = z.object({ company_code: tsCode, product_name: z.string(), rel_weight: z.number() });
const ckgLocationSchema = z.object({
  ts_code: tsCode,
  fullname: z.string(),
  sw_l1: z.string(),
  sw_l2: z.string(),
  sw_l3: z.string(),
});
const atlasCompanySchema = z.object({
  code: atlasCode,
  name: z.string().min(1),
  role: z.string().default(''),
});
const atlasSchema = z.object({
  segments: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      position: z.string(),
      key_companies: z.array(atlasCompanySchema).nullable().default([]),
    }),
  ),
  supply_relationships: z
    .array(
      z.object({
        supplier_code: atlasCode,
        // Some edges name the buyer only in the notes (foreign or several buyers).
        buyer_code: atlasCode.optional(),
        product: z.string().min(1),
        confidence: z
          .string()
          .regex(/^[1-5]$/)
          .transform(Number),
        notes: z.string().default(''),
      }),
    )
    .nullable()
    .default([]),
});
const areaSchema = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string(), cityCode: z.string() });
const citySchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  name: z.string(),
  provinceCode: z.string(),
});
const provinceSchema = z.object({ code: z.string().regex(/^\d{2}$/), name: z.string() });

export interface StockRow {
  tsCode: string;
  symbol: string;
  name: string;
  area: string;
  industry: string;
  listDate: string;
}
export interface SzseRow {
  symbol: string;
  board: string;
  fullName: string;
  shortName: string;
  address: string;
  province: string;
  city: string;
}
export interface CkgCompany {
  symbol: string;
  name: string;
  fullName: string;
}
export interface ProductShare {
  name: string;
  weight: number;
}
export interface SwClass {
  level3: string;
  level2: string | undefined;
  level1: string | undefined;
}
export interface AtlasCompany {
  code: string;
  name: string;
  role: string;
}
export interface AtlasSegment {
  id: string;
  name: string;
  companies: AtlasCompany[];
}
export interface AtlasSupply {
  supplierCode: string;
  buyerCode: string | undefined;
  product: string;
  confidence: number;
  notes: string;
}
export interface AtlasFile {
  key: (typeof atlasSourceKeys)[number];
  segments: AtlasSegment[];
  supplies: AtlasSupply[];
}

export interface SourceData {
  stocks: StockRow[];
  szseBySymbol: ReadonlyMap<string, SzseRow>;
  /** company.json holds some codes twice with different names, so every candidate is kept. */
  ckgCompaniesBySymbol: ReadonlyMap<string, CkgCompany[]>;
  /** ckg_company_sw_industry_location.csv: legal name where company.json has none. */
  ckgFullNameByCode: ReadonlyMap<string, string>;
  swClassByCode: ReadonlyMap<string, SwClass>;
  productsByCode: ReadonlyMap<string, ProductShare[]>;
  /** Codes the 2021 knowledge graph classified, to report those no longer listed. */
  ckgClassifiedCodes: ReadonlyMap<string, string>;
  atlas: AtlasFile[];
  areas: z.infer<typeof areaSchema>[];
  cities: z.infer<typeof citySchema>[];
  provinces: z.infer<typeof provinceSchema>[];
}

function parseRows<T>(dataDir: string, key: SourceKey, rows: unknown[], schema: z.ZodType<T>): T[] {
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const reasons = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      throw new SourceDataError(`${join(dataDir, sourceFiles[key].path)} record ${i + 1}: ${reasons}`);
    }
    return parsed.data;
  });
}

const read = (dataDir: string, key: SourceKey) => readText(join(dataDir, sourceFiles[key].path));

export function loadSources(dataDir: string): SourceData {
  assertDataFolder(dataDir);
  const csv = (key: SourceKey) => parseCsvRecords(read(dataDir, key));
  const jsonl = (key: SourceKey) => parseJsonLines(read(dataDir, key));

  const stocks = parseRows(dataDir, 'stockBasic', csv('stockBasic'), stockRowSchema).map((r) => ({
    tsCode: r.ts_code,
    symbol: r.symbol,
    name: r.name,
    area: r.area,
    industry: r.industry,
    listDate: r.list_date,
  }));

  const szseBySymbol = new Map<string, SzseRow>();
  for (const r of parseRows(dataDir, 'szseList', csv('szseList'), szseRowSchema)) {
    szseBySymbol.set(r.A股代码, {
      symbol: r.A股代码,
      board: r.板块,
      fullName: r.公司全称.trim(),
      shortName: r.A股简称,
      address: r.注册地址.trim(),
      province: r.省份,
      city: r.城市,
    });
  }

  const ckgCompaniesBySymbol = new Map<string, CkgCompany[]>();
  for (const r of parseRows(dataDir, 'ckgCompany', jsonl('ckgCompany'), ckgCompanySchema)) {
    const symbol = r.code.slice(0, 6);
    const list = ckgCompaniesBySymbol.get(symbol) ?? [];
    if (!list.some((c) => c.fullName === r.fullname && c.name === r.name)) {
      list.push({ symbol, name: r.name, fullName: r.fullname });
    }
    ckgCompaniesBySymbol.set(symbol, list);
  }

  const ckgFullNameByCode = new Map<string, string>();
  const levelNames = new Map<string, { level1: string; level2: string }>();
  for (const r of parseRows(dataDir, 'ckgLocation', csv('ckgLocation'), ckgLocationSchema)) {
    if (r.fullname !== '') ckgFullNameByCode.set(r.ts_code, r.fullname);
    levelNames.set(r.ts_code, { level1: r.sw_l1, level2: r.sw_l2 });
  }

  const industryName = new Map(
    parseRows(dataDir, 'ckgIndustry', jsonl('ckgIndustry'), ckgIndustrySchema).map((r) => [r.code, r.name]),
  );
  const parentCode = new Map(
    parseRows(dataDir, 'ckgIndustryParent', jsonl('ckgIndustryParent'), ckgIndustryParentSchema).map((r) => [
      r.from_code,
      r.to_code,
    ]),
  );
  const swClassByCode = new Map<string, SwClass>();
  const ckgClassifiedCodes = new Map<string, string>();
  for (const r of parseRows(
    dataDir,
    'ckgCompanyIndustry',
    jsonl('ckgCompanyIndustry'),
    ckgCompanyIndustrySchema,
  )) {
    // Eight codes (金属制品, 仪器仪表, 港口 …) are absent from industry.json: their own name is all there is.
    const parent = parentCode.get(r.industry_code);
    const grandparent = parent === undefined ? undefined : parentCode.get(parent);
    const level2 =
      (parent === undefined ? undefined : industryName.get(parent)) ?? levelNames.get(r.company_code)?.level2;
    const level1 =
      (grandparent === undefined ? undefined : industryName.get(grandparent)) ??
      levelNames.get(r.company_code)?.level1;
    swClassByCode.set(r.company_code, {
      level3: r.industry_name,
      level2: level2 === '' ? undefined : level2,
      level1: level1 === '' ? undefined : level1,
    });
    ckgClassifiedCodes.set(r.company_code, r.industry_name);
  }

  const productsByCode = new Map<string, ProductShare[]>();
  for (const r of parseRows(dataDir, 'ckgCompanyProduct', jsonl('ckgCompanyProduct'), ckgProductSchema)) {
    const list = productsByCode.get(r.company_code) ?? [];
    list.push({ name: r.product_name.trim(), weight: r.rel_weight });
    productsByCode.set(r.company_code, list);
  }

  const atlas = atlasSourceKeys.map((key): AtlasFile => {
    const parsed = parseRows(dataDir, key, [parseYamlSubset(read(dataDir, key))], atlasSchema)[0]!;
    return {
      key,
      segments: parsed.segments.map((s) => ({ id: s.id, name: s.name, companies: s.key_companies ?? [] })),
      supplies: (parsed.supply_relationships ?? []).map((s) => ({
        supplierCode: s.supplier_code,
        buyerCode: s.buyer_code,
        product: s.product,
        confidence: s.confidence,
        notes: s.notes,
      })),
    };
  });

  return {
    stocks,
    szseBySymbol,
    ckgCompaniesBySymbol,
    ckgFullNameByCode,
    swClassByCode,
    productsByCode,
    ckgClassifiedCodes,
    atlas,
    areas: parseRows(dataDir, 'areas', csv('areas'), areaSchema),
    cities: parseRows(dataDir, 'cities', csv('cities'), citySchema),
    provinces: parseRows(dataDir, 'provinces', csv('provinces'), provinceSchema),
  };
}
