import {
  type TargetPageBody,
  targetPageSchema,
} from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { type TargetFilters, targetsApiPath } from '../target-filters.ts';

export function targetsQuery(filters: TargetFilters): QueryOptions<TargetPageBody> {
  const path = targetsApiPath(filters);
  return { key: path, fetch: (signal) => apiGet(path, targetPageSchema, { signal }) };
}

export function useTargets(filters: TargetFilters) {
  return useApiQuery(targetsQuery(filters));
}
