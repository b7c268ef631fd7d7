import { useCallback, useRef, useState } from 'react';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: T }
  | { status: 'error'; error: unknown };

/**
 * One write at a time from a form or button: its state for the page to show (running, the API's answer,
 * the error), and `run` that ignores a second click while the first is under way.
 */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const running = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setState({ status: 'running' });
    try {
      const result = await actionRef.current(...args);
      setState({ status: 'done', result });
      return result;
    } catch (error) {
      setState({ status: 'error', error });
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
