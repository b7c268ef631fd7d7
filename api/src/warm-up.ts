import { withOneVersionRead } from './graph/graph-version.ts';

/** What the warm-up asks for: the reads the first users of a fresh start make. */
export interface WarmUpReads {
  chainIds(): Promise<string[]>;
  /** The overview: every chain's health (gap analysis of every chain). */
  overview(): Promise<unknown>;
  gaps(chainId: string): Promise<unknown>;
  /** The first page of targets for the city with the default weights. */
  targets(chainId: string): Promise<unknown>;
}

export interface WarmUpReport {
  chains: number;
  failed: number;
  seconds: number;
}

/**
 * Fills the read cache after a start, one chain at a time, so the first users find the overview, each chain's
 * gaps and its first page of targets computed (at 1,000,000 enterprises a ranking from scratch takes seconds).
 * A failure is counted and left to the request that needs the value; the warm-up goes on with the next chain.
 */
export async function warmUp(reads: WarmUpReads): Promise<WarmUpReport> {
  const started = performance.now();
  let failed = 0;
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await withOneVersionRead(work);
    } catch {
      failed += 1;
    }
  };
  let chainIds: string[] = [];
  await attempt(async () => {
    chainIds = await reads.chainIds();
  });
  await attempt(() => reads.overview());
  for (const id of chainIds) {
    await attempt(() => reads.gaps(id));
    await attempt(() => reads.targets(id));
  }
  return { chains: chainIds.length, failed, seconds: (performance.now() - started) / 1000 };
}
