import {
  type EnterpriseDetail,
  enterpriseDetailSchema,
} from '../../../../../api/src/http/schemas/enterprise.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function getEnterprise(id: string, signal?: AbortSignal): Promise<EnterpriseDetail> {
  return apiGet(`/api/enterprises/${encodeURIComponent(id)}`, enterpriseDetailSchema, { signal });
}

export function enterpriseQuery(id: string): QueryOptions<EnterpriseDetail> {
  return { key: `enterprise:${id}`, fetch: (signal) => getEnterprise(id, signal) };
}

export function useEnterprise(id: string) {
  return useApiQuery(enterpriseQuery(id));
}
