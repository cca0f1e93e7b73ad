import type { RecordingSummary } from '../../api/recordings.ts';
import { hrefFor } from '../../router.ts';
import type { CallsTriage } from './use-calls-triage.ts';
import { StarToggle, TagChips } from './tag-chips.tsx';

/** The tick box of a row: selects the call for the bulk bar (the row itself opens the call). */
export function SelectCell({ item, triage }: { item: RecordingSummary; triage: CallsTriage }) {
  return (
    <td className="select-cell" onClick={(e) => e.stopPropagation()}>
      <input
        type="checkbox"
        checked={triage.isSelected(item.id)}
        onChange={(e) => triage.toggle(item.id, e.target.checked)}
        aria-label={`Select call ${item.originalFilename}`}
        data-testid="select-call"
      />
    </td>
  );
}

export function SelectAllCell({ triage }: { triage: CallsTriage }) {
  return (
    <th className="select-cell">
      <input
        type="checkbox"
        checked={triage.allSelected}
        onChange={triage.toggleAll}
        aria-label="Select every call on this page"
      />
    </th>
  );
}

/** Your star and the call's tags (on the call itself; segment tags are on the Call page). */
export function CallTriageCell({ item, triage }: { item: RecordingSummary; triage: CallsTriage }) {
  const info = triage.byId.get(item.id);
  const callTags = [...new Set(info?.tags.filter((t) => t.segmentId === null).map((t) => t.tag) ?? [])];
  return (
    <div className="row-triage">
      <StarToggle
        starred={info?.starred ?? false}
        label={`call ${item.originalFilename}`}
        onToggle={(on) => triage.star(item.id, on)}
      />
      <TagChips tags={callTags} hrefOf={(tag) => hrefFor('calls', { tag })} />
    </div>
  );
}

/** Says that the list is filtered to a tag, with the way back to every call. */
export function TagFilterNotice({ tag }: { tag: string | undefined }) {
  if (!tag) return null;
  return (
    <p className="tag-filter" data-testid="tag-filter">
      Calls tagged <strong>{tag}</strong> (on the call or a segment) ·{' '}
      <a href={hrefFor('calls')}>show every call</a>
    </p>
  );
}
