import {
  buildDistrictSeeds,
  buildFeedSeeds,
  type ChainLeaderDef,
  chainLeaderDefs,
  chains,
  compareText,
  ecosystems,
  findCatalogProblems,
  isCrossChainFeed,
  linkIndex,
} from '../catalog/catalog.ts';
import { CATALOG_AS_OF } from '../catalog/feeds.ts';
import type {
  ChainSeed,
  DistrictSeed,
  EcosystemSeed,
  EnterpriseSeed,
  FeedSeed,
  SupplySeed,
} from '../seed.schemas.ts';
import type { KeywordMatch, MappingTables } from './mapping-tables.ts';
import { collapseSpaces, namesMatch, normaliseCompanyName, toHalfWidth } from './normalise-name.ts';
import { parseChengduDistrict } from './parse-district.ts';
import {
  combineEvidence,
  type Evidence,
  nameEvidence,
  productEvidence,
  rankProducts,
} from './place-enterprise.ts';
import {
  type AtlasFile,
  type CkgCompany,
  type SourceData,
  type SourceKey,
  type StockRow,
  type SwClass,
  type SzseRow,
  sourceFiles,
} from './sources.ts';

export type UnplacedReason =
  | 'class-outside-chains'
  | 'coarse-industry-no-class'
  | 'renamed-class-dropped'
  | 'not-listed-2026';

export interface UnplacedRow {
  id: string;
  name: string;
  swClass: string;
  industry: string;
  reason: UnplacedReason;
  detail: string;
}

export interface SeedOutput {
  ecosystems: EcosystemSeed[];
  chains: ChainSeed[];
  feeds: FeedSeed[];
  districts: DistrictSeed[];
  enterprises: EnterpriseSeed[];
  supplies: SupplySeed[];
  unplaced: UnplacedRow[];
  summary: Record<string, unknown>;
}

export class SeedBuildError extends Error {}

const CHENGDU = '成都市';
const LEADER_SOURCE = 'graph-seeds/catalog/chain-leaders.ts';
const LEADER_CONFIDENCE = 0.9;
/** A buyer read from an atlas note is less certain than one the atlas gives by code. */
const NOTES_BUYER_FACTOR = 0.8;
const municipalities = new Set(['北京', '上海', '天津', '重庆']);

type UsedSource = SourceKey | 'leader';

const exchangeOf = (tsCode: string): EnterpriseSeed['exchange'] =>
  tsCode.endsWith('.SH') ? 'SSE' : tsCode.endsWith('.SZ') ? 'SZSE' : 'BSE';

/** Board from the code prefix: 688/689 STAR, 300–302 ChiNext, Beijing by suffix, the rest main boards. */
export function boardOf(symbol: string, tsCode: string): string {
  if (tsCode.endsWith('.BJ')) return '北交所';
  if (/^68[89]/.test(symbol)) return '科创板';
  if (/^30[0-2]/.test(symbol)) return '创业板';
  return '主板';
}

const cjkChars = (text: string) =>
  new Set([...normaliseCompanyName(text)].filter((ch) => /[\u3400-\u9fff]/.test(ch)));

function sharedChars(a: string, b: string): number {
  const setB = cjkChars(b);
  return [...cjkChars(a)].filter((ch) => setB.has(ch)).length;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What the sources say about one listed firm's identity, shared by every step below. */
interface Identity {
  /** False when today's short name shares nothing with the 2021 names: possibly another business now. */
  sameAs2021: (stock: StockRow) => boolean;
  ckgCompany: (stock: StockRow) => CkgCompany | undefined;
  fullNameOf: (stock: StockRow) => string;
}

function resolveIdentity(sources: SourceData): Identity {
  const sameAs2021 = (stock: StockRow): boolean => {
    const ckg = sources.ckgCompaniesBySymbol.get(stock.symbol) ?? [];
    return ckg.length === 0 || ckg.some((c) => sharedChars(stock.name, c.fullName + c.name) > 0);
  };
  // company.json repeats some codes with another firm's names: the candidate sharing most with today's wins.
  const picks = new Map<string, CkgCompany>();
  for (const stock of sources.stocks) {
    const [pick] = [...(sources.ckgCompaniesBySymbol.get(stock.symbol) ?? [])].sort(
      (a, b) =>
        sharedChars(stock.name, b.fullName + b.name) - sharedChars(stock.name, a.fullName + a.name) ||
        compareText(a.fullName, b.fullName),
    );
    if (pick !== undefined) picks.set(stock.tsCode, pick);
  }
  const ckgCompany = (stock: StockRow) => picks.get(stock.tsCode);
  // Legal name: the Shenzhen list (2025), then the 2021 graph if the firm is still the same, then the short name.
  const fullNameOf = (stock: StockRow): string =>
    sources.szseBySymbol.get(stock.symbol)?.fullName ??
    (sameAs2021(stock)
      ? (ckgCompany(stock)?.fullName ?? sources.ckgFullNameByCode.get(stock.tsCode))
      : undefined) ??
    stock.name;
  return { sameAs2021, ckgCompany, fullNameOf };
}

/**
 * A renamed firm keeps its 2021 class only when that class's top level is common (≥ 10 %) among unrenamed
 * firms with today's stock_basic industry; a backdoor listing into another business fails this test.
 */
function classFitTest(
  sources: SourceData,
  identity: Identity,
): (swClass: SwClass, industry: string) => boolean {
  const top = (swClass: SwClass) => swClass.level1 ?? swClass.level2 ?? swClass.level3;
  const countsByIndustry = new Map<string, Map<string, number>>();
  for (const stock of sources.stocks) {
    const swClass = sources.swClassByCode.get(stock.tsCode);
    if (swClass === undefined || !identity.sameAs2021(stock)) continue;
    const counts = countsByIndustry.get(stock.industry) ?? new Map<string, number>();
    counts.set(top(swClass), (counts.get(top(swClass)) ?? 0) + 1);
    countsByIndustry.set(stock.industry, counts);
  }
  return (swClass, industry) => {
    const counts = countsByIndustry.get(industry);
    if (counts === undefined) return false;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    return (counts.get(top(swClass)) ?? 0) / total >= 0.1;
  };
}

function checkDistrictsAgainstAreas(districts: DistrictSeed[], sources: SourceData): void {
  const chengduAreas = sources.areas.filter((a) => a.cityCode === '5101');
  const byCode = new Map(chengduAreas.map((a) => [a.code, a.name]));
  const problems: string[] = [];
  for (const d of districts.filter((x) => x.kind !== 'functional-zone')) {
    const name = byCode.get(d.code);
    if (name !== d.name)
      problems.push(`${d.code} ${d.name}: areas.csv has ${name ?? 'no such Chengdu code'}`);
  }
  for (const area of chengduAreas) {
    if (!districts.some((d) => d.code === area.code))
      problems.push(`areas.csv ${area.code} ${area.name} is missing`);
  }
  if (problems.length > 0)
    throw new SeedBuildError(`District catalog disagrees with areas.csv: ${problems.join('; ')}`);
}

interface AtlasMembership {
  tsCode: string;
  file: AtlasFile['key'];
  segmentId: string;
}

/** Atlas codes are checked against the listing by name; a wrong code is corrected when the name is unique. */
function resolveAtlasMembers(sources: SourceData, identity: Identity, notes: string[]): AtlasMembership[] {
  const bySymbol = new Map(sources.stocks.map((s) => [s.symbol, s]));
  const byNormalisedName = new Map<string, StockRow[]>();
  for (const stock of sources.stocks) {
    const keys = new Set([
      normaliseCompanyName(stock.name),
      normaliseCompanyName(identity.fullNameOf(stock)),
    ]);
    for (const key of keys) byNormalisedName.set(key, [...(byNormalisedName.get(key) ?? []), stock]);
  }
  const members: AtlasMembership[] = [];
  for (const file of sources.atlas) {
    for (const segment of file.segments) {
      for (const company of segment.companies) {
        const stock = bySymbol.get(company.code);
        if (stock !== undefined && namesMatch(company.name, stock.name, identity.fullNameOf(stock))) {
          members.push({ tsCode: stock.tsCode, file: file.key, segmentId: segment.id });
          continue;
        }
        const [onlyMatch, ...others] = byNormalisedName.get(normaliseCompanyName(company.name)) ?? [];
        const where = `${sourceFiles[file.key].path} ${segment.id} ${company.code} ${company.name}`;
        const owner = stock === undefined ? 'not in the 2026 listing' : `code belongs to ${stock.name}`;
        if (onlyMatch !== undefined && others.length === 0) {
          members.push({ tsCode: onlyMatch.tsCode, file: file.key, segmentId: segment.id });
          notes.push(`${where}: ${owner}; placed ${onlyMatch.tsCode} by name`);
        } else {
          notes.push(`${where}: ${owner}; skipped`);
        }
      }
    }
  }
  return members;
}

function checkLeaders(sources: SourceData, identity: Identity): void {
  for (const leader of chainLeaderDefs) {
    const stock = sources.stocks.find((s) => s.tsCode === leader.id);
    if (stock === undefined || !namesMatch(leader.name, stock.name, identity.fullNameOf(stock))) {
      const now = stock === undefined ? 'not listed' : `now ${stock.name}`;
      throw new SeedBuildError(
        `Chain leader ${leader.id} ${leader.name} is ${now}: update catalog/chain-leaders.ts.`,
      );
    }
  }
}

interface Place {
  province?: string;
  city?: string;
  address?: string;
  districtCode?: string;
  cityFromName: boolean;
}

function locate(stock: StockRow, fullName: string, szse: SzseRow | undefined, sources: SourceData): Place {
  // stock_basic lists Shenzhen apart from Guangdong and shortens 内蒙古.
  const area = stock.area === '深圳' ? '广东' : stock.area === '内蒙' ? '内蒙古' : stock.area;
  const province = szse?.province || area || undefined;
  let city = szse?.city || undefined;
  let cityFromName = false;
  if (city === undefined && stock.area === '深圳') city = '深圳市';
  if (city === undefined && municipalities.has(stock.area)) city = `${stock.area}市`;
  if (city === undefined && province !== undefined) {
    // A legal name that opens with a city of the firm's own province names its registration city.
    const provinceCode = sources.provinces.find((p) => p.name.startsWith(province))?.code;
    const match = sources.cities
      .filter((c) => c.provinceCode === provinceCode && c.name.endsWith('市') && c.name.length >= 3)
      .find((c) => fullName.startsWith(c.name.slice(0, -1)));
    if (match !== undefined) {
      city = match.name;
      cityFromName = true;
    }
  }
  const address = szse?.address || undefined;
  const districtCode =
    city === CHENGDU && address !== undefined ? parseChengduDistrict(address)?.code : undefined;
  return {
    ...(province === undefined ? {} : { province }),
    ...(city === undefined ? {} : { city }),
    ...(address === undefined ? {} : { address }),
    ...(districtCode === undefined ? {} : { districtCode }),
    cityFromName,
  };
}

/** Everything known about one firm's place in the chains, before it becomes an enterprise or an unplaced row. */
interface Assessment {
  evidence: Evidence[];
  used: Set<UsedSource>;
  swClass: SwClass | undefined;
  /** Set when a renamed firm's 2021 class and products were set aside. */
  droppedBecause: string | undefined;
  mainProducts: string[];
}

interface AssessContext {
  sources: SourceData;
  tables: MappingTables;
  identity: Identity;
  classFits: (swClass: SwClass, industry: string) => boolean;
  atlasByCode: ReadonlyMap<string, AtlasMembership[]>;
  leaderByCode: ReadonlyMap<string, ChainLeaderDef>;
  keywordCache: Map<string, KeywordMatch | undefined>;
}

function assess(stock: StockRow, fullName: string, ctx: AssessContext): Assessment {
  const { sources, tables } = ctx;
  const used = new Set<UsedSource>();
  const evidence: Evidence[] = [];

  let swClass = sources.swClassByCode.get(stock.tsCode);
  let droppedBecause: string | undefined;
  if (swClass !== undefined && !ctx.identity.sameAs2021(stock) && !ctx.classFits(swClass, stock.industry)) {
    const formerNames = (sources.ckgCompaniesBySymbol.get(stock.symbol) ?? []).map((c) => c.name).join('/');
    droppedBecause = `renamed since 2021 (${formerNames}); 2021 class ${swClass.level3} does not fit today's industry ${stock.industry}`;
    swClass = undefined;
  }

  for (const member of ctx.atlasByCode.get(stock.tsCode) ?? []) {
    for (const m of tables.atlasSegmentLinks.get(member.segmentId) ?? []) {
      evidence.push({
        linkId: m.linkId,
        confidence: m.confidence,
        kind: 'atlas',
        text: `atlas:${member.segmentId}`,
      });
      used.add(member.file);
    }
  }
  for (const linkId of ctx.leaderByCode.get(stock.tsCode)?.linkIds ?? []) {
    evidence.push({
      linkId,
      confidence: LEADER_CONFIDENCE,
      kind: 'chain-leader',
      text: `chain-leader:${LEADER_SOURCE}`,
    });
    used.add('leader');
  }
  if (swClass !== undefined) {
    used.add('ckgCompanyIndustry');
    const className = tables.swClassLinks.has(swClass.level3) ? swClass.level3 : swClass.level2;
    const mappings = className === undefined ? [] : (tables.swClassLinks.get(className) ?? []);
    for (const m of mappings) {
      evidence.push({
        linkId: m.linkId,
        confidence: m.confidence,
        kind: 'sw-class',
        text: `sw-class:${className}`,
      });
      used.add('ckgIndustry');
      if (className !== swClass.level3) used.add('ckgIndustryParent');
    }
  } else {
    for (const m of tables.tushareIndustryLinks.get(stock.industry) ?? []) {
      const text = `tushare-industry:${stock.industry}`;
      evidence.push({ linkId: m.linkId, confidence: m.confidence, kind: 'tushare-industry', text });
    }
  }

  const products = droppedBecause === undefined ? (sources.productsByCode.get(stock.tsCode) ?? []) : [];
  const fromProducts = productEvidence(products, tables.productKeywords, ctx.keywordCache);
  evidence.push(...fromProducts);
  if (swClass === undefined && products.length === 0) {
    evidence.push(...nameEvidence([stock.name, fullName], tables.productKeywords));
  }
  const mainProducts = rankProducts(products)
    .slice(0, 5)
    .map((p) => p.name);
  if (mainProducts.length > 0 || fromProducts.length > 0) used.add('ckgCompanyProduct');

  return { evidence, used, swClass, droppedBecause, mainProducts };
}

function unplacedRow(stock: StockRow, a: Assessment): UnplacedRow {
  const base = {
    id: stock.tsCode,
    name: stock.name,
    swClass: a.swClass === undefined ? '' : [a.swClass.level2, a.swClass.level3].filter(Boolean).join('/'),
    industry: stock.industry,
  };
  if (a.droppedBecause !== undefined)
    return { ...base, reason: 'renamed-class-dropped', detail: a.droppedBecause };
  if (a.swClass !== undefined) {
    const detail = `申万 ${a.swClass.level3} has no chain link and no main product matched`;
    return { ...base, reason: 'class-outside-chains', detail };
  }
  const detail = `no 申万 class in the 2021 graph; stock_basic industry ${stock.industry} names no single link`;
  return { ...base, reason: 'coarse-industry-no-class', detail };
}

/** Short names in their raw and normalised forms, plus the legal and former names of this firm. */
function aliasesOf(stock: StockRow, fullName: string, names: readonly string[]): string[] {
  const aliases = new Set<string>();
  for (const name of names) {
    const clean = collapseSpaces(toHalfWidth(name));
    for (const candidate of [clean, normaliseCompanyName(clean)]) {
      if (candidate !== '' && candidate !== stock.name && candidate !== fullName) aliases.add(candidate);
    }
  }
  return [...aliases].sort(compareText);
}

/** SUPPLIES from the atlas: supplier → buyer edges whose ends are both seeded enterprises. */
function buildSupplies(sources: SourceData, placed: ReadonlySet<string>, dropped: string[]): SupplySeed[] {
  const tsBySymbol = new Map(sources.stocks.map((s) => [s.symbol, s.tsCode]));
  // Buyers named only in the notes are found by their listed short name (three characters or more).
  const shortNames = sources.stocks
    .map((s) => ({ tsCode: s.tsCode, name: normaliseCompanyName(s.name) }))
    .filter((s) => s.name.length >= 3);
  const byKey = new Map<string, SupplySeed>();
  for (const file of sources.atlas) {
    const { path, asOf } = sourceFiles[file.key];
    for (const s of file.supplies) {
      const from = tsBySymbol.get(s.supplierCode);
      const fromNotes = s.buyerCode === undefined;
      const buyers = fromNotes
        ? shortNames.filter((n) => s.notes.includes(n.name) && n.tsCode !== from).map((n) => n.tsCode)
        : [tsBySymbol.get(s.buyerCode ?? '')].filter((code) => code !== undefined);
      const kept = from !== undefined && placed.has(from) ? buyers.filter((to) => placed.has(to)) : [];
      if (from === undefined || kept.length === 0) {
        const buyer = s.buyerCode ?? `(notes: ${s.notes})`;
        const why = fromNotes
          ? 'no listed buyer named in the notes'
          : 'an end is not a listed, placed enterprise';
        dropped.push(`${path}: ${s.supplierCode} → ${buyer} ${s.product}: ${why}`);
        continue;
      }
      for (const to of kept) {
        const confidence = round2((s.confidence / 5) * (fromNotes ? NOTES_BUYER_FACTOR : 1));
        const source = fromNotes ? `${path} (buyer named in notes)` : path;
        const key = `${from}|${to}|${s.product}`;
        const existing = byKey.get(key);
        if (existing === undefined || existing.confidence < confidence) {
          byKey.set(key, { from, to, product: s.product, confidence, source, asOf });
        }
      }
    }
  }
  return [...byKey.values()].sort(
    (a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.product, b.product),
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => compareText(a[0], b[0])));
}

export function buildSeed(sources: SourceData, tables: MappingTables): SeedOutput {
  const catalogProblems = findCatalogProblems();
  if (catalogProblems.length > 0) throw new SeedBuildError(`Catalog problems: ${catalogProblems.join('; ')}`);
  const districts = buildDistrictSeeds();
  checkDistrictsAgainstAreas(districts, sources);
  const feeds = buildFeedSeeds();

  const identity = resolveIdentity(sources);
  checkLeaders(sources, identity);
  const atlasNotes: string[] = [];
  const atlasByCode = new Map<string, AtlasMembership[]>();
  for (const m of resolveAtlasMembers(sources, identity, atlasNotes)) {
    atlasByCode.set(m.tsCode, [...(atlasByCode.get(m.tsCode) ?? []), m]);
  }
  const ctx: AssessContext = {
    sources,
    tables,
    identity,
    classFits: classFitTest(sources, identity),
    atlasByCode,
    leaderByCode: new Map(chainLeaderDefs.map((l) => [l.id, l])),
    keywordCache: new Map(),
  };

  const enterprises: EnterpriseSeed[] = [];
  const unplaced: UnplacedRow[] = [];
  const renamed = { kept: 0, dropped: 0 };
  let cityFromName = 0;

  for (const stock of [...sources.stocks].sort((a, b) => compareText(a.tsCode, b.tsCode))) {
    const fullName = identity.fullNameOf(stock);
    const assessment = assess(stock, fullName, ctx);
    if (sources.swClassByCode.has(stock.tsCode) && !identity.sameAs2021(stock)) {
      if (assessment.droppedBecause === undefined) renamed.kept++;
      else renamed.dropped++;
    }
    const links = combineEvidence(assessment.evidence);
    if (links.length === 0) {
      unplaced.push(unplacedRow(stock, assessment));
      continue;
    }

    const used = new Set<UsedSource>(['stockBasic', ...assessment.used]);
    const szse = stock.tsCode.endsWith('.SZ') ? sources.szseBySymbol.get(stock.symbol) : undefined;
    const ckg = identity.ckgCompany(stock);
    if (szse !== undefined) used.add('szseList');
    else if (fullName !== stock.name) used.add(ckg?.fullName === fullName ? 'ckgCompany' : 'ckgLocation');
    const place = locate(stock, fullName, szse, sources);
    if (place.cityFromName) {
      used.add('cities');
      cityFromName++;
    }

    // Former names: only those of this firm, since a duplicated code sometimes carries another firm's names.
    const formerNames = (sources.ckgCompaniesBySymbol.get(stock.symbol) ?? [])
      .filter(
        (c) =>
          c === ckg ||
          sharedChars(stock.name, c.fullName + c.name) > 0 ||
          assessment.droppedBecause !== undefined,
      )
      .flatMap((c) => [c.name, c.fullName]);
    const leader = ctx.leaderByCode.get(stock.tsCode);
    const sourcePaths = [...used].map((key) => (key === 'leader' ? LEADER_SOURCE : sourceFiles[key].path));
    const dates = [...used]
      .map((key) => (key === 'leader' ? CATALOG_AS_OF : sourceFiles[key].asOf))
      .sort(compareText);
    enterprises.push({
      id: stock.tsCode,
      name: stock.name,
      fullName,
      aliases: aliasesOf(stock, fullName, [stock.name, fullName, szse?.shortName ?? '', ...formerNames]),
      stockCode: stock.symbol,
      exchange: exchangeOf(stock.tsCode),
      board: szse?.board || boardOf(stock.symbol, stock.tsCode),
      ...(place.province === undefined ? {} : { province: place.province }),
      ...(place.city === undefined ? {} : { city: place.city }),
      ...(place.districtCode === undefined ? {} : { districtCode: place.districtCode }),
      ...(place.address === undefined ? {} : { address: place.address }),
      ...(stock.industry === '' ? {} : { industry: stock.industry }),
      ...(assessment.swClass === undefined ? {} : { swIndustry: assessment.swClass.level3 }),
      listDate: stock.listDate,
      mainProducts: assessment.mainProducts,
      links,
      leadsChainIds: [...(leader?.chainIds ?? [])].sort(compareText),
      sources: [...new Set(sourcePaths)].sort(compareText),
      // The oldest fact decides: an enterprise is only as current as its stalest source.
      asOf: dates[0] ?? sourceFiles.stockBasic.asOf,
    });
  }

  const listed = new Set(sources.stocks.map((s) => s.tsCode));
  for (const [tsCode, className] of sources.ckgClassifiedCodes) {
    if (listed.has(tsCode)) continue;
    unplaced.push({
      id: tsCode,
      name: sources.ckgCompaniesBySymbol.get(tsCode.slice(0, 6))?.[0]?.name ?? '',
      swClass: className,
      industry: '',
      reason: 'not-listed-2026',
      detail: 'in the 2021 graph but not in the 2026 listing (delisted, merged or moved to a new code)',
    });
  }
  unplaced.sort((a, b) => compareText(a.id, b.id));

  const droppedSupplies: string[] = [];
  const supplies = buildSupplies(sources, new Set(enterprises.map((e) => e.id)), droppedSupplies);

  const summary = summarise({
    sources,
    districts,
    feeds,
    enterprises,
    supplies,
    unplaced,
    renamed,
    cityFromName,
    atlas: { memberships: [...atlasByCode.values()].flat().length, notes: atlasNotes, droppedSupplies },
  });
  return { ecosystems, chains, feeds, districts, enterprises, supplies, unplaced, summary };
}

interface SummaryInput {
  sources: SourceData;
  districts: DistrictSeed[];
  feeds: FeedSeed[];
  enterprises: EnterpriseSeed[];
  supplies: SupplySeed[];
  unplaced: UnplacedRow[];
  renamed: { kept: number; dropped: number };
  cityFromName: number;
  atlas: { memberships: number; notes: string[]; droppedSupplies: string[] };
}

/** Counts a reviewer checks after a run; no timestamps, so the file is as stable as the rest of the output. */
function summarise(input: SummaryInput): Record<string, unknown> {
  const { sources, districts, feeds, enterprises, supplies, unplaced } = input;
  const chainOf = (linkId: string) => linkIndex.get(linkId)?.chain.id ?? linkId;
  const enterprisesByChain: Record<string, number> = Object.fromEntries(chains.map((c) => [c.id, 0]));
  const enterprisesByLink: Record<string, number> = {};
  const evidenceKinds: Record<string, number> = {};
  for (const e of enterprises) {
    for (const chainId of new Set(e.links.map((l) => chainOf(l.linkId)))) {
      enterprisesByChain[chainId] = (enterprisesByChain[chainId] ?? 0) + 1;
    }
    for (const l of e.links) {
      enterprisesByLink[l.linkId] = (enterprisesByLink[l.linkId] ?? 0) + 1;
      for (const part of l.evidence.split('; ')) {
        const kind = part.slice(0, part.indexOf(':'));
        evidenceKinds[kind] = (evidenceKinds[kind] ?? 0) + 1;
      }
    }
  }
  const listedUnplaced = unplaced.filter((u) => u.reason !== 'not-listed-2026');
  const chengdu = enterprises.filter((e) => e.city === CHENGDU);
  const byLevel2OrIndustry = countBy(listedUnplaced, (u) =>
    u.swClass === '' ? `industry:${u.industry}` : `sw:${u.swClass.split('/')[0]}`,
  );
  const atlasSupplyEdges = sources.atlas.reduce((n, f) => n + f.supplies.length, 0);
  return {
    sources: Object.fromEntries(Object.values(sourceFiles).map((f) => [f.path, { asOf: f.asOf }])),
    counts: {
      ecosystems: ecosystems.length,
      chains: chains.length,
      chainsVerified: chains.filter((c) => c.verified).length,
      links: linkIndex.size,
      feeds: feeds.length,
      feedsCrossChain: feeds.filter(isCrossChainFeed).length,
      districts: districts.length,
      districtsByKind: countBy(districts, (d) => d.kind),
      parks: districts.reduce((n, d) => n + d.parks.length, 0),
      listedFirms: sources.stocks.length,
      enterprises: enterprises.length,
      enterprisesChengdu: chengdu.length,
      enterprisesChengduWithDistrict: chengdu.filter((e) => e.districtCode !== undefined).length,
      enterprisesChengduWithoutAddress: chengdu.filter((e) => e.address === undefined).length,
      enterprisesCityFromLegalName: input.cityFromName,
      leaders: enterprises.filter((e) => e.leadsChainIds.length > 0).length,
      inLinkEdges: enterprises.reduce((n, e) => n + e.links.length, 0),
      supplies: supplies.length,
      unplacedListed: listedUnplaced.length,
      unplacedNotListed: unplaced.length - listedUnplaced.length,
    },
    enterprisesByChain,
    enterprisesByDistrict: countBy(chengdu, (e) => e.districtCode ?? 'unknown'),
    linksWithoutEnterprises: [...linkIndex.keys()].filter((id) => enterprisesByLink[id] === undefined),
    inLinkEvidenceKinds: Object.fromEntries(
      Object.entries(evidenceKinds).sort((a, b) => compareText(a[0], b[0])),
    ),
    unplacedByReason: countBy(unplaced, (u) => u.reason),
    unplacedListedBySwLevel2OrIndustry: Object.fromEntries(
      Object.entries(byLevel2OrIndustry)
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .slice(0, 40),
    ),
    renamedSince2021: input.renamed,
    atlas: {
      memberships: input.atlas.memberships,
      supplyEdgesInAtlas: atlasSupplyEdges,
      supplyEdgesKept: supplies.length,
      notes: input.atlas.notes,
      droppedSupplies: input.atlas.droppedSupplies,
    },
  };
}
