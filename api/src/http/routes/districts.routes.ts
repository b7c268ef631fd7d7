import { NotFoundError } from '../../domain/errors.ts';
import type { DistrictRepository } from '../../graph/district.repository.ts';
import { defineRoute } from '../route.ts';
import {
  districtDetailSchema,
  districtListSchema,
  districtParamsSchema,
} from '../schemas/district.schemas.ts';

export function districtRoutes(districts: DistrictRepository) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/districts',
      tag: 'districts',
      summary: 'Districts, county-level cities, counties and functional zones, with local enterprise counts',
      response: districtListSchema,
      handler: async () => {
        const items = await districts.listDistricts();
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/districts/:code',
      tag: 'districts',
      summary: 'One district: priority chains, parks, local enterprises by chain',
      params: districtParamsSchema,
      response: districtDetailSchema,
      errors: [404],
      handler: async ({ params }) => {
        const district = await districts.getDistrict(params.code);
        if (!district) throw new NotFoundError('District', params.code);
        return district;
      },
    }),
  ];
}
