import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isAbortError } from './api-client.ts';

/** What one endpoint file exports: a key that identifies the request and the fetcher that makes it. */
export interface QueryOptions<T> {
  key: string;
  fetch: (signal: AbortSignal) => Promise<T>;
}

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

type Settled<T> = { key: string; attempt: number; state: QueryState<T> };

/**
 * Runs a query when its key changes and cancels the previous one, so a fast click from one chain to
 * another never shows the older answer.
 */
export function useApiQuery<T>(query: QueryOptions<T>): QueryState<T> & { retry: () => void } {
  const { key } = query;
  const fetchRef = useRef(query.fetch);
  fetchRef.current = query.fetch;
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchRef.current(controller.signal).then(
      (data) => setSettled({ key, attempt, state: { status: 'success', data } }),
      (error: unknown) => {
        if (!isAbortError(error)) setSettled({ key, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A result for another key or an earlier attempt is stale: show loading until the current one settles.
  const current = settled && settled.key === key && settled.attempt === attempt ? settled.state : null;
  // The same object until the state changes, so callers may memoise on it.
  return useMemo(() => ({ ...(current ?? loading), retry }), [current, retry]);
}

const loading: QueryState<never> = { status: 'loading' };
