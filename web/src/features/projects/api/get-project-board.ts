import type { z } from 'zod';
import { projectBoardSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';
import { toQueryString } from './to-query-string.ts';

export type ProjectBoard = z.infer<typeof projectBoardSchema>;

export type BoardFilter = {
  year: number | null;
  district: string | null;
};

export function getProjectBoard(filter: BoardFilter, signal?: AbortSignal): Promise<ProjectBoard> {
  return apiGet(`/api/projects/board${toQueryString(filter)}`, projectBoardSchema, { signal });
}

export function projectBoardQuery(filter: BoardFilter): QueryOptions<ProjectBoard> {
  return { key: `project-board${toQueryString(filter)}`, fetch: (signal) => getProjectBoard(filter, signal) };
}

export function useProjectBoard(filter: BoardFilter, version = 0) {
  const query = projectBoardQuery(filter);
  return useApiQuery({ ...query, key: `${query.key}#${version}` });
}
