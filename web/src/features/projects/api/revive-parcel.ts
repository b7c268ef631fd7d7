import {
  type ProjectDetail,
  projectDetailSchema,
} from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ReviveInput {
  reason: string;
  name?: string;
  investmentPlannedYi?: number;
}

export function reviveParcel(parcelId: string, input: ReviveInput): Promise<ProjectDetail> {
  return apiRequest(`/api/land-parcels/${encodeURIComponent(parcelId)}/revive`, projectDetailSchema, {
    method: 'POST',
    body: input,
  });
}
