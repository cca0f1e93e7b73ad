import { describe, expect, it } from 'vitest';
import { scopeToCollections } from './collection-scope.ts';
import { ACTIONS, assertMay, may } from './permissions.ts';
import { canSeeCollection, isLocalOperator, localOperator, type Principal } from './principal.ts';

const editor: Principal = { userId: 'u-1', name: 'olena', role: 'editor', collections: ['c-1'] };

describe('the local operator of the command line', () => {
  const operator = localOperator('desk-owner');

  it('acts as an admin over every collection, with no user id', () => {
    expect(operator).toEqual({ userId: null, name: 'desk-owner', role: 'admin', collections: 'all' });
    for (const action of ACTIONS) expect(may(operator, action)).toBe(true);
    expect(() => assertMay(operator, 'manage_users')).not.toThrow();
    expect(canSeeCollection(operator, 'any-collection')).toBe(true);
    expect(scopeToCollections(operator)).toEqual({});
  });

  it('is told apart from a signed-in user, whose role and grants still limit them', () => {
    expect(isLocalOperator(operator)).toBe(true);
    expect(isLocalOperator(editor)).toBe(false);
    expect(may(editor, 'manage_users')).toBe(false);
    expect(canSeeCollection(editor, 'c-2')).toBe(false);
    expect(scopeToCollections(editor)).toEqual({ visibleCollections: ['c-1'] });
  });
});
