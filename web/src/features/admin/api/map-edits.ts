import type { z } from 'zod';
import type {
  addLinkBodySchema,
  feedsBodySchema,
  moveEnterpriseBodySchema,
  renameBodySchema,
  retireBodySchema,
} from '../../../../../api/src/http/schemas/map-edit.schemas.ts';
import { mapChangeResponseSchema } from '../../../../../api/src/http/schemas/map-edit.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The map edits of the editor; each answers the change record the API wrote. */

export type MapChange = z.infer<typeof mapChangeResponseSchema>;
type Body<S extends z.ZodType> = z.input<S>;

const id = (value: string) => encodeURIComponent(value);

export function addLink(chainId: string, body: Body<typeof addLinkBodySchema>): Promise<MapChange> {
  return apiRequest(`/api/admin/chains/${id(chainId)}/links`, mapChangeResponseSchema, {
    method: 'POST',
    body,
  });
}

export function renameLink(linkId: string, body: Body<typeof renameBodySchema>): Promise<MapChange> {
  return apiRequest(`/api/admin/links/${id(linkId)}`, mapChangeResponseSchema, { method: 'PATCH', body });
}

export function retireLink(linkId: string, body: Body<typeof retireBodySchema>): Promise<MapChange> {
  return apiRequest(`/api/admin/links/${id(linkId)}/retire`, mapChangeResponseSchema, {
    method: 'POST',
    body,
  });
}

export function addFeeds(body: Body<typeof feedsBodySchema>): Promise<MapChange> {
  return apiRequest('/api/admin/feeds', mapChangeResponseSchema, { method: 'POST', body });
}

export function removeFeeds(body: Body<typeof feedsBodySchema>): Promise<MapChange> {
  return apiRequest('/api/admin/feeds/remove', mapChangeResponseSchema, { method: 'POST', body });
}

export function moveEnterprise(
  enterpriseId: string,
  body: Body<typeof moveEnterpriseBodySchema>,
): Promise<MapChange> {
  return apiRequest(`/api/admin/enterprises/${id(enterpriseId)}/move`, mapChangeResponseSchema, {
    method: 'POST',
    body,
  });
}
