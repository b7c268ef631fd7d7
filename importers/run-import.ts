import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Classification } from '../api/src/domain/classify/link-classifier.ts';
import { ValidationError } from '../api/src/domain/errors.ts';
import { searchTokens } from '../api/src/domain/text/segment.ts';
import type { Database } from '../api/src/graph/database.ts';
import { createImportRepository, type ImportRepository } from '../api/src/graph/import.repository.ts';
import {
  type KeywordMatch,
  loadMappingTables,
  type MappingTables,
} from '../graph-seeds/derive/mapping-tables.ts';
import { chainFields, chainRequired } from './chains/chain-fields.ts';
import { importChains } from './chains/import-chains.ts';
import { districtFields, districtRequired } from './districts/district-fields.ts';
import { districtRowSchema } from './districts/district-row.ts';
import { type DistrictState, planDistricts } from './districts/plan-districts.ts';
import { enterpriseFields, enterpriseRequired } from './enterprises/enterprise-fields.ts';
import { enterpriseRowSchema, type LinkCatalog } from './enterprises/enterprise-row.ts';
import type { EnterpriseState } from './enterprises/enterprise-state.ts';
import { nameCoreOf, nameKeyOf } from './enterprises/name-keys.ts';
import {
  type FoundEnterprises,
  planBatch,
  type Rejection,
  toEnterpriseState,
} from './enterprises/plan-batch.ts';
import { type PreparedRow, prepareRow } from './enterprises/prepare-row.ts';
import { seedClassifier } from './enterprises/seed-classifier.ts';
import { countsOf, type ImportProgress, type ImportSummary } from './import-summary.ts';
import {
  type ColumnMapping,
  ColumnMappingError,
  type ColumnRule,
  type FieldSpec,
  mapColumns,
  pickFields,
  synonymRule,
} from './mapping/column-mapping.ts';
import { type MappingFile, MappingFileError, mappingRule } from './mapping/mapping-file.ts';
import { type ImportKind, type PresetName, presets } from './mapping/presets.ts';
import { importProjects } from './projects/import-projects.ts';
import { projectFields, projectRequired } from './projects/project-fields.ts';
import { TextDecodingError } from './read/decode-text.ts';
import { detectFormat, type ImportInput, openRecordSource } from './read/open-source.ts';
import { type FileFormat, FileReadError, type RecordSource } from './read/record-source.ts';
import { planSupplies, type SupplyWrite } from './supplies/plan-supplies.ts';
import { supplyFields, supplyRequired } from './supplies/supply-fields.ts';
import { type EnterpriseRef, type SupplyRow, supplyRowSchema } from './supplies/supply-row.ts';

export interface ImportRequest {
  kind: ImportKind;
  input: ImportInput;
  format?: FileFormat;
  preset?: PresetName;
  mapping?: MappingFile;
  /** The mapping file's name, for messages. */
  mappingName?: string;
  /** Provenance label for every fact written; the mapping file's, else the file name. */
  source?: string;
  /** Date the file describes; the mapping file's, else today. */
  asOf?: string;
  dryRun: boolean;
  via: 'cli' | 'http';
  /** Who runs it, for the audit trail; `system` when left out (the CLI). */
  actor?: string;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 2_000;
/** The summary lists this many review items; the total says how many there were. */
const MAX_REVIEW_ITEMS = 1_000;

let mappingTables: MappingTables | undefined;
const tables = () => {
  mappingTables ??= loadMappingTables();
  return mappingTables;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Problems with the file or the command, as opposed to problems of single rows. */
function asSetupError(error: unknown): unknown {
  if (error instanceof ColumnMappingError) {
    return new ValidationError(error.message, [
      { path: 'file.columns', message: `missing ${error.missing.join(', ')}` },
    ]);
  }
  if (error instanceof MappingFileError)
    return new ValidationError(error.message, [{ path: 'mapping', message: error.message }]);
  if (error instanceof FileReadError || error instanceof TextDecodingError) {
    return new ValidationError(error.message, [{ path: 'file', message: error.message }]);
  }
  return error;
}

interface KindSetup {
  fields: readonly FieldSpec[];
  required: readonly (readonly string[])[];
}

const kinds: Record<ImportKind, KindSetup> = {
  enterprises: { fields: enterpriseFields, required: enterpriseRequired },
  supplies: { fields: supplyFields, required: supplyRequired },
  districts: { fields: districtFields, required: districtRequired },
  projects: { fields: projectFields, required: projectRequired },
  chains: { fields: chainFields, required: chainRequired },
};

function columnRule(request: ImportRequest, setup: KindSetup): ColumnRule {
  if (request.preset !== undefined) {
    const rule = presets[request.preset].rules[request.kind];
    if (rule === undefined) {
      throw new ValidationError(`Preset "${request.preset}" has no layout for ${request.kind}`, [
        { path: 'preset', message: `not available for ${request.kind}` },
      ]);
    }
    return rule;
  }
  if (request.mapping !== undefined) {
    return mappingRule(
      request.mapping,
      request.kind,
      setup.fields,
      setup.required,
      request.mappingName ?? 'mapping file',
    );
  }
  return synonymRule(setup.fields, setup.required);
}

/** The file's name for a field: its mapped column header, else the field's own label. */
function headerNamer(source: RecordSource, mapping: ColumnMapping, fields: readonly FieldSpec[]) {
  return (field: string): string => {
    const index = mapping.get(field);
    const header = index === undefined ? undefined : source.headers[index];
    return header ?? fields.find((f) => f.field === field)?.label ?? field;
  };
}

/** Runs one import: read, validate and resolve every row, write in batches (unless a dry run), and sum up. */
export async function runImport(db: Database, request: ImportRequest): Promise<ImportSummary> {
  const started = performance.now();
  const repo = createImportRepository(db);
  const setup = kinds[request.kind];

  let source: RecordSource;
  let mapping: ColumnMapping;
  let format: FileFormat;
  try {
    const preset = request.preset === undefined ? undefined : presets[request.preset];
    format =
      request.format ?? request.mapping?.format ?? preset?.format ?? (await detectFormat(request.input));
    source = await openRecordSource(request.input, {
      format,
      ...(request.mapping?.sheet === undefined ? {} : { sheet: request.mapping.sheet }),
      ...(preset?.yamlTable?.[request.kind] === undefined
        ? {}
        : { yamlTable: preset.yamlTable[request.kind] }),
    });
  } catch (error) {
    throw asSetupError(error);
  }
  try {
    mapping = mapColumns(source.headers, columnRule(request, setup), setup.fields, request.input.name);
  } catch (error) {
    // Nothing will be read: let go of the file.
    await source.records[Symbol.asyncIterator]().return?.(undefined);
    throw asSetupError(error);
  }

  const label = request.source ?? request.mapping?.source ?? request.input.name;
  const asOf = request.asOf ?? request.mapping?.asOf ?? today();
  const summary: ImportSummary = {
    importId: request.dryRun ? null : randomUUID(),
    kind: request.kind,
    file: request.input.name,
    format,
    encoding: null,
    preset: request.preset ?? null,
    source: label,
    asOf,
    dryRun: request.dryRun,
    rows: 0,
    accepted: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    unplaced: 0,
    located: 0,
    rejectedRows: 0,
    rejected: [],
    review: [],
    reviewTotal: 0,
    seconds: 0,
  };
  if (summary.importId !== null) {
    await repo.startImport({
      id: summary.importId,
      kind: request.kind,
      file: summary.file,
      source: label,
      preset: summary.preset,
      format,
      via: request.via,
      asOf,
      actor: request.actor ?? 'system',
    });
  }
  try {
    const ctx = rowContext(repo, request, source, mapping, summary);
    const importers = {
      enterprises: importEnterprises,
      supplies: importSupplies,
      districts: importDistricts,
      projects: (c: RowContext) => importProjects(db, c, (options) => processRows(c, options)),
      chains: (c: RowContext) => importChains(db, c, (options) => processRows(c, options)),
    };
    await importers[request.kind](ctx);
  } catch (error) {
    summary.encoding = source.encoding() ?? null;
    if (summary.importId !== null) {
      await repo.finishImport(summary.importId, {
        status: 'failed',
        counts: countsOf(summary),
        encoding: summary.encoding,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    throw asSetupError(error);
  }
  summary.encoding = source.encoding() ?? null;
  summary.seconds = Math.round(performance.now() - started) / 1000;
  if (summary.importId !== null) {
    await repo.finishImport(summary.importId, {
      status: 'done',
      counts: countsOf(summary),
      encoding: summary.encoding,
      error: null,
    });
  }
  return summary;
}

/** Name keys for firms written without them; on a dry run they are kept in memory instead of written. */
async function keyUnkeyedEnterprises(repo: ImportRepository, dryRun: boolean) {
  const unkeyed = (await repo.findUnkeyedEnterprises()).map((e) => {
    const nameKey = nameKeyOf(e.fullName, e.name);
    return { id: e.id, name: e.name, nameKey, nameCore: nameCoreOf(nameKey) };
  });
  const byKey = new Map<string, string[]>();
  const byCore = new Map<string, typeof unkeyed>();
  const keyOfId = new Map<string, string>();
  if (!dryRun) {
    for (let i = 0; i < unkeyed.length; i += DEFAULT_BATCH_SIZE) {
      await repo.writeNameKeys(unkeyed.slice(i, i + DEFAULT_BATCH_SIZE));
    }
    return { byKey, byCore, keyOfId };
  }
  for (const e of unkeyed) {
    byKey.set(e.nameKey, [...(byKey.get(e.nameKey) ?? []), e.id]);
    byCore.set(e.nameCore, [...(byCore.get(e.nameCore) ?? []), e]);
    keyOfId.set(e.id, e.nameKey);
  }
  return { byKey, byCore, keyOfId };
}

/** What every kind's import shares: rejections named by the file's columns, progress, the row pipeline. */
interface RowContext {
  repo: ImportRepository;
  request: ImportRequest;
  source: RecordSource;
  mapping: ColumnMapping;
  summary: ImportSummary;
  reject: (r: Rejection) => void;
  progress: (written: number) => void;
}

function rowContext(
  repo: ImportRepository,
  request: ImportRequest,
  source: RecordSource,
  mapping: ColumnMapping,
  summary: ImportSummary,
): RowContext {
  const headerOf = headerNamer(source, mapping, kinds[request.kind].fields);
  const rejectedLines = new Set<number>();
  let written = 0;
  return {
    repo,
    request,
    source,
    mapping,
    summary,
    reject(r) {
      summary.rejected.push({ ...r, field: r.field === '(row)' ? r.field : headerOf(r.field) });
      rejectedLines.add(r.line);
      summary.rejectedRows = rejectedLines.size;
    },
    progress(count) {
      written += count;
      request.onProgress?.({
        rows: summary.rows,
        accepted: summary.accepted,
        rejectedRows: summary.rejectedRows,
        written,
      });
    },
  };
}

/**
 * Reads the file's rows, checks each with the kind's schema and hands them on in batches, in file order.
 * Three batches are in flight: while one is planned and written, the graph is read for the next (`lookup`) and
 * the one after is read from the file and checked. A lookup runs before the batch ahead of it is written, so
 * `apply` must lay what that batch wrote over what its lookup found.
 */
async function processRows<Parsed, Item, Found>(
  ctx: RowContext,
  options: {
    schema: z.ZodType<Parsed>;
    prepare: (line: number, row: Parsed) => Item;
    lookup: (items: Item[]) => Promise<Found>;
    apply: (items: Item[], found: Found) => Promise<void>;
  },
): Promise<void> {
  const { request, source, mapping, summary, reject } = ctx;
  const preset = request.preset === undefined ? undefined : presets[request.preset];
  const requiredValues = preset?.requiredValues?.[request.kind] ?? [];
  const batchSize = request.batchSize ?? DEFAULT_BATCH_SIZE;

  async function* preparedBatches(): AsyncGenerator<Item[]> {
    let batch: Item[] = [];
    for await (const record of source.records) {
      summary.rows++;
      if (record.problem !== undefined) {
        reject({ line: record.line, field: '(row)', reason: record.problem });
        continue;
      }
      const picked = pickFields(record.cells, mapping);
      const fields = preset?.adjust === undefined ? picked : preset.adjust(picked);
      const empty = requiredValues.filter((f) => fields[f] === undefined);
      if (empty.length > 0) {
        for (const field of empty) reject({ line: record.line, field, reason: 'is empty' });
        continue;
      }
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          reject({ line: record.line, field: String(issue.path[0] ?? '(row)'), reason: issue.message });
        }
        continue;
      }
      batch.push(options.prepare(record.line, parsed.data));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  const batches = preparedBatches();
  // Promises started ahead of their await are marked handled; their errors surface where they are awaited.
  const pull = () => {
    const promise = batches.next();
    promise.catch(() => {});
    return promise;
  };
  const lookUp = (items: Item[]) => {
    const promise = options.lookup(items);
    promise.catch(() => {});
    return promise;
  };
  try {
    let current = await pull();
    let found = current.done ? undefined : lookUp(current.value);
    let following = pull();
    while (!current.done && found !== undefined) {
      const items = current.value;
      const itemsFound = await found;
      const after = await following;
      if (!after.done) {
        found = lookUp(after.value);
        following = pull();
      }
      await options.apply(items, itemsFound);
      current = after;
    }
  } finally {
    // Closes the file when a write failed with rows still unread.
    batches.return(undefined).catch(() => {});
  }
  summary.rejected.sort((a, b) => a.line - b.line);
}

/** Distinct texts per run that keep their classification; files repeat product lists and classes a lot. */
const CLASSIFY_CACHE_SIZE = 100_000;

/** The seed-trained classifier, answering only with links the current map still has, each text classified once. */
function cachedClassifier(currentLinks: ReadonlySet<string>): (text: string) => Classification | undefined {
  const classifier = seedClassifier();
  const cache = new Map<string, Classification | undefined>();
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    const found = classifier.classify(text);
    const result = found && currentLinks.has(found.linkId) ? found : undefined;
    if (cache.size < CLASSIFY_CACHE_SIZE) cache.set(text, result);
    return result;
  };
}

async function importEnterprises(ctx: RowContext): Promise<void> {
  const { repo, request, summary } = ctx;
  const catalog = await repo.readCatalog();
  const idsByName = new Map<string, string[]>();
  for (const link of catalog.links) idsByName.set(link.name, [...(idsByName.get(link.name) ?? []), link.id]);
  const links: LinkCatalog = { ids: new Set(catalog.links.map((l) => l.id)), idsByName };
  const keywordCache = new Map<string, KeywordMatch | undefined>();
  const prepareContext = {
    tables: tables(),
    districtCodes: new Set(catalog.districtCodes),
    keywordCache,
    tokens: searchTokens,
    classify: cachedClassifier(links.ids),
  };
  const planContext = { source: summary.source, asOf: summary.asOf, tables: tables(), tokens: searchTokens };
  const unkeyed = await keyUnkeyedEnterprises(repo, request.dryRun);

  // The firms the batch before wrote, laid over what the next batch's lookup (made before that write) found.
  let carried: EnterpriseState[] = [];
  await processRows(ctx, {
    schema: enterpriseRowSchema(links),
    prepare: (line, row) => prepareRow(line, row, prepareContext),
    lookup: (rows: PreparedRow[]) => {
      const nameKeys = [...new Set(rows.map((r) => r.nameKey))];
      return repo.findEnterprises({
        creditCodes: [
          ...new Set(rows.flatMap((r) => (r.row.creditCode === undefined ? [] : [r.row.creditCode]))),
        ],
        stockCodes: [...new Set(rows.flatMap((r) => (r.stock === undefined ? [] : [r.stock.code])))],
        nameKeys,
        ids: [...new Set(nameKeys.flatMap((k) => unkeyed.byKey.get(k) ?? []))],
        nameCores: [...new Set(rows.map((r) => r.nameCore))],
      });
    },
    async apply(rows, found) {
      const states = new Map(found.enterprises.map((e) => [e.id, toEnterpriseState(e)]));
      for (const state of carried) states.set(state.id, state);
      const nameCores = [...new Set(rows.map((r) => r.nameCore))];
      const similar = [
        ...found.similar,
        ...nameCores.flatMap((c) => unkeyed.byCore.get(c) ?? []),
        ...carried.map((s) => ({
          id: s.id,
          name: s.props.name,
          nameKey: s.props.nameKey,
          nameCore: s.props.nameCore,
        })),
      ];
      const existing: FoundEnterprises = { enterprises: [...states.values()], similar };
      const plan = planBatch(rows, existing, planContext);
      for (const r of plan.rejected) ctx.reject(r);
      for (const result of plan.results) {
        summary.accepted++;
        summary[result.outcome]++;
        if (!result.placed) summary.unplaced++;
        if (result.located) summary.located++;
      }
      summary.reviewTotal += plan.review.length;
      summary.review.push(...plan.review.slice(0, MAX_REVIEW_ITEMS - summary.review.length));
      if (!request.dryRun)
        await repo.writeEnterprises(plan.writes, { source: summary.source, asOf: summary.asOf });
      carried = plan.after;
      ctx.progress(plan.writes.length);
    },
  });
}

async function importSupplies(ctx: RowContext): Promise<void> {
  const { repo, request, summary } = ctx;
  const unkeyed = await keyUnkeyedEnterprises(repo, request.dryRun);
  const refs = (rows: { row: SupplyRow }[], kind: EnterpriseRef['kind']) => [
    ...new Set(
      rows.flatMap(({ row }) => [row.from, row.to]).flatMap((ref) => (ref.kind === kind ? [ref.value] : [])),
    ),
  ];
  let carried: SupplyWrite[] = [];
  await processRows(ctx, {
    schema: supplyRowSchema,
    prepare: (line, row) => ({ line, row }),
    async lookup(rows) {
      const nameKeys = refs(rows, 'nameKey');
      const ends = await repo.findSupplyEnds({
        creditCodes: refs(rows, 'creditCode'),
        stockCodes: refs(rows, 'stockCode'),
        nameKeys,
        ids: [...new Set(nameKeys.flatMap((k) => unkeyed.byKey.get(k) ?? []))],
      });
      // Firms keyed only in memory (a dry run over an unkeyed seed) are matched by their computed key.
      const keyed = ends.map((e) => ({ ...e, nameKey: e.nameKey ?? unkeyed.keyOfId.get(e.id) }));
      const ids = new Map<string, string[]>();
      for (const e of keyed) {
        for (const key of [
          `creditCode:${e.creditCode}`,
          `stockCode:${e.stockCode}`,
          `nameKey:${e.nameKey}`,
        ]) {
          ids.set(key, [...(ids.get(key) ?? []), e.id]);
        }
      }
      const idsOf = (ref: EnterpriseRef) => ids.get(`${ref.kind}:${ref.value}`) ?? [];
      // Only the edges rows could mean are looked up: each row's possible suppliers times its possible buyers.
      const candidates = rows.flatMap(({ row }) =>
        idsOf(row.from).flatMap((from) => idsOf(row.to).map((to) => ({ from, to, product: row.product }))),
      );
      const existing = candidates.length === 0 ? [] : await repo.findSupplies(candidates);
      return { ends: keyed, existing };
    },
    async apply(rows, { ends, existing }) {
      const key = (s: { from: string; to: string; product: string }) =>
        `${s.from}\u0000${s.to}\u0000${s.product}`;
      const edges = new Map(existing.map((s) => [key(s), s]));
      for (const { source: _joined, ...edge } of carried) edges.set(key(edge), edge);
      const plan = planSupplies(rows, ends, [...edges.values()], {
        source: summary.source,
        asOf: summary.asOf,
      });
      for (const r of plan.rejected) ctx.reject(r);
      for (const result of plan.results) {
        summary.accepted++;
        summary[result.outcome]++;
      }
      if (!request.dryRun) await repo.writeSupplies(plan.writes);
      carried = plan.writes;
      ctx.progress(plan.writes.length);
    },
  });
}

async function importDistricts(ctx: RowContext): Promise<void> {
  const { repo, request, summary } = ctx;
  const chains = await repo.readChains();
  const catalog = {
    ids: new Set(chains.map((c) => c.id)),
    idsByName: new Map(chains.map((c) => [c.name, c.id])),
  };
  let carried: DistrictState[] = [];
  await processRows(ctx, {
    schema: districtRowSchema(catalog),
    prepare: (line, row) => ({ line, row }),
    lookup: (rows) => repo.findDistricts([...new Set(rows.map(({ row }) => row.code))]),
    async apply(rows, found) {
      const states = new Map<string, DistrictState>(found.map((d) => [d.code, d]));
      for (const d of carried) states.set(d.code, d);
      const plan = planDistricts(rows, [...states.values()], { source: summary.source });
      for (const r of plan.rejected) ctx.reject(r);
      for (const result of plan.results) {
        summary.accepted++;
        summary[result.outcome]++;
      }
      if (!request.dryRun)
        await repo.writeDistricts(plan.writes, { source: summary.source, asOf: summary.asOf });
      carried = plan.after;
      ctx.progress(plan.writes.length);
    },
  });
}
