import { createHash } from 'node:crypto';
import type { EnterpriseWrite, StoredEnterprise } from '../../api/src/graph/import.repository.ts';
import type { MappingTables } from '../../graph-seeds/derive/mapping-tables.ts';
import { combineEvidence, nameEvidence } from '../../graph-seeds/derive/place-enterprise.ts';
import { type EnterpriseProps, type EnterpriseState, factKeys, type LinkState } from './enterprise-state.ts';
import { aliasesOf, nameCoreOf, nameKeyOf } from './name-keys.ts';
import { namesToSegment, type PreparedRow } from './prepare-row.ts';

export interface PlanContext {
  /** Provenance label of this import. */
  source: string;
  /** Date the file's facts describe. */
  asOf: string;
  tables: MappingTables;
  /** Search tokens of a text (jieba), as the seed loader computes them. */
  tokens: (text: string) => string[];
}

export interface Rejection {
  line: number;
  /** The field as the import knows it; the caller names the file's column. */
  field: string;
  reason: string;
}

export interface ReviewItem {
  line: number;
  id: string;
  name: string;
  reason: string;
  similar: { id: string; name: string }[];
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface RowResult {
  line: number;
  id: string;
  outcome: RowOutcome;
  placed: boolean;
  located: boolean;
}

export interface BatchPlan {
  results: RowResult[];
  rejected: Rejection[];
  review: ReviewItem[];
  writes: EnterpriseWrite[];
  /** The written firms as they are afterwards. */
  after: EnterpriseState[];
}

/** Firms the batch's keys found in the graph, and firms whose names share a near-duplicate core with a row. */
export interface FoundEnterprises {
  enterprises: EnterpriseState[];
  similar: { id: string; name: string; nameKey: string; nameCore: string }[];
}

const MAX_SIMILAR = 5;

/** The seed writes some properties only under other names; read nodes are brought to one shape here. */
export function toEnterpriseState(stored: StoredEnterprise): EnterpriseState {
  const fullName = stored.fullName ?? stored.name;
  const nameKey = stored.nameKey ?? nameKeyOf(fullName, stored.name);
  const { links, located, ...rest } = stored;
  return {
    id: stored.id,
    props: {
      ...rest,
      fullName,
      aliases: stored.aliases ?? [],
      listed: stored.listed ?? false,
      mainProducts: stored.mainProducts ?? [],
      sources: stored.sources ?? (stored.source === undefined ? [] : stored.source.split('; ')),
      source: stored.source ?? '',
      asOf: stored.asOf ?? '',
      nameKey,
      nameCore: stored.nameCore ?? nameCoreOf(nameKey),
      searchText: stored.searchText ?? '',
      nameTokens: stored.nameTokens ?? '',
    },
    links: links.map((l) => ({
      linkId: l.linkId,
      confidence: l.confidence ?? 0,
      evidence: l.evidence ?? '',
      source: l.source ?? '',
      asOf: l.asOf ?? '',
    })),
    located: located === undefined ? undefined : { code: located.code, source: located.source ?? '' },
  };
}

/** A new firm's id: its exchange code as the seed uses, else its credit code, else a hash of its name key. */
export function newEnterpriseId(row: PreparedRow): string {
  if (row.stock !== undefined) return row.stock.tsCode;
  if (row.row.creditCode !== undefined) return row.row.creditCode;
  return `n-${createHash('sha256').update(row.nameKey).digest('hex').slice(0, 16)}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

const sameLink = (a: LinkState, b: LinkState) =>
  a.linkId === b.linkId &&
  a.confidence === b.confidence &&
  a.evidence === b.evidence &&
  a.source === b.source;

function differs(before: EnterpriseState, after: EnterpriseState): boolean {
  if (factKeys.some((key) => !sameValue(before.props[key], after.props[key]))) return true;
  if (before.located?.code !== after.located?.code) return true;
  return (
    before.links.length !== after.links.length ||
    after.links.some((l) => !before.links.some((b) => sameLink(b, l)))
  );
}

function placeLinks(
  before: readonly LinkState[],
  row: PreparedRow,
  props: EnterpriseProps,
  ctx: PlanContext,
): LinkState[] {
  const stamp = (l: { linkId: string; confidence: number; evidence: string }): LinkState => ({
    ...l,
    source: ctx.source,
    asOf: ctx.asOf,
  });
  const proposed = [
    ...row.explicitLinks.map((linkId) => stamp({ linkId, confidence: 1, evidence: `file:${ctx.source}` })),
    ...combineEvidence(row.evidence).map(stamp),
  ];
  const links = [...before];
  const apply = (link: LinkState) => {
    const index = links.findIndex((l) => l.linkId === link.linkId);
    // Links other sources placed stay as they are; this source may revise its own.
    if (index < 0) links.push(link);
    else if (links[index]?.source === ctx.source && !sameLink(links[index], link)) links[index] = link;
  };
  // A link the file names outright wins over the same link inferred from its other columns.
  const seen = new Set<string>();
  for (const link of proposed) {
    if (seen.has(link.linkId)) continue;
    seen.add(link.linkId);
    apply(link);
  }
  // The classifier's guess from the firm's text counts only for a firm in no link at all (it fills gaps).
  if (links.length === 0) for (const link of combineEvidence(row.classified)) apply(stamp(link));
  // A firm's name is weaker still, used only when nothing else places it.
  if (links.length === 0) {
    for (const link of combineEvidence(
      nameEvidence([props.name, props.fullName], ctx.tables.productKeywords),
    )) {
      apply(stamp(link));
    }
  }
  return links;
}

/** The firm after this row: the row's facts over the old ones, unless the row is older than what is known. */
export function mergeEnterprise(
  id: string,
  before: EnterpriseState | undefined,
  row: PreparedRow,
  ctx: PlanContext,
): EnterpriseState {
  const r = row.row;
  const prev = before?.props;
  const overwrite = prev === undefined || ctx.asOf >= prev.asOf;
  const fallbackName = r.name ?? r.fullName ?? '';
  const next: EnterpriseProps = prev
    ? { ...prev }
    : {
        name: fallbackName,
        fullName: r.fullName ?? fallbackName,
        aliases: [],
        listed: false,
        mainProducts: [],
        sources: [],
        source: '',
        asOf: ctx.asOf,
        nameKey: '',
        nameCore: '',
        searchText: '',
        nameTokens: '',
      };
  const set = <K extends keyof EnterpriseProps>(key: K, value: EnterpriseProps[K] | undefined) => {
    if (value !== undefined && (overwrite || next[key] === undefined)) next[key] = value;
  };

  set('name', r.name);
  // A firm known only by its legal name keeps using it as its name when the legal name changes.
  if (r.name === undefined && prev !== undefined && prev.name === prev.fullName) set('name', r.fullName);
  set('fullName', r.fullName);
  set('nameEn', r.nameEn);
  set('creditCode', r.creditCode);
  set('stockCode', row.stock?.code);
  set('exchange', row.stock?.exchange);
  set('board', r.board);
  set('province', r.province);
  set('city', r.city);
  set('address', r.address);
  set('divisionCode', r.divisionCode);
  set('industry', r.industry);
  set('csrcIndustry', r.csrcIndustry);
  set('swIndustry', r.swClass);
  set('mainProducts', r.products);
  set('listDate', r.listDate);
  set('foundedDate', r.foundedDate);
  set('registeredCapital', r.registeredCapital);
  set('totalShares', r.totalShares);
  set('floatShares', r.floatShares);
  set('website', r.website);
  next.listed = next.stockCode !== undefined || prev?.listed === true;
  // Former names stay findable as aliases.
  next.aliases = aliasesOf(
    [r.name, r.fullName, prev?.name, prev?.fullName],
    next.name,
    next.fullName,
    prev?.aliases,
  );
  if (!next.sources.includes(ctx.source)) next.sources = [...next.sources, ctx.source];
  next.source = next.sources.join('; ');

  let located = before?.located;
  const district = row.district;
  if (district.kind === 'set' && (overwrite || located === undefined)) {
    located = { code: district.code, source: ctx.source };
    next.districtCode = district.code;
  } else if (district.kind === 'clear' && overwrite) {
    located = undefined;
    delete next.districtCode;
  }
  if (located !== undefined && located.code === before?.located?.code) located = before.located;

  next.nameKey = nameKeyOf(next.fullName, next.name);
  next.nameCore = nameCoreOf(next.nameKey);
  const names = [next.name, next.fullName, ...next.aliases];
  next.searchText = [...new Set(names)].join(' ');
  const sameNames =
    prev !== undefined &&
    prev.nameTokens !== '' &&
    prev.name === next.name &&
    prev.fullName === next.fullName &&
    sameValue(prev.aliases, next.aliases);
  if (sameNames) next.nameTokens = prev.nameTokens;
  else {
    const tokens = new Set<string>();
    for (const name of namesToSegment(names))
      for (const t of row.tokens.get(name) ?? ctx.tokens(name)) tokens.add(t);
    next.nameTokens = [...tokens].join(' ');
  }

  const after: EnterpriseState = {
    id,
    props: next,
    links: placeLinks(before?.links ?? [], row, next, ctx),
    located,
  };
  // A firm is as current as the newest file that changed it; a file that changes nothing leaves the date.
  const changed = before === undefined || differs(before, after);
  after.props.asOf = prev === undefined ? ctx.asOf : changed && ctx.asOf > prev.asOf ? ctx.asOf : prev.asOf;
  return after;
}

class BatchIndex {
  readonly current = new Map<string, EnterpriseState>();
  /** State before this batch; undefined for firms this batch creates. */
  readonly initial = new Map<string, EnterpriseState | undefined>();
  private readonly byCredit = new Map<string, string>();
  private readonly byStock = new Map<string, string>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Core → id → [name, name key]. */
  private readonly byCore = new Map<string, Map<string, [string, string]>>();

  constructor(found: FoundEnterprises) {
    for (const s of found.similar) this.addCore(s.nameCore, s.id, s.name, s.nameKey);
    for (const state of found.enterprises) {
      this.initial.set(state.id, state);
      this.put(state);
    }
  }

  private addCore(core: string, id: string, name: string, key: string) {
    const entries = this.byCore.get(core) ?? new Map<string, [string, string]>();
    entries.set(id, [name, key]);
    this.byCore.set(core, entries);
  }

  put(state: EnterpriseState) {
    this.current.set(state.id, state);
    const p = state.props;
    if (p.creditCode !== undefined) this.byCredit.set(p.creditCode, state.id);
    if (p.stockCode !== undefined) this.byStock.set(p.stockCode, state.id);
    const ids = this.byKey.get(p.nameKey) ?? new Set<string>();
    ids.add(state.id);
    this.byKey.set(p.nameKey, ids);
    this.addCore(p.nameCore, state.id, p.name, p.nameKey);
  }

  credit = (code: string | undefined) => (code === undefined ? undefined : this.byCredit.get(code));
  stock = (code: string | undefined) => (code === undefined ? undefined : this.byStock.get(code));
  key = (key: string) => [...(this.byKey.get(key) ?? [])];
  /** Firms sharing a core, as [id, name, name key]. */
  core = (core: string): [string, string, string][] =>
    [...(this.byCore.get(core) ?? new Map<string, [string, string]>()).entries()].map(([id, [name, key]]) => [
      id,
      name,
      key,
    ]);
  nameOf = (id: string) => this.current.get(id)?.props.name ?? id;
}

type Resolution = { id: string | undefined; rejection?: Omit<Rejection, 'line'>; review?: string };

function resolve(row: PreparedRow, index: BatchIndex): Resolution {
  const credit = row.row.creditCode;
  const stock = row.stock?.code;
  const byCredit = index.credit(credit);
  const byStock = index.stock(stock);
  const describe = (id: string) => `${index.nameOf(id)} (${id})`;
  if (byCredit !== undefined && byStock !== undefined && byCredit !== byStock) {
    return {
      id: undefined,
      rejection: {
        field: 'creditCode',
        reason: `credit code ${credit} belongs to ${describe(byCredit)} but stock code ${stock} to ${describe(byStock)}`,
      },
    };
  }
  const byCode = byCredit ?? byStock;
  if (byCode !== undefined) {
    const known = index.current.get(byCode)?.props.creditCode;
    if (credit !== undefined && known !== undefined && known !== credit) {
      return {
        id: undefined,
        rejection: {
          field: 'creditCode',
          reason: `stock code ${stock} belongs to ${describe(byCode)}, whose credit code is ${known}, not ${credit}`,
        },
      };
    }
    return { id: byCode };
  }
  const sameName = index.key(row.nameKey);
  const compatible = sameName.filter((id) => {
    const p = index.current.get(id)?.props;
    return (
      (credit === undefined || p?.creditCode === undefined) &&
      (stock === undefined || p?.stockCode === undefined)
    );
  });
  if (compatible.length === 1) return { id: compatible[0] };
  if (compatible.length > 1) {
    return {
      id: undefined,
      rejection: {
        field: row.row.fullName === undefined ? 'name' : 'fullName',
        reason: `the name matches ${compatible.length} firms (${compatible.map(describe).join(', ')}): add a credit or stock code`,
      },
    };
  }
  if (sameName.length > 0) {
    return { id: undefined, review: 'same name as a firm with another credit or stock code: kept apart' };
  }
  return { id: undefined };
}

/** Properties written as they are; the dates go through Cypher's date(). */
const writtenKeys = [
  ...factKeys.filter((k) => k !== 'listDate' && k !== 'foundedDate'),
  'source',
  'nameKey',
  'nameCore',
  'searchText',
  'nameTokens',
] as const;

function toWrite(initial: EnterpriseState | undefined, state: EnterpriseState): EnterpriseWrite {
  const { asOf, listDate, foundedDate, ...rest } = state.props;
  const props: EnterpriseWrite['props'] = {};
  for (const key of writtenKeys) {
    const value = rest[key];
    // A new node has nothing to remove: absent values are left out rather than written as null.
    if (value !== undefined) props[key] = value;
    else if (initial !== undefined) props[key] = null;
  }
  const moved = (initial?.located?.code ?? null) !== (state.located?.code ?? null);
  return {
    id: state.id,
    props,
    asOf,
    listDate: listDate ?? null,
    foundedDate: foundedDate ?? null,
    links: state.links.filter((l) => !initial?.links.some((b) => sameLink(b, l))),
    district: {
      move: moved,
      code: state.located?.code ?? null,
      evidence: state.props.address ?? state.props.divisionCode ?? '',
      confidence: state.props.divisionCode === state.located?.code ? 1 : 0.9,
    },
  };
}

/**
 * Decides, for a batch of rows, which firm each row is (credit code, then stock code, then normalised name),
 * what the firm looks like afterwards and whether that is new, changed or the same. Rows of one batch see
 * each other's firms, so a firm twice in a file is one firm.
 */
export function planBatch(
  rows: readonly PreparedRow[],
  found: FoundEnterprises,
  ctx: PlanContext,
): BatchPlan {
  const index = new BatchIndex(found);
  const results: RowResult[] = [];
  const rejected: Rejection[] = [];
  const review: ReviewItem[] = [];
  const dirty = new Set<string>();

  for (const row of rows) {
    const resolution = resolve(row, index);
    if (resolution.rejection !== undefined) {
      rejected.push({ line: row.line, ...resolution.rejection });
      continue;
    }
    const candidate = resolution.id ?? newEnterpriseId(row);
    const before = index.current.get(candidate);
    if (!index.initial.has(candidate)) index.initial.set(candidate, before);
    const after = mergeEnterprise(candidate, before, row, ctx);
    const outcome: RowOutcome =
      before === undefined ? 'created' : differs(before, after) ? 'updated' : 'unchanged';
    if (outcome !== 'unchanged') dirty.add(candidate);
    index.put(after);
    results.push({
      line: row.line,
      id: candidate,
      outcome,
      placed: after.links.length > 0,
      located: after.located !== undefined,
    });

    const similar = index
      .core(row.nameCore)
      .filter(
        ([id, , key]) =>
          id !== candidate && key !== row.nameKey && (key === row.nameCore || row.nameKey === row.nameCore),
      )
      .slice(0, MAX_SIMILAR)
      .map(([id, name]) => ({ id, name }));
    if (resolution.review !== undefined || similar.length > 0) {
      const sameName = index
        .key(row.nameKey)
        .filter((id) => id !== candidate)
        .map((id) => ({ id, name: index.nameOf(id) }));
      review.push({
        line: row.line,
        id: candidate,
        name: after.props.fullName,
        reason:
          resolution.review ??
          'similar name once region words are set aside: check whether it is the same firm',
        similar: [...sameName, ...similar].slice(0, MAX_SIMILAR),
      });
    }
  }

  const after = [...dirty].flatMap((id) => {
    const state = index.current.get(id);
    return state === undefined ? [] : [state];
  });
  const writes = after.map((state) => toWrite(index.initial.get(state.id), state));
  return { results, rejected, review, writes, after };
}
