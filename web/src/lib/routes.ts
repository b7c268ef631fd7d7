import { useMemo, useSyncExternalStore } from 'react';

/**
 * Hash routes, one table for the whole app: `#/chains/<id>?asOf=2025-01-01`. Hash routing needs no server
 * rewrite rules, so the API can serve the built files as they are; the query after `?` keeps a view's
 * filters in its address, so every view can be bookmarked and the back button restores it.
 */
const paths = {
  overview: '/',
  'chain-map': '/chains/:chainId',
  enterprise: '/enterprises/:enterpriseId',
  targets: '/targets',
  districts: '/districts',
  district: '/districts/:districtCode',
  joint: '/joint/:enterpriseId',
  proposals: '/proposals',
  proposal: '/proposals/:proposalId',
  projects: '/projects',
  project: '/projects/:projectId',
  alerts: '/alerts',
  rankings: '/rankings',
  'land-parcels': '/land-parcels',
  'admin-map': '/admin/map',
  'admin-imports': '/admin/imports',
  'admin-history': '/admin/history',
  'admin-weights': '/admin/weights',
  'admin-users': '/admin/users',
} as const;

type Paths = typeof paths;
export type RouteName = keyof Paths;

/** `'/a/:x/b/:y'` → `'x' | 'y'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Routes without path parameters: the ones a menu can link to directly. */
export type TopLevelRoute = {
  [N in RouteName]: [ParamNames<Paths[N]>] extends [never] ? N : never;
}[RouteName];

export type RouteParams<N extends RouteName> = { [K in ParamNames<Paths[N]>]: string };

export type Route =
  | { [N in RouteName]: { name: N; params: RouteParams<N>; query: URLSearchParams } }[RouteName]
  | { name: 'not-found'; params: Record<string, never>; query: URLSearchParams };

/** What every page component receives: its path parameters and the query of its address. */
export interface PageProps<N extends RouteName> {
  params: RouteParams<N>;
  query: URLSearchParams;
}

/** Values left out of a query: null, undefined and the empty string. */
export type QueryInput = Record<string, string | number | boolean | null | undefined>;

const routeNames = Object.keys(paths) as RouteName[];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryStart = raw.indexOf('?');
  const pathPart = (queryStart === -1 ? raw : raw.slice(0, queryStart)).replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1));
  const segments = pathPart.split('/');
  for (const name of routeNames) {
    const params = matchPath(paths[name].split('/'), segments);
    if (params) return { name, params, query } as Route;
  }
  return { name: 'not-found', params: {}, query };
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    const actual = segments[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        // A malformed escape such as `%E4%B8` is not an id.
        return null;
      }
    } else if (expected !== actual) return null;
  }
  return params;
}

/** The address of a view: `href('chain-map', { chainId: 'x' }, { asOf: '2025-01-01' })`. */
export function href<N extends RouteName>(name: N, params: RouteParams<N>, query: QueryInput = {}): string {
  const values = params as Record<string, string>;
  const path = paths[name].replace(/:([A-Za-z]+)/g, (_, key: string) =>
    encodeURIComponent(values[key] ?? ''),
  );
  const search = toSearch(query);
  return `#${path}${search === '' ? '' : `?${search}`}`;
}

function toSearch(query: QueryInput): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  return search.toString();
}

export function overviewHref(): string {
  return href('overview', {});
}

export function chainMapHref(chainId: string, query: QueryInput = {}): string {
  return href('chain-map', { chainId }, query);
}

export function enterpriseHref(enterpriseId: string): string {
  return href('enterprise', { enterpriseId });
}

export function navigate(target: string): void {
  window.location.hash = target;
}

/**
 * Changes some query values of the current view and keeps the others (a filter change), as a new history
 * entry so the back button undoes it.
 */
export function updateQuery(patch: QueryInput): void {
  const route = parseRoute(window.location.hash);
  const merged: QueryInput = Object.fromEntries(route.query.entries());
  Object.assign(merged, patch);
  const raw = window.location.hash.replace(/^#/, '');
  const pathPart = raw.split('?')[0] || '/';
  const search = toSearch(merged);
  navigate(`#${pathPart}${search === '' ? '' : `?${search}`}`);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function getHash(): string {
  return window.location.hash;
}

/** The current route; the same object until the address changes, so it can be an effect dependency. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return useMemo(() => parseRoute(hash), [hash]);
}
