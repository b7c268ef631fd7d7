import type { z } from 'zod';
import { changeListSchema } from '../../../../../api/src/http/schemas/auth.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type AuditChangeList = z.infer<typeof changeListSchema>;

export interface AuditFilter {
  entityType: string;
  actor: string;
  from: string;
  to: string;
  page: number;
  limit: number;
}

export function auditChangesQuery(filter: AuditFilter): QueryOptions<AuditChangeList> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== '') search.set(key, String(value));
  return {
    key: `audit:${search}`,
    fetch: (signal) => apiGet(`/api/admin/changes?${search}`, changeListSchema, { signal }),
  };
}

export function useAuditChanges(filter: AuditFilter) {
  return useApiQuery(auditChangesQuery(filter));
}
