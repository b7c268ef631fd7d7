import {
  type ProjectDetail,
  projectDetailSchema,
} from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function getProject(projectId: string, signal?: AbortSignal): Promise<ProjectDetail> {
  return apiGet(`/api/projects/${encodeURIComponent(projectId)}`, projectDetailSchema, { signal });
}

export function projectQuery(projectId: string): QueryOptions<ProjectDetail> {
  return { key: `project:${projectId}`, fetch: (signal) => getProject(projectId, signal) };
}

export function useProject(projectId: string, version = 0) {
  const query = projectQuery(projectId);
  return useApiQuery({ ...query, key: `${query.key}#${version}` });
}
