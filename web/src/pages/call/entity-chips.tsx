import { useState } from 'react';
import type { RecordingAnalysis } from '../../api/analysis.ts';
import { errorText } from '../../api/http.ts';
import {
  entryForEntity,
  getRegister,
  isProtectableEntityKind,
  mayManageRegister,
  protectEntity,
  type RegisterEntry,
} from '../../api/register.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';
import { numberHref } from '../numbers/number-href.ts';
import '../register/register.css';

interface Chip {
  kind: string;
  value: string;
  placeId?: string;
}

/** The register of the call's collection, and one-click protection of an entity into it. */
function useCallRegister(recordingId: string, collectionId: string | null) {
  const register = useLoad(`register:${collectionId ?? ''}`, (signal) =>
    collectionId ? getRegister(collectionId, signal) : Promise.resolve(null),
  );
  const mayManage = useLoad('may-manage-register', (signal) => mayManageRegister(signal)).data ?? false;
  const [error, setError] = useState<string | null>(null);
  const protect = async (chip: Chip) => {
    try {
      if (!isProtectableEntityKind(chip.kind)) return;
      await protectEntity(recordingId, { kind: chip.kind, value: chip.value });
      setError(null);
      register.refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return { entries: register.data?.entries ?? [], loaded: register.data !== null, mayManage, protect, error };
}

function Protection({
  chip,
  entry,
  mayManage,
  onProtect,
}: {
  chip: Chip;
  entry: RegisterEntry | undefined;
  mayManage: boolean;
  onProtect: (chip: Chip) => void;
}) {
  if (entry)
    return (
      <a
        className="protected-as"
        data-testid="protected-as"
        href={hrefFor(`collections/${entry.collectionId}/register`)}
        title="In the collection's protected-identity register"
      >
        protected as {entry.pseudonym}
      </a>
    );
  if (!mayManage) return null;
  return (
    <button
      type="button"
      className="protect-action"
      aria-label={`Protect ${chip.kind.replace('_', ' ')} ${chip.value}`}
      onClick={() => onProtect(chip)}
    >
      Protect
    </button>
  );
}

/**
 * The persons, places, numbers, units and call signs of the analysis, one chip each; each gets a
 * Protect button (editors and admins) that adds it to the register of the call's collection, and
 * says under which pseudonym once it is protected.
 */
export function EntityChips({
  analysis,
  recordingId,
  collectionId,
}: {
  analysis: RecordingAnalysis;
  recordingId: string;
  collectionId: string | null;
}) {
  const { entries, loaded, mayManage, protect, error } = useCallRegister(recordingId, collectionId);
  const chips = new Map<string, Chip>();
  for (const e of analysis.entities)
    chips.set(`${e.kind}:${e.value}`, { kind: e.kind, value: e.value, placeId: e.place?.id });
  if (chips.size === 0) return null;
  return (
    <div className="entity-chips" data-testid="entity-chips">
      {[...chips.values()].map((e) => {
        const href =
          e.kind === 'place'
            ? hrefFor('calls', { place: e.placeId ?? e.value })
            : e.kind === 'phone'
              ? numberHref(e.value)
              : undefined;
        const label = `${e.kind.replace('_', ' ')}: ${e.value}`;
        const chip = href ? (
          <a className={`chip entity-chip entity-${e.kind}`} href={href}>
            {label}
          </a>
        ) : (
          <span className={`chip entity-chip entity-${e.kind}`}>{label}</span>
        );
        return (
          <span key={label} className="entity-item" data-testid="entity-item" data-entity={label}>
            {chip}
            {loaded && isProtectableEntityKind(e.kind) ? (
              <Protection
                chip={e}
                entry={entryForEntity(entries, e.kind, e.value)}
                mayManage={mayManage}
                onProtect={(c) => void protect(c)}
              />
            ) : null}
          </span>
        );
      })}
      <ErrorMessage error={error} inline />
    </div>
  );
}
