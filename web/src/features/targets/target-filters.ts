import type { QueryInput } from '../../lib/routes.ts';

/** The target finder's filters as they sit in the address (`#/targets?chain=…&page=2`). */
export interface TargetFilters {
  chain: string;
  link: string;
  district: string;
  province: string;
  board: string;
  /** '' when not filtered; otherwise a number between 0 and 1 as text. */
  minQuality: string;
  profile: string;
  page: number;
}

export const targetPageSize = 20;

/** Listing boards the seed knows, in the order a reader scans them. */
export const boards = ['主板', '科创板', '创业板', '北交所'] as const;

/** Provinces with the most candidate firms first. */
export const provinces = [
  '广东',
  '江苏',
  '浙江',
  '北京',
  '上海',
  '山东',
  '福建',
  '湖北',
  '安徽',
  '湖南',
  '河南',
  '重庆',
  '陕西',
  '天津',
  '四川',
] as const;

export const qualityThresholds = ['0.4', '0.5', '0.6', '0.7', '0.8'] as const;

export function readTargetFilters(query: URLSearchParams): TargetFilters {
  const page = Number.parseInt(query.get('page') ?? '', 10);
  const minQuality = query.get('minQuality') ?? '';
  const quality = Number(minQuality);
  return {
    chain: query.get('chain') ?? '',
    link: query.get('link') ?? '',
    district: query.get('district') ?? '',
    province: query.get('province') ?? '',
    board: query.get('board') ?? '',
    // A threshold outside [0,1] would only earn a 400; ignore it instead.
    minQuality: minQuality !== '' && quality >= 0 && quality <= 1 ? minQuality : '',
    profile: query.get('profile') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** True when the API can rank: it needs a chain, a link or a district to rank for. */
export function hasScope(filters: TargetFilters): boolean {
  return filters.chain !== '' || filters.link !== '' || filters.district !== '';
}

/** The API query string of a ranking: the filters, a page of `limit`, and an optional export format. */
export function targetsApiPath(
  filters: TargetFilters,
  options: { format?: 'csv' | 'xlsx'; limit?: number } = {},
): string {
  const params: QueryInput = {
    chain: filters.chain,
    link: filters.link,
    district: filters.district,
    province: filters.province,
    board: filters.board,
    minQuality: filters.minQuality,
    profile: filters.profile,
    page: options.format ? 1 : filters.page,
    limit: options.limit ?? targetPageSize,
    format: options.format,
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  return `/api/targets?${search.toString()}`;
}

/** Changing any filter starts again at page 1; changing the chain also drops a link of the old chain. */
export function filterPatch(key: keyof Omit<TargetFilters, 'page'>, value: string): QueryInput {
  const patch: QueryInput = { [key]: value, page: null };
  if (key === 'chain') patch.link = null;
  return patch;
}
