import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../api/http.ts';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'failed'; failure: ApiFailure }
  | { status: 'ready'; data: T };

/**
 * Loads data from the API while the component is mounted and again whenever `key` changes or
 * `reload` is called. A reload keeps showing the data it has until the new answer arrives, so a
 * list does not flash empty after every change.
 */
export function useApiData<T>(
  load: (signal: AbortSignal) => Promise<ApiResult<T>>,
  key: string,
): [Loadable<T>, () => void] {
  const [state, setState] = useState<{ key: string; value: Loadable<T> }>({
    key,
    value: { status: 'loading' },
  });
  const [generation, setGeneration] = useState(0);

  // `load` is a new closure on every render; `key` says when it asks for something else.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState({
        key,
        value: result.ok
          ? { status: 'ready', data: result.data }
          : { status: 'failed', failure: result },
      });
    });
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // Another key's data must never show, not even for the render before the effect runs.
  return [state.key === key ? state.value : { status: 'loading' }, reload];
}
