import type { z } from 'zod';
import { enterpriseListSchema } from '../../../../../api/src/http/schemas/enterprise.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { toQueryString } from './to-query-string.ts';

export type EnterpriseList = z.infer<typeof enterpriseListSchema>;

export function searchEnterprises(text: string, signal?: AbortSignal): Promise<EnterpriseList> {
  return apiGet(`/api/enterprises${toQueryString({ q: text, pageSize: 10 })}`, enterpriseListSchema, {
    signal,
  });
}

export function enterpriseSearchQuery(text: string): QueryOptions<EnterpriseList> {
  return { key: `enterprise-search:${text}`, fetch: (signal) => searchEnterprises(text, signal) };
}

export function useEnterpriseSearch(text: string) {
  return useApiQuery(enterpriseSearchQuery(text));
}
