import { createDistrictFitService } from '../../domain/joint/district-fit.service.ts';
import type { ProposalAction } from '../../domain/joint/proposal-lifecycle.ts';
import { createProposalService } from '../../domain/joint/proposals.service.ts';
import type { Database } from '../../graph/database.ts';
import { createDistrictFitRepository } from '../../graph/district-fit.repository.ts';
import { createProposalRepository } from '../../graph/proposal.repository.ts';
import { defineRoute } from '../route.ts';
import { enterpriseParamsSchema } from '../schemas/enterprise.schemas.ts';
import {
  counterBodySchema,
  createProposalBodySchema,
  districtFitQuerySchema,
  districtFitReportSchema,
  proposalActionBodySchema,
  proposalListQuerySchema,
  proposalListSchema,
  proposalParamsSchema,
  proposalSchema,
  shareComparisonBodySchema,
  shareComparisonSchema,
} from '../schemas/joint.schemas.ts';

/** Joint attraction: district fit with suggested coalitions, and the negotiation of proposals between districts. */
export function jointRoutes(db: Database) {
  const fit = createDistrictFitService(createDistrictFitRepository(db));
  const proposals = createProposalService(createProposalRepository(db), fit);

  const simpleAction = (action: Exclude<ProposalAction, 'create' | 'counter'>, summary: string) =>
    defineRoute({
      method: 'post',
      path: `/api/proposals/:id/${action}`,
      tag: 'joint',
      summary,
      params: proposalParamsSchema,
      body: proposalActionBodySchema,
      response: proposalSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, user }) => proposals.actOnProposal(user, params.id, action, body),
    });

  return [
    defineRoute({
      method: 'get',
      path: '/api/enterprises/:id/districts',
      tag: 'joint',
      summary:
        'Districts ranked by fit for a target enterprise (priority chains, local ecosystem, supply partners, park ' +
        'land), with components, reasons, and suggested coalitions with their v(S) and Shapley shares',
      params: enterpriseParamsSchema,
      query: districtFitQuerySchema,
      response: districtFitReportSchema,
      errors: [404],
      handler: ({ params, query }) => fit.districtFit(params.id, query.coalitions),
    }),
    defineRoute({
      method: 'post',
      path: '/api/joint/shares',
      tag: 'joint',
      summary:
        'Compare ways of sharing (fixed, weighted, Shapley, tapering, stock/increment …) for one coalition and ' +
        'target: each scenario’s shares and year-by-year benefit table; computes only, writes nothing',
      body: shareComparisonBodySchema,
      response: shareComparisonSchema,
      errors: [404],
      handler: ({ body }) => proposals.compareShares(body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/proposals',
      tag: 'joint',
      summary:
        'Joint-attraction proposals, newest first: a district user sees its own, analysts and admins all',
      query: proposalListQuerySchema,
      response: proposalListSchema,
      handler: ({ query, user }) => proposals.listProposals(user, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/proposals',
      tag: 'joint',
      summary:
        'Propose (or draft, `submit: false`) a joint attraction: parties with roles, target, sharing terms and term; ' +
        'the proposing district accepts its own terms',
      body: createProposalBodySchema,
      response: proposalSchema,
      errors: [403],
      handler: async ({ body, user }, res) => {
        const created = await proposals.createProposal(user, body);
        res.status(201);
        return created;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/proposals/:id',
      tag: 'joint',
      summary: 'One proposal with its full history and the year-by-year benefit table of its current terms',
      params: proposalParamsSchema,
      response: proposalSchema,
      errors: [403, 404],
      handler: ({ params, user }) => proposals.getProposal(user, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/proposals/:id/counter',
      tag: 'joint',
      summary:
        'Counter with new terms at the version read (409 when stale); resets the other parties’ acceptance',
      params: proposalParamsSchema,
      body: counterBodySchema,
      response: proposalSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, user }) => proposals.actOnProposal(user, params.id, 'counter', body),
    }),
    simpleAction('propose', 'Propose a draft to the other parties (initiator only) at the version read'),
    simpleAction(
      'accept',
      'Accept the current terms for your district at the version read; when every party has, an agreement is made',
    ),
    simpleAction('reject', 'Reject the proposal for your district at the version read; it ends there'),
    simpleAction('withdraw', 'Withdraw the proposal (initiating district only) at the version read'),
  ];
}
