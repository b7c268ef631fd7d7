import type { z } from 'zod';
import type { ProjectBatch, ProjectStage } from '../../../../../api/src/domain/projects/project-lifecycle.ts';
import { projectListSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { toQueryString } from './to-query-string.ts';

export type ProjectList = z.infer<typeof projectListSchema>;

export type ProjectFilter = {
  year: number | null;
  batch: ProjectBatch | null;
  stage: ProjectStage | null;
  district: string | null;
  page: number;
  limit: number;
};

export function getProjects(filter: ProjectFilter, signal?: AbortSignal): Promise<ProjectList> {
  return apiGet(`/api/projects${toQueryString(filter)}`, projectListSchema, { signal });
}

export function projectsQuery(filter: ProjectFilter): QueryOptions<ProjectList> {
  return { key: `projects${toQueryString(filter)}`, fetch: (signal) => getProjects(filter, signal) };
}

/** `version` changes after a move or a creation so the list is read again. */
export function useProjects(filter: ProjectFilter, version = 0) {
  const query = projectsQuery(filter);
  return useApiQuery({ ...query, key: `${query.key}#${version}` });
}
