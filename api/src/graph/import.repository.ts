import { z } from 'zod';
import { recordChange } from './audit.ts';
import { type Database, type QueryParams, text } from './database.ts';
import { bumpGraphVersion } from './graph-version.ts';

/** An IN_LINK to write. */
export interface LinkWrite {
  linkId: string;
  confidence: number;
  evidence: string;
  source: string;
  asOf: string;
}

type PropValue = string | number | boolean | string[] | null;

/** One enterprise to create or update: all its import-managed properties (null removes one). */
export interface EnterpriseWrite {
  id: string;
  props: Record<string, PropValue>;
  asOf: string;
  listDate: string | null;
  foundedDate: string | null;
  /** IN_LINKs that are new or whose values this import changed; others are left alone. */
  links: LinkWrite[];
  /** When `move` is set, the firm's LOCATED_IN is replaced by one to `code` (or removed when null). */
  district: { move: boolean; code: string | null; evidence: string; confidence: number };
}

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const optionalText = optional(z.string());
const optionalNumber = optional(z.number());

/** An enterprise node as read back; seed nodes lack the keys only imports set. */
export const storedEnterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: optionalText,
  aliases: optional(z.array(z.string())),
  nameEn: optionalText,
  creditCode: optionalText,
  stockCode: optionalText,
  exchange: optionalText,
  board: optionalText,
  listed: optional(z.boolean()),
  province: optionalText,
  city: optionalText,
  districtCode: optionalText,
  divisionCode: optionalText,
  address: optionalText,
  industry: optionalText,
  csrcIndustry: optionalText,
  swIndustry: optionalText,
  mainProducts: optional(z.array(z.string())),
  listDate: optionalText,
  foundedDate: optionalText,
  registeredCapital: optionalNumber,
  totalShares: optionalNumber,
  floatShares: optionalNumber,
  website: optionalText,
  sources: optional(z.array(z.string())),
  source: optionalText,
  asOf: optionalText,
  nameKey: optionalText,
  nameCore: optionalText,
  searchText: optionalText,
  nameTokens: optionalText,
  links: z.array(
    z.object({
      linkId: z.string(),
      confidence: optionalNumber,
      evidence: optionalText,
      source: optionalText,
      asOf: optionalText,
    }),
  ),
  located: optional(z.object({ code: z.string(), source: optionalText })),
});
export type StoredEnterprise = z.output<typeof storedEnterpriseSchema>;

const similarSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameKey: z.string(),
  nameCore: z.string(),
});
export type SimilarEnterprise = z.infer<typeof similarSchema>;

const supplyEndSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: optionalText,
  stockCode: optionalText,
  nameKey: optionalText,
});
export type SupplyEndRecord = z.output<typeof supplyEndSchema>;

const storedSupplySchema = z.object({
  from: z.string(),
  to: z.string(),
  product: z.string(),
  confidence: z.number(),
  sources: z.array(z.string()),
  asOf: z.string(),
});
export type StoredSupplyRecord = z.infer<typeof storedSupplySchema>;

/** A SUPPLIES edge to create or update, identified by supplier, buyer and product. */
export interface SupplyWriteRow {
  from: string;
  to: string;
  product: string;
  confidence: number;
  sources: string[];
  source: string;
  asOf: string;
}

const storedDistrictSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: optionalText,
  leadIndustry: optionalText,
  kind: z.string(),
  priorities: z.array(z.string()),
  sources: z.array(z.string()),
});
export type StoredDistrict = z.output<typeof storedDistrictSchema>;

/** A district profile to write; `priorities` replaces the PRIORITIZES edges when given. */
export interface DistrictWriteRow {
  code: string;
  props: Record<string, string | string[] | null>;
  priorities: { chainId: string; rank: number }[] | null;
}

const unkeyedSchema = z.object({ id: z.string(), name: z.string(), fullName: optionalText });
export type UnkeyedEnterprise = z.infer<typeof unkeyedSchema>;

export interface EnterpriseKeys {
  creditCodes: string[];
  stockCodes: string[];
  nameKeys: string[];
  ids: string[];
  /** Near-duplicate cores: firms sharing one are returned as `similar`. */
  nameCores: string[];
}

const MAX_SIMILAR_PER_CORE = 6;

// Date properties come back as text; the rest of the node as stored.
const enterpriseProjection = `e {.*, asOf: toString(e.asOf), listDate: toString(e.listDate),
  foundedDate: toString(e.foundedDate),
  links: COLLECT { MATCH (e)-[r:IN_LINK]->(l:Link)
    RETURN {linkId: l.id, confidence: r.confidence, evidence: r.evidence, source: r.source, asOf: toString(r.asOf)} },
  located: head(COLLECT { MATCH (e)-[r:LOCATED_IN]->(d:District) RETURN {code: d.code, source: r.source} })}`;

const importedRowSchema = z.object({ kind: z.string(), file: z.string(), actor: z.string() });

export interface ImportRecord {
  id: string;
  kind: string;
  file: string;
  source: string;
  preset: string | null;
  format: string;
  via: 'cli' | 'http';
  asOf: string;
  /** Who ran it, for the audit trail. */
  actor: string;
}

export interface ImportCounts {
  rows: number;
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unplaced: number;
}

/** Reads and writes for imports: each call is one query or one write transaction, batched by the caller. */
export function createImportRepository(db: Database) {
  return {
    /** Link ids and names, for files that name links; district codes, for LOCATED_IN. */
    async readCatalog(): Promise<{ links: { id: string; name: string }[]; districtCodes: string[] }> {
      const links = await db.read(
        // Retired links take no new enterprises.
        'MATCH (:Chain)-[:HAS_LINK]->(l:Link) WHERE l.validTo IS NULL RETURN l.id AS id, l.name AS name ORDER BY id',
        {},
        (r) => ({ id: text(r, 'id'), name: text(r, 'name') }),
      );
      const districtCodes = await db.read('MATCH (d:District) RETURN d.code AS code ORDER BY code', {}, (r) =>
        text(r, 'code'),
      );
      return { links, districtCodes };
    },

    /** Enterprises written before name keys existed (the seed's), to key them once. */
    findUnkeyedEnterprises(): Promise<UnkeyedEnterprise[]> {
      return db.read(
        'MATCH (e:Enterprise) WHERE e.nameKey IS NULL RETURN e {.id, .name, .fullName} AS row ORDER BY e.id',
        {},
        (r) => unkeyedSchema.parse(r.get('row')),
      );
    },

    async writeNameKeys(rows: { id: string; nameKey: string; nameCore: string }[]): Promise<void> {
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (e:Enterprise {id: row.id})
           SET e.nameKey = row.nameKey, e.nameCore = row.nameCore`,
          { rows },
        );
      }, 'import-name-keys');
    },

    /** Firms any of the keys identify, with their links and district; and firms sharing a near-duplicate core. */
    async findEnterprises(keys: EnterpriseKeys): Promise<{
      enterprises: StoredEnterprise[];
      similar: SimilarEnterprise[];
    }> {
      const params: QueryParams = { ...keys };
      const enterprises = await db.read(
        `CALL () {
           UNWIND $creditCodes AS k MATCH (e:Enterprise {creditCode: k}) RETURN e
           UNION
           UNWIND $stockCodes AS k MATCH (e:Enterprise {stockCode: k}) RETURN e
           UNION
           UNWIND $nameKeys AS k MATCH (e:Enterprise {nameKey: k}) RETURN e
           UNION
           UNWIND $ids AS k MATCH (e:Enterprise {id: k}) RETURN e
         }
         RETURN ${enterpriseProjection} AS row`,
        params,
        (r) => storedEnterpriseSchema.parse(r.get('row')),
      );
      const similar =
        keys.nameCores.length === 0
          ? []
          : await db.read(
              `UNWIND $nameCores AS k
               CALL (k) { MATCH (e:Enterprise {nameCore: k}) RETURN e ORDER BY e.id LIMIT ${MAX_SIMILAR_PER_CORE} }
               RETURN e {.id, .name, .nameKey, .nameCore} AS row`,
              params,
              (r) => similarSchema.parse(r.get('row')),
            );
      return { enterprises, similar };
    },

    /**
     * Writes one batch in one transaction: nodes by MERGE on their constrained id, then their links and
     * district. Idempotent, so a retried or repeated batch ends in the same graph.
     */
    async writeEnterprises(rows: EnterpriseWrite[], meta: { source: string; asOf: string }): Promise<void> {
      if (rows.length === 0) return;
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MERGE (e:Enterprise {id: row.id})
           SET e += row.props,
               e.asOf = date(row.asOf),
               e.listDate = CASE WHEN row.listDate IS NULL THEN null ELSE date(row.listDate) END,
               e.foundedDate = CASE WHEN row.foundedDate IS NULL THEN null ELSE date(row.foundedDate) END
           WITH e, row
           CALL (e, row) {
             UNWIND row.links AS link
             MATCH (l:Link {id: link.linkId})
             MERGE (e)-[r:IN_LINK]->(l)
             SET r.confidence = link.confidence, r.evidence = link.evidence, r.source = link.source,
                 r.asOf = date(link.asOf)
           }
           CALL (e, row) {
             WITH e, row WHERE row.district.move
             MATCH (e)-[old:LOCATED_IN]->()
             DELETE old
           }
           CALL (e, row) {
             WITH e, row WHERE row.district.move AND row.district.code IS NOT NULL
             MATCH (d:District {code: row.district.code})
             MERGE (e)-[r:LOCATED_IN]->(d)
             SET r.source = $source, r.asOf = date($asOf), r.evidence = row.district.evidence,
                 r.confidence = row.district.confidence
           }`,
          { rows, source: meta.source, asOf: meta.asOf },
        );
        await bumpGraphVersion(tx);
      }, 'import-enterprises');
    },

    /** Enterprises the ends of supply rows name, by credit code, stock code, name key or id. */
    findSupplyEnds(keys: Omit<EnterpriseKeys, 'nameCores'>): Promise<SupplyEndRecord[]> {
      return db.read(
        `CALL () {
           UNWIND $creditCodes AS k MATCH (e:Enterprise {creditCode: k}) RETURN e
           UNION
           UNWIND $stockCodes AS k MATCH (e:Enterprise {stockCode: k}) RETURN e
           UNION
           UNWIND $nameKeys AS k MATCH (e:Enterprise {nameKey: k}) RETURN e
           UNION
           UNWIND $ids AS k MATCH (e:Enterprise {id: k}) RETURN e
         }
         RETURN e {.id, .name, .creditCode, .stockCode, .nameKey} AS row`,
        { ...keys },
        (r) => supplyEndSchema.parse(r.get('row')),
      );
    },

    findSupplies(edges: { from: string; to: string; product: string }[]): Promise<StoredSupplyRecord[]> {
      return db.read(
        `UNWIND $edges AS edge
         MATCH (a:Enterprise {id: edge.from})-[s:SUPPLIES {product: edge.product}]->(b:Enterprise {id: edge.to})
         RETURN {from: a.id, to: b.id, product: s.product, confidence: s.confidence,
                 sources: coalesce(s.sources, CASE WHEN s.source IS NULL THEN [] ELSE [s.source] END),
                 asOf: coalesce(toString(s.asOf), '')} AS row`,
        { edges },
        (r) => storedSupplySchema.parse(r.get('row')),
      );
    },

    async writeSupplies(rows: SupplyWriteRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:Enterprise {id: row.from}), (b:Enterprise {id: row.to})
           MERGE (a)-[s:SUPPLIES {product: row.product}]->(b)
           SET s.confidence = row.confidence, s.sources = row.sources, s.source = row.source, s.asOf = date(row.asOf)`,
          { rows },
        );
        await bumpGraphVersion(tx);
      }, 'import-supplies');
    },

    readChains(): Promise<{ id: string; name: string }[]> {
      return db.read('MATCH (c:Chain) RETURN c.id AS id, c.name AS name ORDER BY id', {}, (r) => ({
        id: text(r, 'id'),
        name: text(r, 'name'),
      }));
    },

    findDistricts(codes: string[]): Promise<StoredDistrict[]> {
      return db.read(
        `UNWIND $codes AS code
         MATCH (d:District {code: code})
         RETURN d {.code, .name, .nameEn, .leadIndustry, kind: coalesce(d.kind, 'district'),
                   priorities: COLLECT { MATCH (d)-[p:PRIORITIZES]->(c:Chain) WITH p, c ORDER BY p.rank, c.id RETURN c.id },
                   sources: coalesce(d.sources, CASE WHEN d.source IS NULL THEN [] ELSE [d.source] END)} AS row`,
        { codes },
        (r) => storedDistrictSchema.parse(r.get('row')),
      );
    },

    async writeDistricts(rows: DistrictWriteRow[], meta: { source: string; asOf: string }): Promise<void> {
      if (rows.length === 0) return;
      await db.writeTransaction(async (tx) => {
        await tx.run(
          `UNWIND $rows AS row
           MERGE (d:District {code: row.code})
           SET d += row.props, d.asOf = date($asOf)
           WITH d, row
           CALL (d, row) {
             WITH d, row WHERE row.priorities IS NOT NULL
             MATCH (d)-[old:PRIORITIZES]->(:Chain)
             DELETE old
           }
           CALL (d, row) {
             UNWIND coalesce(row.priorities, []) AS p
             MATCH (c:Chain {id: p.chainId})
             MERGE (d)-[r:PRIORITIZES]->(c)
             SET r.rank = p.rank, r.source = $source, r.asOf = date($asOf)
           }`,
          { rows, source: meta.source, asOf: meta.asOf },
        );
        await bumpGraphVersion(tx);
      }, 'import-districts');
    },

    /** Records an import as it starts, so one killed midway is still on record. */
    async startImport(record: ImportRecord): Promise<void> {
      await db.write(
        `CREATE (i:Import {id: $id, kind: $kind, file: $file, source: $source, preset: $preset, format: $format,
                           via: $via, asOf: date($asOf), at: datetime(), status: 'running', actor: $actor})`,
        { ...record },
        () => null,
      );
    },

    async finishImport(
      id: string,
      outcome: {
        status: 'done' | 'failed';
        counts: ImportCounts;
        encoding: string | null;
        error: string | null;
      },
    ): Promise<void> {
      await db.writeTransaction(async (tx) => {
        const result = await tx.run(
          `MATCH (i:Import {id: $id})
           SET i.status = $status, i.finishedAt = datetime(), i.encoding = $encoding, i.error = $error,
               i.counts = $countsJson, i += $counts
           RETURN {kind: i.kind, file: i.file, actor: coalesce(i.actor, 'system')} AS row`,
          {
            id,
            status: outcome.status,
            encoding: outcome.encoding,
            error: outcome.error,
            // Node properties cannot hold maps: the counts are kept as JSON text and as plain numbers.
            countsJson: JSON.stringify(outcome.counts),
            counts: outcome.counts,
          },
        );
        const record = result.records.map((r) => importedRowSchema.parse(r.get('row')))[0];
        if (!record) return;
        // The rows themselves are too many to keep twice: the trail names the file and what it changed.
        await recordChange(tx, {
          actor: record.actor,
          action: 'import',
          entityType: 'Import',
          entityId: id,
          before: null,
          after: { kind: record.kind, file: record.file, status: outcome.status, counts: outcome.counts },
          summary: `Imported ${record.kind} from ${record.file}: ${outcome.status}`,
        });
      }, 'finish-import');
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
