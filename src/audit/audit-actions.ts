// What can be audited: shared by the server and the desk (no Node imports here).

/** What can be audited. Sign-in events are recorded by the accounts routes. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'list-calls'
  | 'view-call'
  | 'view-custody'
  | 'view-transcript'
  | 'stream-audio'
  | 'download-original'
  | 'search'
  | 'correct-transcript'
  | 'decide-machine-transcript'
  | 'correct-translation'
  | 'add-note'
  | 'view-number'
  | 'add-number-note'
  | 'decide-duplicate'
  | 'view-case-file'
  | 'case-step'
  | 'download-attachment'
  | 'export'
  | 'download-export'
  | 'publication-override'
  | 'export-excerpt'
  | 'view-register'
  | 'protect-identity'
  | 'rename-pseudonym'
  | 'retire-identity'
  | 'user-change'
  | 'grant-change'
  | 'view-audit-log'
  | 'tag'
  | 'untag'
  | 'star'
  | 'unstar'
  | 'save-search'
  | 'delete-saved-search'
  | 'bulk-tag'
  | 'bulk-untag'
  | 'bulk-rerun'
  | 'export-csv'
  | 'batch-search';

/** Every action once: keyed by the union, so that a new action left out here is a type error. */
const EVERY_ACTION: Record<AuditAction, true> = {
  'sign-in': true,
  'sign-in-failed': true,
  'sign-out': true,
  'list-calls': true,
  'view-call': true,
  'view-custody': true,
  'view-transcript': true,
  'stream-audio': true,
  'download-original': true,
  search: true,
  'correct-transcript': true,
  'decide-machine-transcript': true,
  'correct-translation': true,
  'add-note': true,
  'view-number': true,
  'add-number-note': true,
  'decide-duplicate': true,
  'view-case-file': true,
  'case-step': true,
  'download-attachment': true,
  export: true,
  'download-export': true,
  'publication-override': true,
  'export-excerpt': true,
  'view-register': true,
  'protect-identity': true,
  'rename-pseudonym': true,
  'retire-identity': true,
  'user-change': true,
  'grant-change': true,
  'view-audit-log': true,
  tag: true,
  untag: true,
  star: true,
  unstar: true,
  'save-search': true,
  'delete-saved-search': true,
  'bulk-tag': true,
  'bulk-untag': true,
  'bulk-rerun': true,
  'export-csv': true,
  'batch-search': true,
};

export const AUDIT_ACTIONS = Object.keys(EVERY_ACTION) as readonly AuditAction[];
