import type { z } from 'zod';
import { proposalListSchema } from '../../../../../api/src/http/schemas/joint.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type ProposalList = z.infer<typeof proposalListSchema>;

/** Accepted proposals: the ones ready to become a project. */
export function getAcceptedProposals(signal?: AbortSignal): Promise<ProposalList> {
  return apiGet('/api/proposals?state=accepted&pageSize=100', proposalListSchema, { signal });
}

export const acceptedProposalsQuery: QueryOptions<ProposalList> = {
  key: 'proposals:accepted',
  fetch: getAcceptedProposals,
};

export function useAcceptedProposals() {
  return useApiQuery(acceptedProposalsQuery);
}
