import { type Ranking, rankingSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

/** `period` is a year (`2026`) or a quarter (`2026-Q3`). */
export function getRanking(period: string, signal?: AbortSignal): Promise<Ranking> {
  return apiGet(`/api/rankings?period=${encodeURIComponent(period)}`, rankingSchema, { signal });
}

export function rankingQuery(period: string): QueryOptions<Ranking> {
  return { key: `ranking:${period}`, fetch: (signal) => getRanking(period, signal) };
}

export function useRanking(period: string) {
  return useApiQuery(rankingQuery(period));
}
