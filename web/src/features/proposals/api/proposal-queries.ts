import {
  type ProposalBody,
  proposalListSchema,
  proposalSchema,
} from '../../../../../api/src/http/schemas/joint.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { useApiQuery } from '../../../lib/use-api-query.ts';

export const inboxPageSize = 20;

export function useProposalList(filter: { box: string; state: string; page: number }) {
  const search = new URLSearchParams({ page: String(filter.page), pageSize: String(inboxPageSize) });
  if (filter.box !== '') search.set('box', filter.box);
  if (filter.state !== '') search.set('state', filter.state);
  const path = `/api/proposals?${search.toString()}`;
  return useApiQuery({ key: path, fetch: (signal) => apiGet(path, proposalListSchema, { signal }) });
}

export function useProposal(id: string) {
  return useApiQuery({
    key: `proposal:${id}`,
    fetch: (signal) => apiGet(`/api/proposals/${encodeURIComponent(id)}`, proposalSchema, { signal }),
  });
}

export type ProposalActionName = ProposalBody['yourActions'][number]['actions'][number];

/** One step of the negotiation at the version read; the API answers 409 when someone acted first. */
export function actOnProposal(
  id: string,
  action: ProposalActionName,
  body: { version: number; actingFor?: string; note?: string; terms?: unknown },
): Promise<ProposalBody> {
  return apiRequest(`/api/proposals/${encodeURIComponent(id)}/${action}`, proposalSchema, {
    method: 'POST',
    body,
  });
}
