import { parseArgs } from 'node:util';
import { z } from 'zod';
import { analyseLink } from '../api/src/domain/matcher/gap-analysis.ts';
import {
  defaultWeights,
  linkAdjacency,
  type WeightedComponent,
  type Weights,
  weightedComponents,
  weightSum,
} from '../api/src/domain/matcher/target-scoring.ts';
import { createDatabase } from '../api/src/graph/database.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { createMatcherRepository } from '../api/src/graph/matcher.repository.ts';
import { freePort } from '../test/support/free-port.ts';

/**
 * How early could a threshold search stop? Scores every candidate of a few chains with the production query (city
 * scope), then replays Fagin's threshold algorithm over four orders of the chain's candidates, one per component,
 * highest first: read one more candidate from each order, score it exactly, and stop once the 200th best score
 * read is at least the weighted sum of the components last read in each order (no unread candidate can beat it).
 * Prints the share of the pool read before stopping, per chain and weight profile: the work a stored, indexed
 * ordering per component would save over today's full pass.
 *
 *   npx tsx bench/matcher-threshold.ts --data-dir /tmp/chainscout-scale-1m
 */

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = z
  .string()
  .min(1, 'pass --data-dir, the folder of a generated graph')
  .parse(values['data-dir']);

const chains = ['integrated-circuit', 'new-energy-vehicle', 'innovative-drug', 'rail-transit', 'food'];
const profiles: Record<string, Weights> = {
  default: defaultWeights,
  'supply-first': { gapFit: 0.2, supplyTies: 0.5, quality: 0.2, momentum: 0.1 },
  'quality-first': { gapFit: 0.2, supplyTies: 0.2, quality: 0.5, momentum: 0.1 },
  equal: { gapFit: 0.25, supplyTies: 0.25, quality: 0.25, momentum: 0.25 },
};
const topK = 200;

type Components = Record<WeightedComponent, number>;

/** Candidates read (in any order) before the threshold algorithm can stop. */
function thresholdDepth(candidates: Components[], w: Weights): number {
  const total = weightSum(w);
  const score = (c: Components) => weightedComponents.reduce((s, k) => s + w[k] * c[k], 0) / total;
  const orders = weightedComponents.map((k) =>
    candidates.map((_, i) => i).sort((a, b) => (candidates[b]?.[k] ?? 0) - (candidates[a]?.[k] ?? 0)),
  );
  const seen = new Set<number>();
  // The best `topK` scores read so far, ascending (small k: insertion is cheap enough here).
  const best: number[] = [];
  for (let depth = 0; depth < candidates.length; depth += 1) {
    const last: Partial<Components> = {};
    for (const [o, k] of weightedComponents.entries()) {
      const index = orders[o]?.[depth];
      if (index === undefined) continue;
      const c = candidates[index];
      if (!c) continue;
      last[k] = c[k];
      if (seen.has(index)) continue;
      seen.add(index);
      const s = score(c);
      if (best.length < topK || s > (best[0] ?? 0)) {
        const at = best.findIndex((x) => x >= s);
        best.splice(at < 0 ? best.length : at, 0, s);
        if (best.length > topK) best.shift();
      }
    }
    const threshold = weightedComponents.reduce((s, k) => s + w[k] * (last[k] ?? 0), 0) / total;
    if (best.length >= topK && (best[0] ?? 0) >= threshold) return seen.size;
  }
  return seen.size;
}

async function main(): Promise<void> {
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '4g',
    pageCacheMiB: 3072,
  });
  const db = createDatabase(connection);
  try {
    const repository = createMatcherRepository(db);
    const city = { kind: 'city' } as const;
    const adjacency = linkAdjacency(await repository.adjacencyCounts(city));
    const referenceDate = (await repository.newestListingDate()) ?? '2025-12-31';
    const rows: string[] = [];
    for (const chain of chains) {
      const facts = await repository.gapFacts(chain, city);
      const linkIds = facts.map((f) => f.id).sort();
      const fit = Object.fromEntries(facts.map((f) => [f.id, analyseLink(f, city).priority]));
      const ranked = await repository.rankCandidates({
        linkIds,
        fit,
        adjacency,
        locality: city,
        weights: defaultWeights,
        referenceDate,
        skip: 0,
        limit: 10_000_000,
        includeVetoed: false,
      });
      const candidates = ranked.rows.map((r) => r.components);
      const shares = Object.values(profiles).map((w) => {
        const read = thresholdDepth(candidates, w);
        return `${((100 * read) / candidates.length).toFixed(1)} % (${read.toLocaleString('en')})`;
      });
      rows.push(`| ${chain} | ${candidates.length.toLocaleString('en')} | ${shares.join(' | ')} |`);
      process.stderr.write(`${chain} done\n`);
    }
    const names = Object.keys(profiles);
    const header = [
      `| chain | candidates | ${names.join(' | ')} |`,
      `|---|---:|${names.map(() => '---:').join('|')}|`,
    ];
    process.stdout.write(`${[...header, ...rows].join('\n')}\n`);
  } finally {
    await db.close();
    await connection.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
