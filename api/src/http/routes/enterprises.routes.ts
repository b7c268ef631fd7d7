import { NotFoundError } from '../../domain/errors.ts';
import type { EnterpriseRepository } from '../../graph/enterprise.repository.ts';
import { defineRoute } from '../route.ts';
import {
  enterpriseDetailSchema,
  enterpriseListSchema,
  enterpriseParamsSchema,
  enterpriseSearchQuerySchema,
} from '../schemas/enterprise.schemas.ts';

export function enterpriseRoutes(enterprises: EnterpriseRepository) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/enterprises',
      tag: 'enterprises',
      summary: 'Search enterprises by partial Chinese name, chain, link, district or province',
      query: enterpriseSearchQuerySchema,
      response: enterpriseListSchema,
      handler: ({ query }) => enterprises.searchEnterprises(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/enterprises/:id',
      tag: 'enterprises',
      summary: 'Enterprise profile: links, supply ties and the provenance of each fact',
      params: enterpriseParamsSchema,
      response: enterpriseDetailSchema,
      errors: [404],
      handler: async ({ params }) => {
        const enterprise = await enterprises.getEnterprise(params.id);
        if (!enterprise) throw new NotFoundError('Enterprise', params.id);
        return enterprise;
      },
    }),
  ];
}
