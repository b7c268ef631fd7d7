import { z } from 'zod';
import { homeCityName, type Locality } from '../api/src/domain/matcher/locality.ts';
import { createMatcherService } from '../api/src/domain/matcher/matcher.service.ts';
import type { Weights } from '../api/src/domain/matcher/target-scoring.ts';
import type { Database, ManagedTransaction } from '../api/src/graph/database.ts';
import { createMatcherRepository } from '../api/src/graph/matcher.repository.ts';
import { createWeightProfileRepository, toWeightsText } from '../api/src/graph/weight-profile.repository.ts';

/**
 * Back-test of the target ranking: for each buyer with known suppliers, hide its incoming SUPPLIES edges and
 * ask the ranking for targets of the buyer's chain, with the buyer's area standing in for "local". Recall@K is
 * the share of its true suppliers (outside that area) found in the top K. Edges are hidden inside a write
 * transaction that is always rolled back, so the graph never changes, even if the process dies.
 */

/** A `Database` whose every query runs in one open transaction. */
export function transactionDatabase(tx: ManagedTransaction): Database {
  const run: Database['read'] = async (cypher, params, map) =>
    (await tx.run(cypher, params)).records.map(map);
  return {
    name: 'transaction',
    read: run,
    write: run,
    writeTransaction: (work) => work(tx),
    runAutoCommit: () => Promise.reject(new Error('Schema changes cannot run inside a test transaction')),
    serverInfo: () => Promise.reject(new Error('Not available inside a test transaction')),
    close: async () => {},
  };
}

class RollbackSignal extends Error {}

/** Runs `work` in a write transaction and rolls it back, returning what `work` returned. */
export async function withRolledBack<T>(db: Database, work: (txDb: Database) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.writeTransaction(async (tx) => {
      result = { value: await work(transactionDatabase(tx)) };
      throw new RollbackSignal('roll back');
    }, 'rolled-back');
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  if (!result) throw new Error('The rolled-back work did not finish');
  return result.value;
}

/** Whose "local": the city itself (its own buyers), or each buyer's city or province. */
export type AreaField = 'home' | 'city' | 'province';

export interface BuyerResult {
  buyerId: string;
  buyerName: string;
  area: string;
  chainId: string;
  /** True suppliers outside the buyer's area (the ones a ranking could propose). */
  suppliers: number;
  /** Of those, how many are candidates of the chain at all. */
  inPool: number;
  candidates: number;
  hitsAt10: number;
  hitsAt50: number;
}

export interface BacktestSummary {
  field: AreaField;
  buyers: number;
  suppliers: number;
  inPool: number;
  recallAt10: number;
  recallAt50: number;
  /** Expected recall of a random ordering of the same candidate lists. */
  randomAt10: number;
  randomAt50: number;
  macroRecallAt10: number;
  macroRecallAt50: number;
  results: BuyerResult[];
}

const buyerSchema = z.object({
  id: z.string(),
  name: z.string(),
  area: z.string().nullable(),
  chainId: z.string().nullable(),
  suppliers: z.array(z.object({ id: z.string(), sameArea: z.boolean() })),
});

const inHomeCity = (v: string) =>
  `(coalesce(${v}.local, false) OR ${v}.districtCode IS NOT NULL OR coalesce(${v}.city = $homeCity, false))`;

async function buyersWithSuppliers(db: Database, field: AreaField) {
  // The buyer's chain: the chain of its most confident placement (then the smallest link id).
  return db.read(
    `MATCH (b:Enterprise) WHERE EXISTS { (:Enterprise)-[:SUPPLIES]->(b) } AND ($field <> 'home' OR ${inHomeCity('b')})
     RETURN {id: b.id, name: b.name, area: CASE WHEN $field = 'home' THEN $homeCity ELSE b[$field] END,
       chainId: head(COLLECT { MATCH (b)-[r:IN_LINK]->(l:Link) WITH r, l ORDER BY r.confidence DESC, l.id
                               RETURN l.chainId }),
       suppliers: COLLECT { MATCH (s:Enterprise)-[:SUPPLIES]->(b) WITH DISTINCT s ORDER BY s.id
                            RETURN {id: s.id, sameArea: CASE WHEN $field = 'home' THEN ${inHomeCity('s')}
                                                             ELSE coalesce(s[$field] = b[$field], false) END} }} AS row
     ORDER BY b.id`,
    { field, homeCity: homeCityName },
    (r) => buyerSchema.parse(r.get('row')),
  );
}

/** Profile name used inside the rolled-back transaction when the back-test runs with its own weights. */
const backtestProfile = 'backtest-weights';

export async function runBacktest(
  db: Database,
  field: AreaField,
  weights?: Weights,
): Promise<BacktestSummary> {
  const buyers = await buyersWithSuppliers(db, field);
  const results: BuyerResult[] = [];
  for (const buyer of buyers) {
    const area = buyer.area;
    const chainId = buyer.chainId;
    const truth = new Set(buyer.suppliers.filter((s) => !s.sameArea).map((s) => s.id));
    if (!area || !chainId || truth.size === 0) continue;
    const locality: Locality = field === 'home' ? { kind: 'city' } : { kind: 'area', field, value: area };
    const result = await withRolledBack(db, async (txDb) => {
      await txDb.write(
        'MATCH (:Enterprise)-[s:SUPPLIES]->(:Enterprise {id: $id}) DELETE s',
        { id: buyer.id },
        () => 0,
      );
      if (weights) {
        await txDb.write(
          'MERGE (p:WeightProfile {name: $name}) SET p.weights = $weights, p.version = 1, p.updatedAt = datetime()',
          { name: backtestProfile, weights: toWeightsText(weights) },
          () => 0,
        );
      }
      const matcher = createMatcherService(
        createMatcherRepository(txDb),
        createWeightProfileRepository(txDb),
      );
      const page = await matcher.rankTargets(
        {
          chain: chainId,
          page: 1,
          limit: 50,
          profile: weights ? backtestProfile : 'default',
          includeVetoed: false,
        },
        locality,
      );
      const pool = await txDb.read(
        `UNWIND $ids AS id
         MATCH (:Enterprise {id: id})-[:IN_LINK]->(:Link {chainId: $chain})
         RETURN count(DISTINCT id) AS n`,
        { ids: [...truth], chain: chainId },
        (r) => z.number().int().parse(r.get('n')),
      );
      return { ids: page.items.map((t) => t.id), total: page.total, inPool: pool[0] ?? 0 };
    });
    results.push({
      buyerId: buyer.id,
      buyerName: buyer.name,
      area,
      chainId,
      suppliers: truth.size,
      inPool: result.inPool,
      candidates: result.total,
      hitsAt10: result.ids.slice(0, 10).filter((id) => truth.has(id)).length,
      hitsAt50: result.ids.slice(0, 50).filter((id) => truth.has(id)).length,
    });
  }
  return summarise(field, results);
}

export function summarise(field: AreaField, results: BuyerResult[]): BacktestSummary {
  const sum = (f: (r: BuyerResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const suppliers = sum((r) => r.suppliers);
  // A random ordering finds each in-pool supplier in the top K with probability K / candidates.
  const random = (k: number) => sum((r) => (r.candidates > 0 ? r.inPool * Math.min(1, k / r.candidates) : 0));
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    field,
    buyers: results.length,
    suppliers,
    inPool: sum((r) => r.inPool),
    recallAt10: ratio(
      sum((r) => r.hitsAt10),
      suppliers,
    ),
    recallAt50: ratio(
      sum((r) => r.hitsAt50),
      suppliers,
    ),
    randomAt10: ratio(random(10), suppliers),
    randomAt50: ratio(random(50), suppliers),
    macroRecallAt10: ratio(
      sum((r) => r.hitsAt10 / r.suppliers),
      results.length,
    ),
    macroRecallAt50: ratio(
      sum((r) => r.hitsAt50 / r.suppliers),
      results.length,
    ),
    results,
  };
}
