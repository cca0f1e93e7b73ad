import { protectedForms } from '../../publication/forms/protected-forms.ts';
import { FORM_ORIGINS } from '../../publication/protected-identity.ts';
import { toProtectedIdentity, type RegisterRow } from '../../publication/register/register-store.ts';
import type { EntryFormsResponse, ProtectedIdentityResponse } from '../schemas/register.ts';

export function presentRegisterEntry(row: RegisterRow): ProtectedIdentityResponse {
  return {
    id: row.id,
    collectionId: row.collection_id,
    kind: row.kind,
    label: row.label,
    pseudonym: row.pseudonym,
    formerPseudonyms: row.former_pseudonyms,
    person:
      row.kind === 'person'
        ? { firstName: row.first_name, patronymic: row.patronymic, surname: row.surname, gender: row.gender }
        : null,
    otherNames: row.other_names,
    voice:
      row.voice_recording_id !== null && row.voice_lane !== null
        ? { recordingId: row.voice_recording_id, lane: row.voice_lane }
        : null,
    source: { kind: row.source, recordingId: row.source_recording_id, entityId: row.source_entity_id },
    addedBy: row.added_by,
    addedAt: row.added_at.toISOString(),
    retired:
      row.retired_at !== null
        ? { at: row.retired_at.toISOString(), by: row.retired_by ?? '', reason: row.retired_reason ?? '' }
        : null,
  };
}

/** The forms the matcher looks for (the forms module's own list), grouped by where they come from. */
export function presentEntryForms(row: RegisterRow): EntryFormsResponse {
  const forms = protectedForms(toProtectedIdentity(row));
  const groups = FORM_ORIGINS.map((origin) => ({
    origin,
    forms: forms.filter((f) => f.origin === origin).map((f) => ({ text: f.text, detail: f.detail ?? null })),
  }));
  return { entryId: row.id, total: forms.length, groups: groups.filter((g) => g.forms.length > 0) };
}
