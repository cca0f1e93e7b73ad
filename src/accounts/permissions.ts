import type { UserRole } from '../db/schema.ts';
import type { Actor } from './principal.ts';

/**
 * What a user may do. Reading is the base of every other action; which collections an action
 * reaches is the principal's grants (collection-scope.ts), not this table.
 */
export const ACTIONS = [
  'read',
  'correct_transcripts',
  'add_notes',
  'tag_calls',
  'keep_own_triage',
  'sign_off_verification',
  'export',
  'manage_register',
  'run_pipeline',
  'ingest',
  'manage_collections',
  'manage_users',
  'read_audit_log',
] as const;
export type Action = (typeof ACTIONS)[number];

/** In words, for error messages and the README's table of roles. */
export const ACTION_DESCRIPTIONS: Record<Action, string> = {
  read: 'read calls, transcripts, notes, analysis and listen to audio',
  correct_transcripts: 'correct transcripts',
  add_notes: 'add notes and work verification case files (evidence, steps, disputes)',
  tag_calls: 'tag calls and segments of a collection (one by one or a selection at once)',
  keep_own_triage: 'star calls and segments and save searches, for themselves',
  sign_off_verification: 'sign off verification',
  export: 'export',
  manage_register: "add, rename and retire entries of a collection's protected-identity register",
  run_pipeline: 'run and retry pipeline stages',
  ingest: 'ingest and upload audio',
  manage_collections: 'manage collections',
  manage_users: 'manage users, roles and collection grants',
  read_audit_log: 'read the audit log',
};

/**
 * The one table of what each role may do. Admins see every collection; everybody else only the
 * collections granted to them. The audit log and user management span every collection and every
 * user, so they stay with admins: an editor's reach ends at the collections granted to them.
 * The protected-identity register goes with exporting: whoever decides what leaves for
 * publication decides what it withholds (retiring an entry un-protects a person), so editors and
 * admins manage it and everybody who reads a collection sees it.
 * Tags are shared working marks on a collection's calls, like notes: whoever may add notes tags.
 * Stars and saved searches are a person's own and change nothing anyone else sees: every role.
 */
export const ROLE_PERMISSIONS: Record<UserRole, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  editor: new Set<Action>([
    'read',
    'correct_transcripts',
    'add_notes',
    'tag_calls',
    'keep_own_triage',
    'sign_off_verification',
    'export',
    'manage_register',
    'run_pipeline',
    'ingest',
    'manage_collections',
  ]),
  reviewer: new Set<Action>(['read', 'add_notes', 'tag_calls', 'keep_own_triage', 'sign_off_verification']),
  transcriber: new Set<Action>(['read', 'correct_transcripts', 'add_notes', 'tag_calls', 'keep_own_triage']),
  viewer: new Set<Action>(['read', 'keep_own_triage']),
};

export function may(actor: Actor, action: Action): boolean {
  return ROLE_PERMISSIONS[actor.role].has(action);
}

/** A signed-in user asked for an action their role does not allow (403 forbidden). */
export class ActionForbidden extends Error {
  constructor(
    readonly role: UserRole,
    readonly action: Action,
  ) {
    super(`Your role (${role}) may not ${ACTION_DESCRIPTIONS[action]}.`);
  }
}

/**
 * Refuses an action the principal's role does not allow. Checked before the target is looked up:
 * the answer depends on the role alone, so a 403 says nothing about whether a recording exists;
 * a target outside the principal's collections is a 404 from the scoped lookup after it.
 */
export function assertMay(actor: Actor, action: Action): void {
  if (!may(actor, action)) throw new ActionForbidden(actor.role, action);
}
