import { useState } from 'react';
import { listCollections } from '../../api/recordings.ts';
import {
  addRegisterEntry,
  getRegister,
  mayManageRegister,
  renamePseudonym,
  retireEntry,
  type RegisterEntry,
} from '../../api/register.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { hrefFor } from '../../router.ts';
import { AddEntryForm } from './add-entry-form.tsx';
import { RegisterEntryRow } from './register-entry-row.tsx';
import './register.css';

/** The Protected identities section without a collection: pick one. */
export function RegisterIndexPage() {
  const { data, error } = useLoad('collections', (signal) => listCollections(signal));
  return (
    <section className="register-page">
      <div className="page-head">
        <h1>Protected identities</h1>
      </div>
      <p className="muted">
        Each collection has its own register of the people, numbers, call signs, units, places, cell ids and
        voices an excerpt for publication must withhold.
      </p>
      <ErrorMessage error={error} />
      <ul className="register-collections">
        {data?.items.map((c) => (
          <li key={c.id}>
            <a href={hrefFor(`collections/${c.id}/register`)}>{c.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A collection's protected-identity register: every entry with its pseudonym, retired ones kept
 * and marked; editors and admins add by hand, rename and retire. The protected forms of each
 * entry (inflections, transliterations) will show here once the forms module lands.
 */
export function RegisterPage({ collectionId }: { collectionId: string }) {
  const register = useLoad(`register:${collectionId}`, (signal) => getRegister(collectionId, signal));
  const mayManage = useLoad('may-manage-register', (signal) => mayManageRegister(signal)).data ?? false;
  const [showRetired, setShowRetired] = useState(true);
  const entries = register.data?.entries ?? [];
  const shown = showRetired ? entries : entries.filter((e) => e.retired === null);
  const live = entries.filter((e) => e.retired === null).length;
  const change = async (action: Promise<unknown>) => {
    await action;
    register.refresh();
  };
  return (
    <section className="register-page">
      <div className="page-head">
        <h1>Protected identities</h1>
        <span className="muted" data-testid="register-count">
          {register.data ? `${register.data.collection.name} · ${live} protected` : ''}
        </span>
        <div className="spacer" />
        <a href={hrefFor('calls', { collection: register.data?.collection.name })}>
          Calls of this collection
        </a>
      </div>
      <p className="muted small-print">
        An excerpt exported for publication replaces every entry below by its pseudonym. Pseudonyms stay the
        same everywhere in the collection and are never given to another entry; a retired entry is kept with
        who retired it and why.
      </p>
      <ErrorMessage error={register.error} />
      <label className="inline small-print">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />{' '}
        Show retired entries
      </label>
      <div className={`table-wrap${register.loading ? ' loading' : ''}`}>
        <table className="register-table" data-testid="register-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Identity</th>
              <th>Pseudonym</th>
              <th>Source</th>
              <th>Added</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <RegisterEntryRow
                key={entry.id}
                entry={entry}
                mayManage={mayManage}
                onRename={(e: RegisterEntry, pseudonym) =>
                  change(renamePseudonym(collectionId, e.id, pseudonym))
                }
                onRetire={(e: RegisterEntry, reason) => change(retireEntry(collectionId, e.id, reason))}
              />
            ))}
          </tbody>
        </table>
        {register.data && entries.length === 0 ? (
          <p className="muted">
            Nothing is protected yet. Protect people, numbers, places and call signs from a call’s analysis,
            or add them here.
          </p>
        ) : null}
      </div>
      {mayManage ? <AddEntryForm onAdd={(body) => change(addRegisterEntry(collectionId, body))} /> : null}
    </section>
  );
}
