import { useState } from 'react';
import {
  exportExcerpt,
  previewExcerpt,
  type ExcerptExport,
  type ExcerptPreview,
  type ExcerptSelection,
} from '../../../api/excerpts.ts';
import { ApiError, errorText } from '../../../api/http.ts';

export type SelectionMode = 'segments' | 'range';

/** A refused export: the server's sentence and, for a leak, each hit (file and place, what). */
export interface ExportRefusal {
  message: string;
  hits: { path: string; message: string }[];
}

/**
 * The excerpt builder's state: the selection (segments or a time range), the preview of it, and
 * the export. Changing the selection drops the preview and the export made of the old one, so
 * what is exported is always what was last previewed.
 */
export function useExcerptBuilder(recordingId: string) {
  const [mode, setModeState] = useState<SelectionMode>('segments');
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const [range, setRangeState] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [protectAll, setProtectAllState] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [preview, setPreview] = useState<ExcerptPreview | null>(null);
  const [made, setMade] = useState<ExcerptExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ExportRefusal | null>(null);
  const [busy, setBusy] = useState<'preview' | 'export' | null>(null);

  const reset = () => {
    setPreview(null);
    setMade(null);
    setRefusal(null);
    setError(null);
  };
  const selection = (): ExcerptSelection =>
    mode === 'segments'
      ? { segmentIds }
      : {
          ...(range.from.trim() ? { from: Number(range.from) } : {}),
          ...(range.to.trim() ? { to: Number(range.to) } : {}),
        };

  const runPreview = async () => {
    reset();
    setBusy('preview');
    try {
      setPreview(await previewExcerpt(recordingId, { ...selection(), protectAll }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const runExport = async () => {
    setMade(null);
    setRefusal(null);
    setError(null);
    setBusy('export');
    try {
      const reason = overrideReason.trim();
      setMade(
        await exportExcerpt({
          recordingId,
          selection: selection(),
          protectAll,
          ...(preview?.policy.overrideNeeded && reason ? { overrideReason: reason } : {}),
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.body.error === 'leak_found')
        setRefusal({ message: e.body.message.split('\n')[0] ?? e.message, hits: e.body.issues ?? [] });
      else setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return {
    mode,
    setMode: (next: SelectionMode) => {
      setModeState(next);
      reset();
    },
    segmentIds,
    toggleSegment: (id: string) => {
      setSegmentIds((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));
      reset();
    },
    range,
    setRange: (next: { from: string; to: string }) => {
      setRangeState(next);
      reset();
    },
    protectAll,
    setProtectAll: (value: boolean) => {
      setProtectAllState(value);
      reset();
    },
    overrideReason,
    setOverrideReason,
    preview,
    made,
    error,
    refusal,
    busy,
    runPreview,
    runExport,
  };
}

export type ExcerptBuilder = ReturnType<typeof useExcerptBuilder>;
