import { getEntryForms, type EntryForms, type FormOrigin } from '../../api/register.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';

/** The origins in words: what a reader or listener would recognise the entry by. */
const ORIGIN_LABELS: Record<FormOrigin, string> = {
  'as-entered': 'As entered',
  inflection: 'Inflections',
  diminutive: 'Diminutives and other forms of the name',
  transliteration: 'Transliterations',
  translation: 'Translations',
  'number-grouping': 'Number groupings',
  'number-words': 'Number words',
};

type FormGroup = EntryForms['groups'][number];

/** A group's forms by their detail (the case, the romanisation system), in the order given. */
export function formsByDetail(group: FormGroup): { detail: string | null; texts: string[] }[] {
  const byDetail = new Map<string | null, string[]>();
  for (const form of group.forms)
    byDetail.set(form.detail, [...(byDetail.get(form.detail) ?? []), form.text]);
  return [...byDetail].map(([detail, texts]) => ({ detail, texts }));
}

/**
 * The forms the matcher looks for to find one entry in a transcript, a translation or an
 * export (src/publication/forms/), loaded when the panel opens.
 */
export function EntryFormsPanel({ collectionId, entryId }: { collectionId: string; entryId: string }) {
  const forms = useLoad(`entry-forms:${collectionId}:${entryId}`, (signal) =>
    getEntryForms(collectionId, entryId, signal),
  );
  if (forms.error) return <ErrorMessage error={forms.error} />;
  if (!forms.data) return <p className="muted small-print">Loading the forms…</p>;
  return (
    <div className="entry-forms" data-testid="entry-forms">
      <p className="small-print muted">
        An export is searched for each of these {forms.data.total} forms (case, ё and spacing aside); any
        found is replaced by the pseudonym, and the leak check refuses a file that still holds one.
      </p>
      {forms.data.groups.map((group) => (
        <section key={group.origin} className="entry-forms-group" data-origin={group.origin}>
          <h3>
            {ORIGIN_LABELS[group.origin]} <span className="muted">({group.forms.length})</span>
          </h3>
          <ul>
            {formsByDetail(group).map(({ detail, texts }) => (
              <li key={detail ?? ''}>
                {detail ? <span className="entry-forms-detail">{detail}</span> : null}
                {texts.join(' · ')}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
