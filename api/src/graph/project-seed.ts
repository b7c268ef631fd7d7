import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type LandParcelSeed,
  landParcelSeedSchema,
  type ProjectSeed,
  projectSeedSchema,
} from '../../../graph-seeds/project-seed.schemas.ts';
import { ValidationError } from '../domain/errors.ts';
import type { ManagedTransaction } from './database.ts';

/**
 * The seed's projects (六个一批) and land parcels: `projects.jsonl` and `land-parcels.json` in the seed folder.
 * Both are optional (a seed without them has none). What a project's life changes after loading (batch, stage,
 * version, actual dates, investment in place, the parcel's status) is written only when the node is created,
 * so reloading the seed neither resets moves nor changes anything on a graph that already has them.
 */
export const projectSeedFiles = { projects: 'projects.jsonl', landParcels: 'land-parcels.json' } as const;

export interface ProjectSeedData {
  projects: ProjectSeed[];
  landParcels: LandParcelSeed[];
}

/** Reads both files; `hash` receives their text so the seed's hash covers them. */
export async function readProjectSeed(dir: string, hash: (key: string, content: string) => void) {
  const read = async (file: string): Promise<string | null> => {
    try {
      return await readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`Seed file ${path.join(dir, file)} cannot be read (${(error as Error).message})`);
    }
  };
  const issues: { path: string; message: string }[] = [];
  const check = <T>(where: string, schema: z.ZodType<T>, value: unknown): T | null => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const i of parsed.error.issues)
      issues.push({ path: `${where} ${i.path.join('.')}`, message: i.message });
    return null;
  };
  const parseJson = (where: string, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      issues.push({ path: where, message: `not valid JSON (${(error as Error).message})` });
      return null;
    }
  };
  const projectsText = await read(projectSeedFiles.projects);
  const parcelsText = await read(projectSeedFiles.landParcels);
  const projects: ProjectSeed[] = [];
  if (projectsText !== null) {
    hash('projects', projectsText);
    projectsText.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${projectSeedFiles.projects}:${i + 1}`;
      const row = check(where, projectSeedSchema, parseJson(where, line));
      if (row !== null) projects.push(row);
    });
  }
  let landParcels: LandParcelSeed[] = [];
  if (parcelsText !== null) {
    hash('landParcels', parcelsText);
    landParcels =
      check(
        projectSeedFiles.landParcels,
        z.array(landParcelSeedSchema),
        parseJson(projectSeedFiles.landParcels, parcelsText),
      ) ?? [];
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid seed data: ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
      issues,
    );
  }
  return { projects, landParcels };
}

/** Broken references of projects and parcels, as `{path, message}`; firms only when the seed has them. */
export function projectSeedIssues(
  seed: ProjectSeedData,
  known: { districts: Set<string>; links: Set<string>; parks: Set<string>; enterprises: Set<string> | null },
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const parcels = new Set(seed.landParcels.map((p) => p.id));
  seed.landParcels.forEach((p, i) => {
    const where = `${projectSeedFiles.landParcels} ${i}`;
    if (!known.districts.has(p.districtCode))
      issues.push({ path: `${where}.districtCode`, message: `unknown district ${p.districtCode}` });
    if (p.parkId !== undefined && !known.parks.has(p.parkId))
      issues.push({ path: `${where}.parkId`, message: `unknown park ${p.parkId}` });
  });
  const ids = new Set<string>();
  seed.projects.forEach((p, i) => {
    const where = `${projectSeedFiles.projects}:${i + 1}`;
    if (ids.has(p.id)) issues.push({ path: `${where} id`, message: `duplicate project ${p.id}` });
    ids.add(p.id);
    for (const d of p.districts)
      if (!known.districts.has(d.code))
        issues.push({ path: `${where} districts`, message: `unknown district ${d.code}` });
    if (p.linkId !== undefined && !known.links.has(p.linkId))
      issues.push({ path: `${where} linkId`, message: `unknown link ${p.linkId}` });
    if (p.landParcelId !== undefined && !parcels.has(p.landParcelId))
      issues.push({ path: `${where} landParcelId`, message: `unknown land parcel ${p.landParcelId}` });
    if (p.enterpriseId !== undefined && known.enterprises !== null && !known.enterprises.has(p.enterpriseId))
      issues.push({ path: `${where} enterpriseId`, message: `unknown enterprise ${p.enterpriseId}` });
  });
  return issues;
}

const flat = (p: ProjectSeed) => ({
  ...p,
  plannedSigned: p.planned.signed ?? null,
  plannedStarted: p.planned.started ?? null,
  plannedOperating: p.planned.operating ?? null,
  plannedEffective: p.planned.effective ?? null,
  actualSigned: p.actual.signed ?? null,
  actualStarted: p.actual.started ?? null,
  actualOperating: p.actual.operating ?? null,
  actualEffective: p.actual.effective ?? null,
  resumeStage: p.resumeStage ?? null,
  enterpriseId: p.enterpriseId ?? null,
  linkId: p.linkId ?? null,
  landParcelId: p.landParcelId ?? null,
  landAreaHa: p.landAreaHa ?? null,
  jobsPlanned: p.jobsPlanned ?? null,
  teamLead: p.teamLead ?? null,
});

const day = (key: string) => `CASE WHEN row.${key} IS NULL THEN null ELSE date(row.${key}) END`;

/** Writes parcels, then projects with their relationships and a first timeline event each (MERGE throughout). */
export async function writeProjectSeed(tx: ManagedTransaction, seed: ProjectSeedData): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (lp:LandParcel {id: row.id})
     ON CREATE SET lp.status = row.status, lp.version = 1
     SET lp.name = row.name, lp.districtCode = row.districtCode, lp.parkId = row.parkId, lp.areaHa = toFloat(row.areaHa),
         lp.suppliedOn = ${day('suppliedOn')}, lp.use = row.use, lp.source = row.source, lp.asOf = date(row.asOf)
     WITH lp, row
     CALL (lp, row) {
       MATCH (d:District {code: row.districtCode})
       MERGE (lp)-[r:IN_DISTRICT]->(d) SET r.source = row.source
     }
     CALL (lp, row) {
       MATCH (k:Park {id: row.parkId})
       MERGE (lp)-[r:IN_PARK]->(k) SET r.source = row.source
     }`,
    {
      rows: seed.landParcels.map((p) => ({
        ...p,
        parkId: p.parkId ?? null,
        suppliedOn: p.suppliedOn ?? null,
      })),
    },
  );
  await tx.run(
    `UNWIND $rows AS row
     MERGE (p:Project {id: row.id})
     ON CREATE SET p.batch = row.batch, p.stage = row.stage, p.resumeStage = row.resumeStage, p.version = 1,
                   p.updatedAt = datetime({date: date(row.lastUpdate)}), p.origin = 'seed',
                   p.investmentInPlaceYi = toFloat(row.investmentInPlaceYi),
                   p.actualSigned = ${day('actualSigned')}, p.actualStarted = ${day('actualStarted')},
                   p.actualOperating = ${day('actualOperating')}, p.actualEffective = ${day('actualEffective')}
     SET p.name = row.name, p.year = toInteger(row.year), p.team = row.team, p.teamLead = row.teamLead,
         p.plannedSigned = ${day('plannedSigned')}, p.plannedStarted = ${day('plannedStarted')},
         p.plannedOperating = ${day('plannedOperating')}, p.plannedEffective = ${day('plannedEffective')},
         p.investmentPlannedYi = toFloat(row.investmentPlannedYi), p.landAreaHa = toFloat(row.landAreaHa),
         p.jobsPlanned = toInteger(row.jobsPlanned), p.source = row.source, p.asOf = date(row.asOf)
     WITH p, row
     CALL (p, row) {
       UNWIND row.districts AS district
       MATCH (d:District {code: district.code})
       MERGE (p)-[r:IN_DISTRICT]->(d) SET r.role = district.role, r.source = row.source
     }
     CALL (p, row) {
       MATCH (e:Enterprise {id: row.enterpriseId})
       MERGE (p)-[r:BY_ENTERPRISE]->(e) SET r.source = row.source
     }
     CALL (p, row) {
       MATCH (l:Link {id: row.linkId})
       MERGE (p)-[r:IN_CHAIN_LINK]->(l) SET r.source = row.source
     }
     CALL (p, row) {
       MATCH (lp:LandParcel {id: row.landParcelId})
       MERGE (p)-[r:ON_PARCEL]->(lp) SET r.source = row.source
     }
     MERGE (e:ProjectEvent {id: row.id + ':1'})
     ON CREATE SET e.projectId = row.id, e.at = datetime({date: date(row.lastUpdate)}), e.date = date(row.lastUpdate),
                   e.actor = 'system', e.kind = 'create', e.toBatch = row.batch, e.toStage = row.stage,
                   e.reason = 'demo data (synthetic)', e.version = 1
     MERGE (p)-[:HAS_EVENT]->(e)`,
    { rows: seed.projects.map(flat) },
  );
}
