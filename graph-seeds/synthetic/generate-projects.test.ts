import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectBatches } from '../../api/src/domain/projects/project-lifecycle.ts';
import { generate, projectSeedFiles, readSeedInputs } from './generate-projects.ts';

const dir = fileURLToPath(new URL('../data', import.meta.url));

describe('synthetic demo projects', () => {
  const { projects, landParcels } = generate(readSeedInputs(dir));

  it('are what the committed files hold (regenerate with npx tsx graph-seeds/synthetic/generate-projects.ts)', () => {
    const committed = readFileSync(resolve(dir, projectSeedFiles.projects), 'utf8');
    expect(committed).toBe(projects.map((p) => `${JSON.stringify(p)}\n`).join(''));
    const parcels = readFileSync(resolve(dir, projectSeedFiles.landParcels), 'utf8');
    expect(parcels).toBe(`${JSON.stringify(landParcels, null, 2)}\n`);
  });

  it('cover the six batches in two yearly lists, all marked synthetic', () => {
    expect(projects.length).toBeGreaterThanOrEqual(60);
    expect(projects.length).toBeLessThanOrEqual(120);
    expect(new Set(projects.map((p) => p.batch))).toEqual(new Set(projectBatches));
    expect(new Set(projects.map((p) => p.year))).toEqual(new Set([2025, 2026]));
    expect([...projects, ...landParcels].every((x) => x.source === 'synthetic')).toBe(true);
    expect(projects.filter((p) => p.batch === 'revive').every((p) => p.landParcelId !== undefined)).toBe(
      true,
    );
  });
});
