import { z } from 'zod';
import { normaliseCell, normaliseCodeCell, normalisePlainCell } from '../read/normalise-cell.ts';
import { parseDivisionCode, parseList } from '../validate/field-parsers.ts';

/** The chains a file can name, by id or by name. */
export interface ChainCatalog {
  ids: ReadonlySet<string>;
  idsByName: ReadonlyMap<string, string>;
}

export function districtRowSchema(chains: ChainCatalog) {
  return z.object({
    code: z.string().transform((text, ctx) => {
      const parsed = parseDivisionCode(normaliseCodeCell(text));
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }),
    name: z.string().transform(normaliseCell).pipe(z.string().min(2).max(40)).optional(),
    nameEn: z.string().transform(normalisePlainCell).pipe(z.string().max(100)).optional(),
    leadIndustry: z.string().transform(normaliseCell).pipe(z.string().max(300)).optional(),
    /** Chains in priority order, by id (`large-aircraft`) or name (大飞机); rank follows the order. */
    priorities: z
      .string()
      .transform((text, ctx) => {
        const ids: string[] = [];
        for (const item of parseList(normaliseCell(text))) {
          const id = chains.ids.has(item) ? item : chains.idsByName.get(item);
          if (id === undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `"${item}" is neither a chain id nor a chain name of the map`,
            });
            return z.NEVER;
          }
          if (!ids.includes(id)) ids.push(id);
        }
        return ids;
      })
      .optional(),
  });
}

export type DistrictRow = z.output<ReturnType<typeof districtRowSchema>>;
