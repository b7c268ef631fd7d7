import { actorOf } from '../../domain/auth/access.ts';
import { createMatcherService } from '../../domain/matcher/matcher.service.ts';
import { toCsv, toXlsx } from '../../domain/matcher/target-export.ts';
import type { Database } from '../../graph/database.ts';
import { createMatcherRepository } from '../../graph/matcher.repository.ts';
import type { ReadCache } from '../../graph/read-cache.ts';
import { createShortlistRepository } from '../../graph/shortlist.repository.ts';
import { createWeightProfileRepository } from '../../graph/weight-profile.repository.ts';
import { defineRoute } from '../route.ts';
import { chainParamsSchema } from '../schemas/chain-params.ts';
import { enterpriseParamsSchema } from '../schemas/enterprise.schemas.ts';
import {
  chainGapsSchema,
  gapQuerySchema,
  shortlistSchema,
  targetPageSchema,
  targetsQuerySchema,
  weightProfileBodySchema,
  weightProfileListSchema,
  weightProfileParamsSchema,
  weightProfileSchema,
} from '../schemas/matcher.schemas.ts';

export function matcherRoutes(db: Database, cache?: ReadCache) {
  const profiles = createWeightProfileRepository(db);
  const matcher = createMatcherService(createMatcherRepository(db, cache), profiles);
  const shortlist = createShortlistRepository(db);
  const listShortlist = async (username: string) => {
    const items = await shortlist.listShortlist(username);
    return { items, total: items.length };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/chains/:id/gaps',
      tag: 'matcher',
      summary:
        'Gap analysis: each link strong, weak or missing (强链/弱链/缺链) locally, with the numbers behind it',
      params: chainParamsSchema,
      query: gapQuerySchema,
      response: chainGapsSchema,
      errors: [404],
      handler: ({ params, query }) => matcher.chainGaps(params.id, query.district),
    }),
    defineRoute({
      method: 'get',
      path: '/api/targets',
      tag: 'matcher',
      summary:
        'Enterprises outside the city (or district) ranked by how much they would strengthen a chain, link or ' +
        'district, with score components, reasons and impact; `format=csv|xlsx` downloads the page',
      query: targetsQuerySchema,
      response: targetPageSchema,
      errors: [404],
      handler: async ({ query }, res) => {
        const page = await matcher.rankTargets(query);
        const name = `targets-${query.link ?? query.chain ?? query.district ?? 'all'}-p${query.page}`;
        if (query.format === 'csv') {
          res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(page));
        } else if (query.format === 'xlsx') {
          res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          res.attachment(`${name}.xlsx`).send(await toXlsx(page));
        }
        return page;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/shortlist',
      tag: 'matcher',
      summary: 'The caller’s shortlist of target enterprises, newest first',
      response: shortlistSchema,
      handler: ({ user }) => listShortlist(user.username),
    }),
    defineRoute({
      method: 'put',
      path: '/api/shortlist/:id',
      tag: 'matcher',
      summary: 'Put an enterprise on the caller’s shortlist (idempotent; audited); answers the whole list',
      params: enterpriseParamsSchema,
      response: shortlistSchema,
      errors: [404],
      handler: async ({ params, user }) => {
        await shortlist.addToShortlist(user.username, params.id);
        return listShortlist(user.username);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/shortlist/:id',
      tag: 'matcher',
      summary: 'Take an enterprise off the caller’s shortlist (audited); answers the whole list',
      params: enterpriseParamsSchema,
      response: shortlistSchema,
      handler: async ({ params, user }) => {
        await shortlist.removeFromShortlist(user.username, params.id);
        return listShortlist(user.username);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/weight-profiles',
      tag: 'matcher',
      summary: 'Named weight profiles for target ranking (`profile=` on /api/targets)',
      response: weightProfileListSchema,
      handler: async () => {
        const items = await profiles.listProfiles();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/weight-profiles/:name',
      tag: 'admin',
      access: 'admin',
      summary:
        'Create a weight profile, or change one at the version you read (409 when it changed since); audited',
      params: weightProfileParamsSchema,
      body: weightProfileBodySchema,
      response: weightProfileSchema,
      errors: [404, 409],
      handler: async ({ params, body, user }, res) => {
        const { profile, created } = await profiles.saveProfile({
          name: params.name,
          ...body,
          actor: actorOf(user),
        });
        if (created) res.status(201);
        return profile;
      },
    }),
  ];
}
