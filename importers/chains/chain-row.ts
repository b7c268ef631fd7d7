import { z } from 'zod';
import type { Stage } from '../../api/src/http/schemas/catalog.schemas.ts';
import { mapIdPattern } from '../../api/src/http/schemas/map-edit.schemas.ts';
import { normaliseCell, normalisePlainCell } from '../read/normalise-cell.ts';
import { parseList } from '../validate/field-parsers.ts';

const stages: Readonly<Record<string, Stage>> = {
  上游: 'upstream',
  中游: 'midstream',
  下游: 'downstream',
  upstream: 'upstream',
  midstream: 'midstream',
  downstream: 'downstream',
};

const yes = new Set(['是', '撤销', '停用', 'y', 'yes', 'true', '1']);
const no = new Set(['否', '', 'n', 'no', 'false', '0']);

/** Ids of chains and links: lower-case words joined by "-", as the map editor requires. */
const id = (what: string) =>
  z
    .string()
    .transform((text) => normalisePlainCell(text).toLowerCase())
    .pipe(z.string().regex(mapIdPattern, `must be a ${what} id of lower-case words joined by "-"`).max(80));

const name = z.string().transform(normaliseCell).pipe(z.string().min(1).max(80));
const nameEn = z.string().transform(normalisePlainCell).pipe(z.string().max(120));

export const chainRowSchema = z.object({
  chain: id('chain'),
  chainName: name.optional(),
  chainNameEn: nameEn.optional(),
  /** An ecosystem by id or name, resolved against the map when a chain is created. */
  ecosystem: z.string().transform(normaliseCell).pipe(z.string().min(1).max(80)).optional(),
  link: id('link').optional(),
  linkName: name.optional(),
  linkNameEn: nameEn.optional(),
  stage: z
    .string()
    .transform((text, ctx) => {
      const stage = stages[normalisePlainCell(text).toLowerCase()];
      if (stage === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be 上游, 中游 or 下游 (upstream, midstream, downstream)',
        });
        return z.NEVER;
      }
      return stage;
    })
    .optional(),
  /** Links this one supplies, by link id, in this chain or another. */
  feeds: z
    .string()
    .transform((text) => parseList(normalisePlainCell(text).toLowerCase()))
    .pipe(z.array(z.string().regex(mapIdPattern, 'must list link ids joined by 、 or ;')))
    .optional(),
  retire: z
    .string()
    .transform((text, ctx) => {
      const value = normalisePlainCell(text).toLowerCase();
      if (yes.has(value)) return true;
      if (no.has(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be 是 or 否 (yes or no)' });
      return z.NEVER;
    })
    .optional(),
});

export type ChainRow = z.output<typeof chainRowSchema>;
