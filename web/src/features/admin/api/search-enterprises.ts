import type { z } from 'zod';
import { enterpriseListSchema } from '../../../../../api/src/http/schemas/enterprise.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type EnterpriseList = z.infer<typeof enterpriseListSchema>;

export function enterpriseSearchQuery(q: string): QueryOptions<EnterpriseList> {
  const search = new URLSearchParams({ q, pageSize: '8' });
  return {
    key: `admin-enterprises:${q}`,
    fetch: (signal) => apiGet(`/api/enterprises?${search}`, enterpriseListSchema, { signal }),
  };
}

export function useEnterpriseSearch(q: string) {
  return useApiQuery(enterpriseSearchQuery(q));
}
