import { z } from 'zod';
import { listOf, provenanceSchema, stageSchema } from './catalog.schemas.ts';
import { optionalQueryText, pageQuerySchema } from './query.ts';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export const enterpriseSearchQuerySchema = pageQuerySchema.extend({
  q: optionalQueryText(100),
  chain: optionalQueryText(80),
  link: optionalQueryText(80),
  district: optionalQueryText(40),
  province: optionalQueryText(20),
});
export type EnterpriseSearchQuery = z.infer<typeof enterpriseSearchQuerySchema>;

export const enterpriseLinkRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  chainId: z.string(),
});

export const enterpriseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  stockCode: z.string().nullable(),
  board: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  industry: z.string().nullable(),
  links: z.array(enterpriseLinkRefSchema),
  /** In the city: its district is known, or only its city. */
  local: z.boolean(),
  leader: z.boolean(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

export const enterpriseListSchema = listOf(enterpriseSummarySchema);

const tieSchema = z.object({
  id: z.string(),
  name: z.string(),
  product: z.string(),
  local: z.boolean(),
  provenance: provenanceSchema,
});

export const enterpriseDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  aliases: z.array(z.string()),
  stockCode: z.string().nullable(),
  exchange: z.string().nullable(),
  board: z.string().nullable(),
  listed: z.boolean(),
  local: z.boolean(),
  listDate: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  district: z.object({ code: z.string(), name: z.string(), provenance: provenanceSchema }).nullable(),
  industry: z.string().nullable(),
  swIndustry: z.string().nullable(),
  mainProducts: z.array(z.string()),
  provenance: provenanceSchema,
  links: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      stage: stageSchema,
      chainId: z.string(),
      chainName: z.string(),
      evidence: z.string().nullable(),
      provenance: provenanceSchema,
    }),
  ),
  leads: z.array(z.object({ chainId: z.string(), chainName: z.string(), provenance: provenanceSchema })),
  /** Buyers this enterprise supplies. */
  suppliesTo: z.array(tieSchema),
  /** Suppliers of this enterprise. */
  suppliedBy: z.array(tieSchema),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

export const enterpriseParamsSchema = z.object({
  id: z.string().regex(idPattern, 'is not a valid enterprise id').max(64),
});
