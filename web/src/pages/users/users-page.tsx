import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import { listCollections } from '../../api/recordings.ts';
import {
  changeRole,
  grantCollection,
  listUsers,
  revokeCollection,
  ROLES,
  type Role,
  type User,
} from '../../api/users.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import './users.css';

type Collection = { id: string; name: string };

/** One user: role picker, granted collections with revoke buttons, and a grant picker. */
function UserRow({
  user,
  collections,
  onChange,
}: {
  user: User;
  collections: Collection[];
  onChange: (change: () => Promise<User>) => void;
}) {
  const [pick, setPick] = useState('');
  const granted = new Set(user.grants.map((g) => g.collectionId));
  const grantable = collections.filter((c) => !granted.has(c.id));
  return (
    <tr data-testid="user-row" data-user={user.name}>
      <th scope="row">
        {user.name}
        {user.disabledAt && <span className="sub"> disabled {formatDateTime(user.disabledAt)}</span>}
      </th>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          onChange={(e) => onChange(() => changeRole(user.id, e.target.value as Role))}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.allCollections && <span className="muted">every collection (admin) </span>}
        <ul className="grant-list">
          {user.grants.map((g) => (
            <li key={g.collectionId} className="grant-chip" title={`granted by ${g.grantedBy}`}>
              {g.collectionName}
              <button
                type="button"
                aria-label={`Revoke ${g.collectionName} from ${user.name}`}
                onClick={() => onChange(() => revokeCollection(user.id, g.collectionId))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {!user.allCollections && grantable.length > 0 && (
          <span className="grant-picker">
            <select
              aria-label={`Collection to grant ${user.name}`}
              value={pick}
              onChange={(e) => setPick(e.target.value)}
            >
              <option value="">Grant a collection…</option>
              {grantable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={pick === ''}
              onClick={() => {
                onChange(() => grantCollection(user.id, pick));
                setPick('');
              }}
            >
              Grant
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * Users, their roles and the collections granted to them (admins only: anybody else reads the
 * server's 403). A change applies from the user's next request.
 */
export function UsersPage() {
  const users = useLoad('users', (signal) => listUsers(signal));
  const collections = useLoad('collections', (signal) => listCollections(signal));
  const [changed, setChanged] = useState<Map<string, User>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const apply = (change: () => Promise<User>) => {
    setError(null);
    change().then(
      (user) => setChanged((m) => new Map(m).set(user.id, user)),
      (e: unknown) => setError(errorText(e)),
    );
  };
  const rows = (users.data?.items ?? []).map((u) => changed.get(u.id) ?? u);
  return (
    <section className="users-page">
      <h1>Users</h1>
      <p className="muted">
        Roles say what a user may do; grants say which collections they see. Admins see every collection. Add
        users with <code>earshot user add NAME --role ROLE</code>.
      </p>
      <ErrorMessage error={users.error ?? collections.error ?? error} />
      {users.data && (
        <table className="users-table">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Collections</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <UserRow key={u.id} user={u} collections={collections.data?.items ?? []} onChange={apply} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
