import {
  type DistrictFitReportBody,
  districtFitReportSchema,
  type ProposalBody,
  proposalSchema,
  type ShareComparisonBody,
  shareComparisonSchema,
} from '../../../../../api/src/http/schemas/joint.schemas.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export function useDistrictFit(enterpriseId: string) {
  return useApiQuery<DistrictFitReportBody>({
    key: `district-fit:${enterpriseId}`,
    fetch: (signal) =>
      apiGet(`/api/enterprises/${encodeURIComponent(enterpriseId)}/districts`, districtFitReportSchema, {
        signal,
      }),
  });
}

export interface ShareComparisonRequest {
  parties: { code: string; role: 'host' | 'partner' }[];
  target: { kind: 'enterprise'; id: string };
  scenarios: { key: string; terms: unknown }[];
}

/** Keyed by the request itself: a changed input cancels the comparison still running for the old one. */
export function shareComparisonQuery(request: ShareComparisonRequest): QueryOptions<ShareComparisonBody> {
  const body = JSON.stringify(request);
  return {
    key: body,
    fetch: (signal) =>
      apiRequest('/api/joint/shares', shareComparisonSchema, { method: 'POST', body: request, signal }),
  };
}

export function useShareComparison(request: ShareComparisonRequest) {
  return useApiQuery(shareComparisonQuery(request));
}

/** Starts a draft proposal (not yet sent to the other parties) from the calculator's terms. */
export function createDraftProposal(input: {
  parties: { code: string; role: 'host' | 'partner' }[];
  target: { kind: 'enterprise'; id: string };
  terms: unknown;
  title: string;
}): Promise<ProposalBody> {
  return apiRequest('/api/proposals', proposalSchema, {
    method: 'POST',
    body: { ...input, submit: false },
  });
}
