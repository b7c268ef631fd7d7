import {
  type ProjectDetail,
  projectDetailSchema,
} from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type CreateProjectInput =
  | { fromTarget: { enterpriseId: string; linkId: string; districtCode: string }; reason?: string }
  | { fromProposal: string; reason?: string };

export function createProject(input: CreateProjectInput): Promise<ProjectDetail> {
  return apiRequest('/api/projects', projectDetailSchema, { method: 'POST', body: input });
}
