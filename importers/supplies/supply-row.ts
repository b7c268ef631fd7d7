import { z } from 'zod';
import { nameKeyOf } from '../enterprises/name-keys.ts';
import { normaliseCell, normaliseCodeCell } from '../read/normalise-cell.ts';
import { cleanCreditCode, isCreditCode } from '../validate/credit-code.ts';
import { parseNumber, parseStockCode } from '../validate/field-parsers.ts';

/** How a file names one end of a supply relation: by credit code, stock code or name. */
export type EnterpriseRef =
  | { kind: 'creditCode'; value: string; text: string }
  | { kind: 'stockCode'; value: string; text: string }
  | { kind: 'nameKey'; value: string; text: string };

export function parseEnterpriseRef(text: string): EnterpriseRef {
  const code = normaliseCodeCell(text);
  const credit = cleanCreditCode(code);
  if (isCreditCode(credit)) return { kind: 'creditCode', value: credit, text };
  const stock = parseStockCode(code);
  if (stock.ok) return { kind: 'stockCode', value: stock.value.code, text };
  return { kind: 'nameKey', value: nameKeyOf(normaliseCell(text), undefined), text };
}

const reference = z
  .string({ error: 'is empty: both ends must be named (by credit code, stock code or name)' })
  .transform(normaliseCell)
  .pipe(z.string().min(1).max(200, 'is longer than 200 characters'))
  .transform(parseEnterpriseRef)
  .refine((ref) => ref.value.length >= 2, 'names no enterprise: give a credit code, stock code or name');

/** Confidence as a share (0–1], or on the atlas's 1–5 scale, which is divided by 5. */
const confidence = z.string().transform((text, ctx) => {
  const parsed = parseNumber(normaliseCodeCell(text));
  const value = parsed.ok ? parsed.value : undefined;
  if (value === undefined || value <= 0 || value > 5) {
    ctx.addIssue({ code: 'custom', message: 'expected a confidence in (0, 1], or 1 to 5' });
    return z.NEVER;
  }
  return value > 1 ? Math.round((value / 5) * 100) / 100 : value;
});

export const supplyRowSchema = z.object({
  from: reference,
  to: reference,
  product: z
    .string({ error: 'a product is required' })
    .transform(normaliseCell)
    .pipe(z.string().min(1, 'a product is required').max(100, 'is longer than 100 characters')),
  confidence: confidence.optional(),
});
export type SupplyRow = z.output<typeof supplyRowSchema>;
