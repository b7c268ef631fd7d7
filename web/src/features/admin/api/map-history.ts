import type { z } from 'zod';
import {
  mapChangeListSchema,
  mapChangeResponseSchema,
  mapDiffSchema,
} from '../../../../../api/src/http/schemas/map-edit.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type MapChangeList = z.infer<typeof mapChangeListSchema>;
export type MapDiff = z.infer<typeof mapDiffSchema>;

const range = (from: string, to: string) => new URLSearchParams({ from, to }).toString();

export function mapChangesQuery(from: string, to: string, revision: number): QueryOptions<MapChangeList> {
  return {
    key: `map-changes:${from}:${to}:${revision}`,
    fetch: (signal) => apiGet(`/api/admin/map-changes?${range(from, to)}`, mapChangeListSchema, { signal }),
  };
}

export function useMapChanges(from: string, to: string, revision: number) {
  return useApiQuery(mapChangesQuery(from, to, revision));
}

export function mapDiffQuery(from: string, to: string, revision: number): QueryOptions<MapDiff> {
  return {
    key: `map-diff:${from}:${to}:${revision}`,
    fetch: (signal) => apiGet(`/api/admin/map-diff?${range(from, to)}`, mapDiffSchema, { signal }),
  };
}

export function useMapDiff(from: string, to: string, revision: number) {
  return useApiQuery(mapDiffQuery(from, to, revision));
}

export function revertMapChange(changeId: string, note?: string) {
  return apiRequest(
    `/api/admin/map-changes/${encodeURIComponent(changeId)}/revert`,
    mapChangeResponseSchema,
    {
      method: 'POST',
      body: note === undefined ? {} : { note },
    },
  );
}
