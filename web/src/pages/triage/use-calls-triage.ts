import { useCallback, useMemo, useState } from 'react';
import { setStar, tagsInUse, triageOf, type CallTriage } from '../../api/triage.ts';
import { useLoad } from '../../hooks.ts';

/**
 * Tags, stars and the selection of a page of calls: read for the page's ids, read again after a
 * change. The selection is kept by id, so a call stays ticked while the page is read again.
 */
export function useCallsTriage(ids: readonly string[]) {
  const key = ids.join(',');
  const triage = useLoad(`triage:${key}`, (signal) => triageOf(ids, signal));
  const tags = useLoad(`tags:${key}`, (signal) => tagsInUse(signal));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const byId = useMemo(
    () => new Map<string, CallTriage>((triage.data ?? []).map((c) => [c.recordingId, c])),
    [triage.data],
  );
  const refresh = useCallback(() => {
    triage.refresh();
    tags.refresh();
  }, [triage, tags]);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(ids));
  const star = async (id: string, on: boolean) => {
    await setStar(id, on);
    triage.refresh();
  };
  return {
    byId,
    suggestions: (tags.data ?? []).map((t) => t.tag),
    selected: [...selected],
    isSelected: (id: string) => selected.has(id),
    allSelected,
    toggle,
    toggleAll,
    clear: () => setSelected(new Set()),
    star,
    refresh,
  };
}

export type CallsTriage = ReturnType<typeof useCallsTriage>;
