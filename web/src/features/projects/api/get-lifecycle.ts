import type { z } from 'zod';
import { lifecycleSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type Lifecycle = z.infer<typeof lifecycleSchema>;

export function getLifecycle(signal?: AbortSignal): Promise<Lifecycle> {
  return apiGet('/api/projects/lifecycle', lifecycleSchema, { signal });
}

export const lifecycleQuery: QueryOptions<Lifecycle> = { key: 'project-lifecycle', fetch: getLifecycle };

export function useLifecycle() {
  return useApiQuery(lifecycleQuery);
}
