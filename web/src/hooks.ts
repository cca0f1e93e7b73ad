import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api/http.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads with `load` whenever `key` changes or `reload` is called, cancelling the previous request;
 * keeps the previous data while the next page loads so that tables do not collapse and jump.
 * `refresh` loads again without marking the data as loading (background updates must not dim the
 * page). Every page of the desk loads its data through this hook.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Loaded<T> & { reload: () => void; refresh: () => void } {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const quiet = useRef(false);
  useEffect(() => {
    const controller = new AbortController();
    if (!quiet.current) setState((s) => ({ ...s, loading: true }));
    quiet.current = false;
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
  // Stable, so that an effect (a polling timer, say) can depend on them.
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return {
    ...state,
    reload,
    refresh,
  };
}

/**
 * Loads with `load` now and again every `intervalMs` while `keepPolling(data)` says so (work in
 * progress); stops when it says no, and while the tab is hidden. `poll()` starts it again.
 */
export function usePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  keepPolling: (data: T) => boolean,
  intervalMs: number,
): Loaded<T> & { poll: () => void } {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      if (document.hidden) {
        timer = setTimeout(tick, intervalMs);
        return;
      }
      load(controller.signal).then(
        (data) => {
          if (controller.signal.aborted) return;
          setState({ data, error: null, loading: false });
          if (keepPolling(data)) timer = setTimeout(tick, intervalMs);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ data: s.data, error: errorText(error), loading: false }));
          // A server restarting is worth a few more tries, further apart.
          timer = setTimeout(tick, intervalMs * 4);
        },
      );
    };
    tick();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // `load` and `keepPolling` are new closures each render; `generation` restarts the loop.
  }, [generation, intervalMs]);
  return { ...state, poll: () => setGeneration((g) => g + 1) };
}
