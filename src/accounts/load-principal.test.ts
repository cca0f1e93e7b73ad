import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCollection } from '../../test/helpers/api-fixtures.ts';
import { insertUser } from '../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { scopeToCollections } from './collection-scope.ts';
import { grantCollection, revokeCollection } from './grants.ts';
import { loadPrincipal } from './load-principal.ts';

let t: TestDatabase;
let a = '';
let b = '';

beforeAll(async () => {
  t = await createTestDatabase('accounts_principal');
  a = await insertCollection(t.db, 'A');
  b = await insertCollection(t.db, 'B');
});

afterAll(async () => {
  await t?.drop();
});

describe('loadPrincipal', () => {
  it('gives admins every collection and anybody else their grants as they are now', async () => {
    const admin = await insertUser(t.db, 'chief', 'admin');
    expect(await loadPrincipal(t.db, admin)).toEqual({
      userId: admin,
      name: 'chief',
      role: 'admin',
      collections: 'all',
    });
    const editor = await insertUser(t.db, 'olena', 'editor', [a]);
    expect((await loadPrincipal(t.db, editor))?.collections).toEqual([a]);
    expect(await grantCollection(t.db, { userId: editor, collectionId: b, grantedBy: 'chief' })).toBe(true);
    expect(await grantCollection(t.db, { userId: editor, collectionId: b, grantedBy: 'chief' })).toBe(false);
    expect([...((await loadPrincipal(t.db, editor))?.collections ?? [])].sort()).toEqual([a, b].sort());
    expect(await revokeCollection(t.db, { userId: editor, collectionId: a })).toBe(true);
    expect((await loadPrincipal(t.db, editor))?.collections).toEqual([b]);
  });

  it('drops the collection condition only while the grants cover every collection there is', async () => {
    const every = (await t.db.selectFrom('collections').select('id').execute()).map((c) => c.id);
    const editor = await insertUser(t.db, 'mykola', 'editor', every);
    const covered = await loadPrincipal(t.db, editor);
    expect(covered?.everyCollectionGranted).toBe(true);
    expect(covered && scopeToCollections(covered)).toEqual({});
    // A collection created later is not granted: the next principal is scoped to the grants again.
    const later = await insertCollection(t.db, 'Later');
    const scoped = await loadPrincipal(t.db, editor);
    expect(scoped?.everyCollectionGranted).toBe(false);
    expect([...((scoped && scopeToCollections(scoped).visibleCollections) ?? [])].sort()).toEqual(
      [...every].sort(),
    );
    expect(scoped?.collections).not.toContain(later);
    const partial = await insertUser(t.db, 'ira', 'viewer', [a]);
    expect((await loadPrincipal(t.db, partial))?.everyCollectionGranted).toBe(false);
    expect((await loadPrincipal(t.db, await insertUser(t.db, 'none', 'viewer')))?.collections).toEqual([]);
  });

  it('gives nothing for a disabled or unknown user', async () => {
    const gone = await insertUser(t.db, 'gone', 'viewer', [a]);
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', gone).execute();
    expect(await loadPrincipal(t.db, gone)).toBeUndefined();
    expect(await loadPrincipal(t.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('refuses a grant of a collection or to a user that does not exist', async () => {
    const user = await insertUser(t.db, 'taras', 'viewer');
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      grantCollection(t.db, { userId: user, collectionId: missing, grantedBy: 'x' }),
    ).rejects.toThrow(`No collection with id ${missing}`);
    await expect(grantCollection(t.db, { userId: missing, collectionId: a, grantedBy: 'x' })).rejects.toThrow(
      `No user with id ${missing}`,
    );
  });
});
