import { homeCity } from '../home-city.ts';

/**
 * Whose gaps and whose targets: the city as a whole, one of its districts, or (for the back-test only) an
 * arbitrary city or province standing in for "local".
 */
export type Locality =
  | { kind: 'city' }
  | { kind: 'district'; code: string; name: string }
  | { kind: 'area'; field: 'city' | 'province'; value: string };

/**
 * The city served. A firm is in it when its district is known or, failing that, its city is (see
 * `domain/home-city.ts`): proposing a Chengdu firm to Chengdu as an outside target would be wrong.
 */
export const homeCityName: string = homeCity.name;

/** How a scope is named in reason sentences ("本市暂无企业…", "龙泉驿区暂无企业…"). */
export function localityLabel(locality: Locality): string {
  switch (locality.kind) {
    case 'city':
      return '本市';
    case 'district':
      return locality.name;
    case 'area':
      return locality.value;
  }
}
