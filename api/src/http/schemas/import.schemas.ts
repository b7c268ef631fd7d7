import { z } from 'zod';
import { importKinds, presetNames } from '../../../../importers/mapping/presets.ts';
import { fileFormats } from '../../../../importers/read/record-source.ts';
import { optionalQueryText } from './query.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());

export const importQuerySchema = z.object({
  kind: z.enum(importKinds, { error: `must be one of ${importKinds.join(', ')}` }),
  preset: optionalEnum(presetNames),
  format: optionalEnum(fileFormats),
  dryRun: z.preprocess(blankToUndefined, z.stringbool({ error: 'must be true or false' }).default(false)),
  /** The uploaded file's name: recorded on the import, and its extension tells the format. */
  file: z.preprocess(blankToUndefined, z.string().trim().max(200).default('upload')),
  source: optionalQueryText(200),
  asOf: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
      .optional(),
  ),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** The file itself, sent as the raw request body. */
// `z.custom`, not `z.instanceof(Buffer)`: the web app imports this module to parse the summary, and a browser
// has no `Buffer` to name when the module loads.
export const importBodySchema = z
  .custom<Buffer>((body) => Buffer.isBuffer(body), {
    error: 'send the file as the request body (Content-Type: application/octet-stream)',
  })
  .refine((body) => body.length > 0, 'the file is empty');

const rejectionSchema = z.object({ line: z.number().int(), field: z.string(), reason: z.string() });
const reviewItemSchema = z.object({
  line: z.number().int(),
  id: z.string(),
  name: z.string(),
  reason: z.string(),
  similar: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const importSummarySchema = z.object({
  importId: z.string().nullable(),
  kind: z.enum(importKinds),
  file: z.string(),
  format: z.enum(fileFormats),
  encoding: z.string().nullable(),
  preset: z.enum(presetNames).nullable(),
  source: z.string(),
  asOf: z.string(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  accepted: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  unplaced: z.number().int(),
  located: z.number().int(),
  rejectedRows: z.number().int(),
  rejected: z.array(rejectionSchema),
  review: z.array(reviewItemSchema),
  reviewTotal: z.number().int(),
  seconds: z.number(),
});
