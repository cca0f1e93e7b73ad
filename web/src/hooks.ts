import { useCallback, useEffect, useState } from 'react';
import { errorText } from './api/http.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads with `load` whenever `key` changes or `reload` is called, cancelling the previous request;
 * keeps the previous data while the next page loads so that tables do not collapse and jump.
 * Every page of the desk loads its data through this hook.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((s) => ({ data: s.data, error: errorText(error), loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `key` says when its inputs changed.
  }, [key, generation]);
  // Stable, so that an effect (a polling timer, say) can depend on it.
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
