import { useSyncExternalStore } from 'react';

/**
 * Hash routes: `#/` is the chain list, `#/chains/<id>` a chain map. Hash routing needs no server
 * rewrite rules, so the API can serve the built files as they are.
 */

export type Route = { name: 'chain-list' } | { name: 'chain-map'; chainId: string } | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { name: 'chain-list' };
  const chainMatch = /^\/chains\/([^/]+)$/.exec(path);
  if (chainMatch?.[1]) {
    try {
      return { name: 'chain-map', chainId: decodeURIComponent(chainMatch[1]) };
    } catch {
      // A malformed escape such as `%E4%B8` is not a chain id.
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

export function chainListHref(): string {
  return '#/';
}

export function chainMapHref(chainId: string): string {
  return `#/chains/${encodeURIComponent(chainId)}`;
}

export function navigate(href: string): void {
  window.location.hash = href;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function getHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}
