import type { z } from 'zod';
import type { AlertSeverity } from '../../../../../api/src/domain/projects/alert-rules.ts';
import { type AlertStatus, alertListSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { toQueryString } from './to-query-string.ts';

export type AlertList = z.infer<typeof alertListSchema>;

export type AlertFilter = {
  severity: AlertSeverity | null;
  district: string | null;
  status: AlertStatus | null;
  project: string | null;
  page: number;
  limit: number;
};

export function getAlerts(filter: AlertFilter, signal?: AbortSignal): Promise<AlertList> {
  return apiGet(`/api/alerts${toQueryString(filter)}`, alertListSchema, { signal });
}

export function alertsQuery(filter: AlertFilter): QueryOptions<AlertList> {
  return { key: `alerts${toQueryString(filter)}`, fetch: (signal) => getAlerts(filter, signal) };
}

export function useAlerts(filter: AlertFilter, version = 0) {
  const query = alertsQuery(filter);
  return useApiQuery({ ...query, key: `${query.key}#${version}` });
}
