import { NotFoundError } from '../../domain/errors.ts';
import type { CatalogRepository } from '../../graph/catalog.repository.ts';
import { defineRoute } from '../route.ts';
import { chainDetailSchema, chainListSchema, ecosystemListSchema } from '../schemas/catalog.schemas.ts';
import { chainParamsSchema } from '../schemas/chain-params.ts';

export function catalogRoutes(catalog: CatalogRepository) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/ecosystems',
      tag: 'chains',
      summary: 'Industrial ecosystems (产业生态圈) with their chain counts',
      response: ecosystemListSchema,
      handler: async () => {
        const items = await catalog.listEcosystems();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/chains',
      tag: 'chains',
      summary: 'Key industry chains with link, enterprise, local enterprise and leader counts',
      response: chainListSchema,
      handler: async () => {
        const items = await catalog.listChains();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/chains/:id',
      tag: 'chains',
      summary: 'One chain: links by stage with enterprise counts, FEEDS edges (also across chains), leaders',
      params: chainParamsSchema,
      response: chainDetailSchema,
      errors: [404],
      handler: async ({ params }) => {
        const chain = await catalog.getChain(params.id);
        if (!chain) throw new NotFoundError('Chain', params.id);
        return chain;
      },
    }),
  ];
}
