import { type Alert, alertSchema } from '../../../../../api/src/http/schemas/project.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type AlertActionInput =
  | { action: 'ack'; note?: string }
  | { action: 'assign'; assignee: string; note?: string }
  | { action: 'resolve'; note: string };

export function actOnAlert(alertId: string, input: AlertActionInput): Promise<Alert> {
  const { action, ...body } = input;
  return apiRequest(`/api/alerts/${encodeURIComponent(alertId)}/${action}`, alertSchema, {
    method: 'POST',
    body,
  });
}
