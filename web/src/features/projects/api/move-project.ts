import type { ProjectBatch, ProjectStage } from '../../../../../api/src/domain/projects/project-lifecycle.ts';
import {
  type ProjectDetail,
  projectDetailSchema,
} from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface MoveInput {
  batch?: ProjectBatch;
  stage?: ProjectStage;
  reason: string;
  version: number;
  date?: string;
}

export function moveProject(projectId: string, move: MoveInput): Promise<ProjectDetail> {
  return apiRequest(`/api/projects/${encodeURIComponent(projectId)}/moves`, projectDetailSchema, {
    method: 'POST',
    body: move,
  });
}
