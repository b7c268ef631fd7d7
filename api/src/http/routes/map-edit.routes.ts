import { z } from 'zod';
import { actorOf } from '../../domain/auth/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { restrictDiffToChain } from '../../domain/map/chain-changes.ts';
import { diffMaps } from '../../domain/map/map-diff.ts';
import type { EditMeta, MapChange, MapEditRepository } from '../../graph/map-edit.repository.ts';
import { defineRoute } from '../route.ts';
import {
  addChainBodySchema,
  addLinkBodySchema,
  chainChangesSchema,
  chainIdParamsSchema,
  changeIdParamsSchema,
  dateRangeQuerySchema,
  enterpriseIdParamsSchema,
  feedsBodySchema,
  linkIdParamsSchema,
  mapChangeListSchema,
  mapChangeResponseSchema,
  mapDiffSchema,
  moveEnterpriseBodySchema,
  renameBodySchema,
  retireBodySchema,
  revertBodySchema,
} from '../schemas/map-edit.schemas.ts';

const today = () => new Date().toISOString().slice(0, 10);

const metaOf = (actor: string, body: { date?: string | undefined; note?: string | undefined }): EditMeta => ({
  actor,
  date: body.date ?? today(),
  ...(body.note === undefined ? {} : { note: body.note }),
});

const linksOfSchema = z.object({ links: z.array(z.string()) });

const moveOf = (m: MapChange) => ({
  enterpriseId: m.entityId,
  date: m.effectiveDate,
  fromLinks: linksOfSchema.parse(m.before).links,
  toLinks: linksOfSchema.parse(m.after).links,
  changeId: m.id,
  summary: m.summary,
});

/** Versioned map edits: each answers the change it recorded; stale versions get 409 and write nothing. */
export function mapEditRoutes(edits: MapEditRepository) {
  const tag = 'map edits';
  const errors = [400, 403, 404, 409];
  return [
    defineRoute({
      method: 'post',
      path: '/api/admin/chains',
      tag,
      access: 'admin',
      summary: 'Add a chain to an ecosystem, valid from `date`',
      body: addChainBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ body, user }) => {
        const { date: _d, note: _n, ...chain } = body;
        return edits.addChain(chain, metaOf(actorOf(user), body));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/chains/:id',
      tag,
      access: 'admin',
      summary: 'Rename a chain (the old name stays visible for dates before `date`)',
      params: chainIdParamsSchema,
      body: renameBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.renameChain(
          params.id,
          {
            version: body.version,
            name: body.name,
            ...(body.nameEn === undefined ? {} : { nameEn: body.nameEn }),
          },
          metaOf(actorOf(user), body),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/chains/:id/retire',
      tag,
      access: 'admin',
      summary: 'Retire a chain and its links from `date`: gone from the current map, kept for earlier dates',
      params: chainIdParamsSchema,
      body: retireBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.retireChain(params.id, { version: body.version }, metaOf(actorOf(user), body)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/chains/:id/links',
      tag,
      access: 'admin',
      summary: 'Add a link to a chain, valid from `date`',
      params: chainIdParamsSchema,
      body: addLinkBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) => {
        const { date: _d, note: _n, ...link } = body;
        return edits.addLink(params.id, link, metaOf(actorOf(user), body));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/links/:id',
      tag,
      access: 'admin',
      summary: 'Rename a link; `version` is that of its chain',
      params: linkIdParamsSchema,
      body: renameBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.renameLink(
          params.id,
          {
            version: body.version,
            name: body.name,
            ...(body.nameEn === undefined ? {} : { nameEn: body.nameEn }),
          },
          metaOf(actorOf(user), body),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/links/:id/retire',
      tag,
      access: 'admin',
      summary:
        'Retire a link from `date`, closing its FEEDS and IN_LINK edges; `version` is that of its chain',
      params: linkIdParamsSchema,
      body: retireBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.retireLink(params.id, { version: body.version }, metaOf(actorOf(user), body)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/feeds',
      tag,
      access: 'admin',
      summary: 'Add a FEEDS edge (supply direction) between two links; `version` is that of the `from` chain',
      body: feedsBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ body, user }) =>
        edits.addFeeds(
          { version: body.version, from: body.from, to: body.to, ...(body.note ? { note: body.note } : {}) },
          metaOf(actorOf(user), body),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/feeds/remove',
      tag,
      access: 'admin',
      summary:
        'Remove a FEEDS edge from `date` (kept for earlier dates); `version` is that of the `from` chain',
      body: feedsBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ body, user }) =>
        edits.removeFeeds(
          { version: body.version, from: body.from, to: body.to },
          metaOf(actorOf(user), body),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/enterprises/:id/move',
      tag,
      access: 'admin',
      summary:
        'Place an enterprise in a link from `date` (IN_LINK with confidence 1), closing its current links or only `fromLinkId`',
      params: enterpriseIdParamsSchema,
      body: moveEnterpriseBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.moveEnterprise(
          params.id,
          {
            toLinkId: body.toLinkId,
            expectedLinks: body.expectedLinks,
            ...(body.fromLinkId === undefined ? {} : { fromLinkId: body.fromLinkId }),
          },
          metaOf(actorOf(user), body),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/map-changes',
      tag,
      access: 'admin',
      summary: 'Map changes effective after `from` up to and including `to`, in the order they were made',
      query: dateRangeQuerySchema,
      response: mapChangeListSchema,
      errors: [400, 403],
      handler: async ({ query }) => {
        const items = await edits.listChanges(query);
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/map-changes/:id/revert',
      tag,
      access: 'admin',
      summary:
        'Revert one map change as if it had not been made (recorded as a new change); 409 when later changes build on it',
      params: changeIdParamsSchema,
      body: revertBodySchema,
      response: mapChangeResponseSchema,
      errors,
      handler: ({ params, body, user }) =>
        edits.revert(params.id, {
          actor: actorOf(user),
          ...(body.note === undefined ? {} : { note: body.note }),
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/map-diff',
      tag,
      access: 'admin',
      summary:
        'What differs between the map on `from` and on `to`: chains and links added, retired, renamed; FEEDS added and removed; enterprises moved',
      query: dateRangeQuerySchema,
      response: mapDiffSchema,
      errors: [400, 403],
      handler: async ({ query }) => {
        const [history, moves] = await Promise.all([edits.readHistory(), edits.listMoves(query)]);
        return {
          from: query.from,
          to: query.to,
          ...diffMaps(history, query.from, query.to),
          enterprisesMoved: moves.map(moveOf),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/chains/:id/changes',
      tag: 'chains',
      summary:
        'What changed in one chain between `from` and `to` (its links, renames, FEEDS touching its links, enterprises moved in or out): the map diff, read-only, for every user',
      params: chainIdParamsSchema,
      query: dateRangeQuerySchema,
      response: chainChangesSchema,
      errors: [400, 404],
      handler: async ({ params, query }) => {
        const [history, moves] = await Promise.all([edits.readHistory(), edits.listMoves(query)]);
        if (!history.chains.some((c) => c.id === params.id)) throw new NotFoundError('Chain', params.id);
        const diff = diffMaps(history, query.from, query.to);
        return {
          chainId: params.id,
          from: query.from,
          to: query.to,
          ...restrictDiffToChain(diff, moves.map(moveOf), history, params.id),
        };
      },
    }),
  ];
}
