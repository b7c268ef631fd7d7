import { z } from 'zod';
import { mapChangeSchema } from '../../domain/map/map-change.ts';
import { stageSchema } from './catalog.schemas.ts';

/** Requests and responses of the versioned map edits (`/api/admin/…`). */

/** Chain and link ids: lower-case words joined by "-". */
export const mapIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (what: string) =>
  z.string().regex(mapIdPattern, `must be a ${what} id of lower-case words joined by "-"`).max(80);

const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** Every edit is dated (the day it takes effect, today when left out) and may carry a note. */
const editFields = {
  date: isoDate.optional(),
  note: z.string().trim().min(1).max(500).optional(),
};

/** The chain version the editor read (`version` of `GET /api/chains/:id`). */
const versionField = {
  version: z.number({ error: 'must be the chain version the edit was made against' }).int().min(0),
};

const name = z.string().trim().min(1, 'must not be empty').max(80);
const nameEn = z.string().trim().max(120);

export const chainIdParamsSchema = z.object({ id: slug('chain') });
export const linkIdParamsSchema = z.object({ id: slug('link') });
export const enterpriseIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9A-Za-z.\-_]+$/, 'is not a valid enterprise id')
    .max(64),
});
export const changeIdParamsSchema = z.object({ id: z.guid('must be a change id') });

export const addChainBodySchema = z.strictObject({
  id: slug('chain'),
  name,
  nameEn,
  ecosystemId: slug('ecosystem'),
  order: z.number().int().min(1).max(1000).optional(),
  ...editFields,
});

export const renameBodySchema = z.strictObject({
  ...versionField,
  name,
  nameEn: nameEn.optional(),
  ...editFields,
});

export const retireBodySchema = z.strictObject({ ...versionField, ...editFields });

export const addLinkBodySchema = z.strictObject({
  ...versionField,
  id: slug('link'),
  name,
  nameEn,
  stage: stageSchema,
  order: z.number().int().min(1).max(1000).optional(),
  description: z.string().trim().max(500).optional(),
  ...editFields,
});

/** `version` is that of the chain of the `from` link. */
export const feedsBodySchema = z.strictObject({
  ...versionField,
  from: slug('link'),
  to: slug('link'),
  ...editFields,
});

export const moveEnterpriseBodySchema = z.strictObject({
  toLinkId: slug('link'),
  /** Close only this link; all the firm's current links when left out. */
  fromLinkId: slug('link').optional(),
  /** The links the editor saw the firm in: the edit is refused (409) if they changed since. */
  expectedLinks: z.array(slug('link')).max(100),
  ...editFields,
});

export const revertBodySchema = z.strictObject({ note: editFields.note });

/** A change as the repository reads it back; the response is exactly that record. */
export const mapChangeResponseSchema = mapChangeSchema;

export const dateRangeQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['to'] });

const named = z.object({ id: z.string(), name: z.string() });
const renamed = z.object({ id: z.string(), from: z.string(), to: z.string() });
const edge = z.object({ from: z.string(), to: z.string() });

export const mapDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  chains: z.object({ added: z.array(named), retired: z.array(named), renamed: z.array(renamed) }),
  links: z.object({
    added: z.array(named.extend({ chainId: z.string() })),
    retired: z.array(named.extend({ chainId: z.string() })),
    renamed: z.array(renamed.extend({ chainId: z.string() })),
  }),
  feeds: z.object({ added: z.array(edge), removed: z.array(edge) }),
  enterprisesMoved: z.array(
    z.object({
      enterpriseId: z.string(),
      date: z.string(),
      fromLinks: z.array(z.string()),
      toLinks: z.array(z.string()),
      changeId: z.string(),
      summary: z.string(),
    }),
  ),
});
export type MapDiffResponse = z.infer<typeof mapDiffSchema>;

export const mapChangeListSchema = z.object({
  items: z.array(mapChangeResponseSchema),
  total: z.number().int(),
});

export const chainAsOfQuerySchema = z.object({
  asOf: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
});

/** The map diff restricted to one chain: what any user may see of how that chain changed. */
export const chainChangesSchema = mapDiffSchema.extend({ chainId: z.string() });
export type ChainChangesResponse = z.infer<typeof chainChangesSchema>;
