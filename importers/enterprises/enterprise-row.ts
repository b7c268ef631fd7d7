import { z } from 'zod';
import { normaliseCompanyName } from '../../graph-seeds/derive/normalise-name.ts';
import { normaliseCell, normaliseCodeCell, normalisePlainCell } from '../read/normalise-cell.ts';
import { cleanCreditCode, creditCodeProblem } from '../validate/credit-code.ts';
import {
  type Parsed,
  parseDate,
  parseDivisionCode,
  parseList,
  parseNumber,
  parseStockCode,
} from '../validate/field-parsers.ts';

/** The chain links an import can name, by id or by a name that only one link has. */
export interface LinkCatalog {
  ids: ReadonlySet<string>;
  idsByName: ReadonlyMap<string, readonly string[]>;
}

/** Turns a parser's result into a zod issue or the parsed value. */
const via = <T>(parse: (text: string) => Parsed<T>) =>
  z.string().transform((text, ctx): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  });

const text = (max: number, normalise: (text: string) => string = normaliseCell) =>
  z
    .string()
    .transform(normalise)
    .pipe(z.string().max(max, `is longer than ${max} characters`));

const companyName = z
  .string()
  .transform(normaliseCell)
  .pipe(
    z
      .string()
      .max(200, 'is longer than 200 characters')
      .refine((name) => /\p{L}/u.test(name), 'holds no letters or Chinese characters')
      .refine(
        (name) => normaliseCompanyName(name).length >= 2,
        'is too short to tell firms apart once legal forms are removed',
      ),
  );

const provinceSuffix = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** Provinces as the seed writes them: 四川, 广西, 内蒙古, 北京. */
export function normaliseProvince(province: string): string {
  const short = province.replace(provinceSuffix, '');
  return short === '内蒙' ? '内蒙古' : short || province;
}

/** Cities as the seed writes them: 成都市; names with their own suffix (州, 盟, 地区) stay as written. */
export function normaliseCity(city: string): string {
  return /[市州盟区县]$|地区$/.test(city) ? city : `${city}市`;
}

const creditCode = z
  .string()
  .transform((v) => cleanCreditCode(normaliseCodeCell(v)))
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

const code = <T>(parse: (text: string) => Parsed<T>) =>
  z.string().transform(normaliseCodeCell).pipe(via(parse));

export function enterpriseRowSchema(links: LinkCatalog) {
  const resolveLinks = (value: string): Parsed<string[]> => {
    const ids: string[] = [];
    for (const item of parseList(value)) {
      if (links.ids.has(item)) {
        ids.push(item);
        continue;
      }
      const byName = links.idsByName.get(item) ?? [];
      if (byName.length === 1 && byName[0] !== undefined) ids.push(byName[0]);
      else if (byName.length > 1) {
        return {
          ok: false,
          reason: `"${item}" names several links (${byName.join(', ')}): give the link id`,
        };
      } else return { ok: false, reason: `"${item}" is neither a link id nor a link name of the chain map` };
    }
    return { ok: true, value: ids };
  };

  return z
    .object({
      name: companyName.optional(),
      fullName: companyName.optional(),
      nameEn: text(300, normalisePlainCell).optional(),
      creditCode: creditCode.optional(),
      stockCode: code(parseStockCode).optional(),
      board: text(40, normalisePlainCell).optional(),
      address: text(300).optional(),
      province: text(20).transform(normaliseProvince).optional(),
      city: text(30).transform(normaliseCity).optional(),
      divisionCode: code(parseDivisionCode).optional(),
      industry: text(60).optional(),
      csrcIndustry: text(60, normalisePlainCell).optional(),
      swClass: text(60).optional(),
      products: text(2000).transform(parseList).optional(),
      /** Read for classification only; not stored. */
      businessScope: text(4000).optional(),
      atlasSegment: text(80).optional(),
      link: text(500).pipe(via(resolveLinks)).optional(),
      listDate: code(parseDate).optional(),
      foundedDate: code(parseDate).optional(),
      registeredCapital: code(parseNumber).optional(),
      totalShares: code(parseNumber).optional(),
      floatShares: code(parseNumber).optional(),
      website: text(200, normalisePlainCell).optional(),
    })
    .superRefine((row, ctx) => {
      if (row.name === undefined && row.fullName === undefined) {
        ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'a name is required' });
      }
    });
}

export type EnterpriseRow = z.output<ReturnType<typeof enterpriseRowSchema>>;
