import { NotFoundError } from '../errors.ts';
import { type Coalition, coalitionRules, suggestCoalitions } from './coalitions.ts';
import {
  type DistrictFacts,
  type DistrictFit,
  type FitTarget,
  fitRules,
  rankDistricts,
} from './district-fit.ts';

/** What district fit reads from the graph; implemented by `graph/district-fit.repository.ts`. */
export interface DistrictFitStore {
  findTarget(id: string): Promise<FitTarget | undefined>;
  districtFacts(target: FitTarget): Promise<DistrictFacts[]>;
}

export interface DistrictFitReport {
  target: {
    id: string;
    name: string;
    districtCode: string | null;
    links: FitTarget['links'];
    synthetic: boolean;
  };
  rules: { fit: typeof fitRules; coalition: typeof coalitionRules };
  districts: DistrictFit[];
  coalitions: Coalition[];
}

export function createDistrictFitService(store: DistrictFitStore) {
  const fitsFor = async (enterpriseId: string) => {
    const target = await store.findTarget(enterpriseId);
    if (!target) throw new NotFoundError('Enterprise', enterpriseId);
    return { target, fits: rankDistricts(target, await store.districtFacts(target)) };
  };

  return {
    /** Every district ranked for the target, and the coalitions that would do better together. */
    async districtFit(enterpriseId: string, suggestions: number): Promise<DistrictFitReport> {
      const { target, fits } = await fitsFor(enterpriseId);
      return {
        target: {
          id: target.id,
          name: target.name,
          districtCode: target.districtCode,
          links: target.links,
          synthetic: target.source.split(/;\s*/).includes('synthetic'),
        },
        rules: { fit: fitRules, coalition: coalitionRules },
        districts: fits,
        coalitions: suggestCoalitions(fits, suggestions),
      };
    },

    /** The fit of each named district for the target, in the order given (undefined for unknown codes). */
    async fitsOf(enterpriseId: string, codes: readonly string[]): Promise<(DistrictFit | undefined)[]> {
      const { fits } = await fitsFor(enterpriseId);
      return codes.map((code) => fits.find((f) => f.code === code));
    },
  };
}

export type DistrictFitService = ReturnType<typeof createDistrictFitService>;
