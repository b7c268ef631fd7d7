/**
 * Generates the demo projects (六个一批) and land parcels of the seed:
 *   npx tsx graph-seeds/synthetic/generate-projects.ts
 * Reads the committed seed (districts, chains, enterprises) and writes `graph-seeds/data/projects.jsonl` and
 * `graph-seeds/data/land-parcels.json`. Nothing here is real: every entry says `source: 'synthetic'`. A fixed
 * random seed and a fixed reference day make the output byte-identical on every run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type {
  MilestoneStage,
  ProjectBatch,
  ProjectStage,
} from '../../api/src/domain/projects/project-lifecycle.ts';
import {
  type LandParcelSeed,
  type LandParcelStatus,
  landParcelSeedSchema,
  type ProjectSeed,
  projectSeedSchema,
} from '../project-seed.schemas.ts';
import {
  chainSeedSchema,
  type DistrictSeed,
  districtSeedSchema,
  type EnterpriseSeed,
  enterpriseSeedSchema,
  seedFiles,
} from '../seed.schemas.ts';

export const SYNTHETIC_SOURCE = 'synthetic';
/** The day the demo data describes. */
export const REFERENCE_DAY = '2026-11-15';
export const projectSeedFiles = { projects: 'projects.jsonl', landParcels: 'land-parcels.json' } as const;

/** mulberry32: a tiny deterministic generator; the same seed gives the same sequence everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface SeedInputs {
  districts: DistrictSeed[];
  chains: z.infer<typeof chainSeedSchema>[];
  enterprises: EnterpriseSeed[];
}

export function readSeedInputs(dir: string): SeedInputs {
  const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
  return {
    districts: z.array(districtSeedSchema).parse(JSON.parse(read(seedFiles.districts.file))),
    chains: z.array(chainSeedSchema).parse(JSON.parse(read(seedFiles.chains.file))),
    enterprises: read(seedFiles.enterprises.file)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => enterpriseSeedSchema.parse(JSON.parse(l))),
  };
}

/** How many projects of each batch per list year, and the stages they are in (weighted by repetition). */
const batchPlan: Record<ProjectBatch, { count: number; stages: ProjectStage[] }> = {
  reserve: { count: 8, stages: ['planning', 'planning', 'planning', 'negotiating'] },
  attract: { count: 10, stages: ['negotiating', 'negotiating', 'signed', 'signed', 'terminated'] },
  landing: { count: 10, stages: ['signed', 'started', 'started', 'started', 'operating', 'suspended'] },
  grow: { count: 6, stages: ['operating', 'operating', 'effective'] },
  revive: { count: 5, stages: ['planning', 'negotiating', 'started'] },
  policy: { count: 4, stages: ['started', 'operating', 'effective'] },
};

const lifeStages: ProjectStage[] = ['planning', 'negotiating', 'signed', 'started', 'operating', 'effective'];
const milestones: MilestoneStage[] = ['signed', 'started', 'operating', 'effective'];
const teamLeads = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

export function generate(inputs: SeedInputs): { projects: ProjectSeed[]; landParcels: LandParcelSeed[] } {
  const rng = random(20_260_601);
  const chainsById = new Map(inputs.chains.map((c) => [c.id, c]));
  const linkName = new Map(inputs.chains.flatMap((c) => c.links.map((l) => [l.id, l.name] as const)));
  // Districts with a known priority chain take most projects; the others get a share on any chain.
  const focus = inputs.districts.filter((d) => d.priorities.length > 0);
  const others = inputs.districts.filter((d) => d.priorities.length === 0);
  const outside = inputs.enterprises.filter((e) => e.districtCode === undefined && e.city !== '成都市');
  const localOf = (code: string) => inputs.enterprises.filter((e) => e.districtCode === code);

  const landParcels: LandParcelSeed[] = [];
  const parcelStatuses: LandParcelStatus[] = [
    'approved_unsupplied',
    'supplied_unused',
    'supplied_unused',
    'stalled_building',
    'in_use',
    'in_use',
  ];
  const useOf = ['工业用地', '工业用地', '科研用地', '仓储用地'];
  for (const district of inputs.districts) {
    const count =
      district.parks.length > 0 ? rng.int(2, 3) : district.kind === 'functional-zone' ? 2 : rng.int(0, 2);
    for (let i = 1; i <= count; i++) {
      const status = rng.pick(parcelStatuses);
      const park = district.parks.length > 0 ? rng.pick(district.parks) : undefined;
      const id = `lp-${district.code.replace(/^zone-/, '')}-${String(i).padStart(2, '0')}`;
      landParcels.push({
        id,
        name: `${park?.name ?? district.name}${i}号地块`,
        districtCode: district.code,
        ...(park === undefined ? {} : { parkId: park.id }),
        areaHa: round1(2 + rng.next() * 28),
        status,
        ...(status === 'approved_unsupplied'
          ? {}
          : { suppliedOn: addDays(REFERENCE_DAY, -rng.int(120, 900)) }),
        use: rng.pick(useOf),
        source: SYNTHETIC_SOURCE,
        asOf: REFERENCE_DAY,
      });
    }
  }
  const freeParcels = (districtCode: string, statuses: LandParcelStatus[]) =>
    landParcels.filter(
      (p) => p.districtCode === districtCode && statuses.includes(p.status) && !usedParcels.has(p.id),
    );
  const usedParcels = new Set<string>();

  const projects: ProjectSeed[] = [];
  for (const year of [2025, 2026]) {
    let n = 0;
    for (const [batch, plan] of Object.entries(batchPlan) as [
      ProjectBatch,
      (typeof batchPlan)[ProjectBatch],
    ][]) {
      for (let i = 0; i < plan.count; i++) {
        n++;
        // A revived project starts from an idle parcel, so its district is the parcel's.
        const idle = landParcels.filter((p) => p.status !== 'in_use' && !usedParcels.has(p.id));
        const idleParcel = batch === 'revive' && idle.length > 0 ? rng.pick(idle) : undefined;
        const district =
          idleParcel !== undefined
            ? (inputs.districts.find((d) => d.code === idleParcel.districtCode) ?? rng.pick(focus))
            : rng.chance(0.75)
              ? rng.pick(focus)
              : rng.pick(others);
        const chainId =
          district.priorities.length > 0 ? rng.pick(district.priorities).chainId : rng.pick(inputs.chains).id;
        const chain = chainsById.get(chainId);
        if (chain === undefined) throw new Error(`unknown chain ${chainId}`);
        const link = rng.pick(chain.links);
        let stage = rng.pick(plan.stages);
        let resumeStage: ProjectStage | undefined;
        if (stage === 'suspended') resumeStage = rng.pick<ProjectStage>(['signed', 'started']);

        // Who: an outside firm in the link for attraction and landing, a local one for growth, none for ideas.
        const inLink = outside.filter((e) => e.links.some((l) => l.linkId === link.id));
        const locals = localOf(district.code);
        const enterprise: EnterpriseSeed | undefined =
          batch === 'grow' || batch === 'policy'
            ? locals.length > 0
              ? rng.pick(locals)
              : inLink.length > 0
                ? rng.pick(inLink)
                : undefined
            : stage === 'planning' || inLink.length === 0
              ? undefined
              : rng.pick(inLink);
        const linkLabel = linkName.get(link.id) ?? link.name;
        const kind =
          batch === 'revive' ? '盘活' : batch === 'grow' ? '扩能' : batch === 'policy' ? '技改' : '';
        const name = enterprise
          ? `${enterprise.name}${district.name}${linkLabel}${kind}项目`
          : `${district.name}${linkLabel}${kind || '产业化'}项目`;

        // When: the list year sets the planned start; earlier milestones lead it, later ones follow.
        const start = addDays(`${year}-01-01`, rng.int(30, 330));
        const planned: ProjectSeed['planned'] = {
          signed: addDays(start, -rng.int(60, 200)),
          started: start,
          operating: addDays(start, rng.int(300, 720)),
          effective: addDays(start, rng.int(800, 1200)),
        };
        const reachedStage =
          stage === 'suspended' ? (resumeStage ?? 'started') : stage === 'terminated' ? 'negotiating' : stage;
        const progress = lifeStages.indexOf(reachedStage);
        const actual: ProjectSeed['actual'] = {};
        for (const m of milestones) {
          if (lifeStages.indexOf(m) > progress) continue;
          const plannedDay = planned[m];
          if (plannedDay === undefined) continue;
          // Most are on time or early, some late: the red/black list has something to tell apart.
          const day = addDays(plannedDay, rng.chance(0.6) ? -rng.int(0, 40) : rng.int(5, 150));
          actual[m] = day > REFERENCE_DAY ? REFERENCE_DAY : day;
        }
        // A milestone whose actual day would come after the reference day has not happened yet.
        if (actual.started !== undefined && actual.started > REFERENCE_DAY) delete actual.started;
        if (progress >= lifeStages.indexOf('started') && actual.started === undefined) {
          stage = 'signed';
        }

        const investmentPlannedYi = round1(
          rng.pick([1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 80]) * (0.8 + rng.next() * 0.4),
        );
        const inPlaceShare =
          progress < lifeStages.indexOf('signed')
            ? 0
            : progress === lifeStages.indexOf('signed')
              ? rng.next() * 0.1
              : progress === lifeStages.indexOf('started')
                ? rng.next() * 0.7
                : 0.6 + rng.next() * 0.45;
        const investmentInPlaceYi = round2(investmentPlannedYi * Math.min(1, inPlaceShare));

        // Land: revived projects take idle parcels; landing projects often hold one.
        let landParcelId: string | undefined;
        let landAreaHa: number | undefined;
        const wantsLand = batch === 'revive' || (batch === 'landing' && rng.chance(0.6));
        if (wantsLand) {
          const candidates = freeParcels(
            district.code,
            batch === 'revive'
              ? ['supplied_unused', 'stalled_building', 'approved_unsupplied']
              : progress >= lifeStages.indexOf('started')
                ? ['in_use', 'stalled_building']
                : ['supplied_unused'],
          );
          const parcel = idleParcel ?? (candidates.length > 0 ? rng.pick(candidates) : undefined);
          if (parcel !== undefined) {
            usedParcels.add(parcel.id);
            landParcelId = parcel.id;
            landAreaHa = parcel.areaHa;
          }
        }

        const partner = rng.chance(0.15)
          ? rng.pick(inputs.districts.filter((d) => d.code !== district.code))
          : undefined;
        const lastUpdate = addDays(REFERENCE_DAY, -rng.int(3, 160));
        projects.push({
          id: `prj-${year}-${String(n).padStart(3, '0')}`,
          name,
          year,
          batch,
          stage,
          ...(stage === 'suspended' && resumeStage !== undefined ? { resumeStage } : {}),
          ...(enterprise === undefined ? {} : { enterpriseId: enterprise.id }),
          districts: [
            { code: district.code, role: 'lead' },
            ...(partner === undefined ? [] : [{ code: partner.code, role: 'partner' as const }]),
          ],
          linkId: link.id,
          team: `${chain.name}${batch === 'revive' ? '盘活' : '重大项目'}专班`,
          teamLead: `${rng.pick(teamLeads)}${rng.pick(['主任', '局长', '副局长', '处长'])}`,
          planned: stage === 'planning' ? { signed: planned.signed, started: planned.started } : planned,
          actual,
          investmentPlannedYi,
          investmentInPlaceYi,
          ...(landParcelId === undefined ? {} : { landParcelId }),
          ...(landAreaHa === undefined ? {} : { landAreaHa }),
          jobsPlanned: Math.round(investmentPlannedYi * rng.int(20, 60)),
          lastUpdate: lastUpdate < (actual.started ?? '0000') ? (actual.started ?? lastUpdate) : lastUpdate,
          source: SYNTHETIC_SOURCE,
          asOf: REFERENCE_DAY,
        });
      }
    }
  }
  for (const p of projects) projectSeedSchema.parse(p);
  for (const p of landParcels) landParcelSeedSchema.parse(p);
  return { projects, landParcels };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = fileURLToPath(new URL('../data', import.meta.url));
  const { projects, landParcels } = generate(readSeedInputs(dir));
  writeFileSync(
    resolve(dir, projectSeedFiles.projects),
    projects.map((p) => `${JSON.stringify(p)}\n`).join(''),
    'utf8',
  );
  writeFileSync(
    resolve(dir, projectSeedFiles.landParcels),
    `${JSON.stringify(landParcels, null, 2)}\n`,
    'utf8',
  );
  process.stdout.write(`wrote ${projects.length} projects and ${landParcels.length} land parcels\n`);
}
