import { NotFoundError } from '../../domain/errors.ts';
import type { CatalogRepository } from '../../graph/catalog.repository.ts';
import { defineRoute } from '../route.ts';
import {
  type ChainHealth,
  chainDetailSchema,
  chainHealthListSchema,
  chainListSchema,
  ecosystemListSchema,
} from '../schemas/catalog.schemas.ts';
import { chainParamsSchema } from '../schemas/chain-params.ts';
import { chainAsOfQuerySchema } from '../schemas/map-edit.schemas.ts';

/** Every chain's gap counts; the caller decides how it is read and cached. */
export type ChainHealthReader = () => Promise<ChainHealth[]>;

export function catalogRoutes(catalog: CatalogRepository, readHealth: ChainHealthReader) {
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
    // Before `/api/chains/:id`, which would otherwise take "health" for a chain id.
    defineRoute({
      method: 'get',
      path: '/api/chains/health',
      tag: 'chains',
      summary:
        "Every chain's links counted by gap class (强链/弱链/缺链) for the city, as `/api/chains/:id/gaps` classes them",
      response: chainHealthListSchema,
      handler: async () => {
        const items = await readHealth();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/chains/:id',
      tag: 'chains',
      summary:
        'One chain: links by stage with enterprise counts, FEEDS edges (also across chains), leaders; `asOf=YYYY-MM-DD` shows the map as it was on that date. Facts older than STALE_AFTER_DAYS carry `stale: true`',
      params: chainParamsSchema,
      query: chainAsOfQuerySchema,
      response: chainDetailSchema,
      errors: [404],
      handler: async ({ params, query }) => {
        const chain = await catalog.getChain(params.id, query.asOf === undefined ? {} : { asOf: query.asOf });
        if (!chain) {
          throw new NotFoundError(query.asOf === undefined ? 'Chain' : `Chain on ${query.asOf}`, params.id);
        }
        return chain;
      },
    }),
  ];
}
