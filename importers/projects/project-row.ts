import { z } from 'zod';
import {
  batchLabels,
  type MilestoneStage,
  milestoneStages,
  type ProjectBatch,
  type ProjectStage,
  projectBatches,
  projectStages,
  stageLabels,
} from '../../api/src/domain/projects/project-lifecycle.ts';
import { normaliseCell, normaliseCodeCell } from '../read/normalise-cell.ts';
import { parseDate, parseList, parseNumber } from '../validate/field-parsers.ts';

/** What a file's names resolve against: the districts, links and parcels of the graph. */
export interface ProjectCatalog {
  districtCodes: ReadonlySet<string>;
  /** District name (青羊区, also without its 区/县/市 suffix) → code. */
  districtsByName: ReadonlyMap<string, string>;
  linkIds: ReadonlySet<string>;
  /** Link name → ids (a name used by more than one chain is ambiguous). */
  linksByName: ReadonlyMap<string, readonly string[]>;
  parcelIds: ReadonlySet<string>;
}

const key = (text: string) => normaliseCell(text).replace(/\s/g, '');

/** 谋划储备一批, 谋划储备, 谋划 … or the ids `reserve` …: each batch by every name a list gives it. */
const batchNames = new Map<string, ProjectBatch>(
  projectBatches.flatMap((b) => {
    const zh = batchLabels[b].zh;
    return [
      [b, b],
      [zh, b],
      [zh.replace(/一批$/, ''), b],
      [zh.slice(0, 2), b],
    ] as [string, ProjectBatch][];
  }),
);
const stageNames = new Map<string, ProjectStage>([
  ...projectStages.flatMap((s) => [
    [s, s] as [string, ProjectStage],
    [stageLabels[s].zh, s] as [string, ProjectStage],
  ]),
  ['在谈', 'negotiating'],
  ['已签约', 'signed'],
  ['已开工', 'started'],
  ['在建', 'started'],
  ['建设中', 'started'],
  ['已投产', 'operating'],
  ['竣工投产', 'operating'],
  ['达产', 'effective'],
  ['已达效', 'effective'],
  ['暂停', 'suspended'],
  ['停工', 'suspended'],
  ['已终止', 'terminated'],
]);

const text = (max: number) => z.string().transform(normaliseCell).pipe(z.string().min(1).max(max));
const day = z.string().transform((t, ctx) => {
  const parsed = parseDate(normaliseCodeCell(t));
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});
const amount = z.string().transform((t, ctx) => {
  const parsed = parseNumber(normaliseCodeCell(t));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  if (parsed.value !== undefined && parsed.value < 0) {
    ctx.addIssue({ code: 'custom', message: 'must not be negative' });
    return z.NEVER;
  }
  return parsed.value;
});

export function projectRowSchema(catalog: ProjectCatalog) {
  return z
    .object({
      id: z
        .string()
        .transform(normaliseCodeCell)
        .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,80}$/, 'letters, digits and . _ : - only'))
        .optional(),
      name: text(120),
      year: z
        .string()
        .transform((t) => Number(normaliseCodeCell(t).replace(/年$/, '')))
        .pipe(z.number({ error: 'expected a year such as 2026' }).int().min(2000).max(2100))
        .optional(),
      batch: z.string().transform((t, ctx) => {
        const batch = batchNames.get(key(t));
        if (batch !== undefined) return batch;
        ctx.addIssue({
          code: 'custom',
          message: `"${t}" is not a batch; use one of ${projectBatches.map((b) => batchLabels[b].zh).join('、')}`,
        });
        return z.NEVER;
      }),
      stage: z.string().transform((t, ctx) => {
        const stage = stageNames.get(key(t));
        if (stage !== undefined) return stage;
        ctx.addIssue({
          code: 'custom',
          message: `"${t}" is not a stage; use one of ${projectStages.map((s) => stageLabels[s].zh).join('、')}`,
        });
        return z.NEVER;
      }),
      /** Lead district first, partners after it: by code or name. */
      districts: z.string().transform((t, ctx) => {
        const codes: string[] = [];
        for (const item of parseList(normaliseCell(t))) {
          const code = catalog.districtCodes.has(item) ? item : catalog.districtsByName.get(key(item));
          if (code === undefined) {
            ctx.addIssue({ code: 'custom', message: `"${item}" is not a district of the map` });
            return z.NEVER;
          }
          if (!codes.includes(code)) codes.push(code);
        }
        if (codes.length === 0) {
          ctx.addIssue({ code: 'custom', message: 'a district is required' });
          return z.NEVER;
        }
        return codes;
      }),
      enterprise: text(120).optional(),
      link: z
        .string()
        .transform((t, ctx) => {
          const value = normaliseCell(t);
          if (catalog.linkIds.has(value)) return value;
          const ids = catalog.linksByName.get(key(value)) ?? [];
          if (ids.length === 1 && ids[0] !== undefined) return ids[0];
          ctx.addIssue({
            code: 'custom',
            message:
              ids.length > 1
                ? `"${value}" names links of several chains (${ids.join(', ')}): give the link id`
                : `"${value}" is neither a link id nor a link name of the chain map`,
          });
          return z.NEVER;
        })
        .optional(),
      team: text(100).optional(),
      teamLead: text(50).optional(),
      investmentPlannedYi: amount.optional(),
      investmentPlannedWan: amount.optional(),
      investmentInPlaceYi: amount.optional(),
      investmentInPlaceWan: amount.optional(),
      plannedSigned: day.optional(),
      actualSigned: day.optional(),
      plannedStarted: day.optional(),
      actualStarted: day.optional(),
      plannedOperating: day.optional(),
      actualOperating: day.optional(),
      plannedEffective: day.optional(),
      actualEffective: day.optional(),
      landParcelId: z
        .string()
        .transform(normaliseCodeCell)
        .refine((id) => catalog.parcelIds.has(id), { error: 'is not a land parcel of the graph' })
        .optional(),
      landAreaHa: amount.optional(),
      jobsPlanned: amount.pipe(z.number().int('must be a whole number').optional()).optional(),
    })
    .transform((row) => {
      // 万元 columns are converted to 亿元, the unit projects are kept in.
      const yi = (v: number | undefined, wan: number | undefined) =>
        v ?? (wan === undefined ? undefined : Math.round(wan) / 10_000);
      const given = (dates: Record<MilestoneStage, string | undefined>) => {
        const out: Partial<Record<MilestoneStage, string>> = {};
        for (const m of milestoneStages) {
          const value = dates[m];
          if (value !== undefined) out[m] = value;
        }
        return out;
      };
      return {
        id: row.id,
        name: row.name,
        year: row.year,
        batch: row.batch,
        stage: row.stage,
        districts: row.districts,
        enterprise: row.enterprise,
        link: row.link,
        team: row.team,
        teamLead: row.teamLead,
        investmentPlannedYi: yi(row.investmentPlannedYi, row.investmentPlannedWan),
        investmentInPlaceYi: yi(row.investmentInPlaceYi, row.investmentInPlaceWan),
        planned: given({
          signed: row.plannedSigned,
          started: row.plannedStarted,
          operating: row.plannedOperating,
          effective: row.plannedEffective,
        }),
        actual: given({
          signed: row.actualSigned,
          started: row.actualStarted,
          operating: row.actualOperating,
          effective: row.actualEffective,
        }),
        landParcelId: row.landParcelId,
        landAreaHa: row.landAreaHa,
        jobsPlanned: row.jobsPlanned,
      };
    });
}

export type ProjectRow = z.output<ReturnType<typeof projectRowSchema>>;
