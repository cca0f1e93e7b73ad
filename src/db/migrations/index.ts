import type { Migration } from 'kysely';
import * as spine from './0001-spine.ts';
import * as apiIndexes from './0002-api-indexes.ts';
import * as transcripts from './0003-transcripts.ts';
import * as translations from './0004-translations.ts';
import * as analysis from './0005-analysis.ts';
import * as search from './0006-search.ts';
import * as deskNotes from './0007-desk-notes.ts';
import * as custodyCorrected from './0008-custody-corrected.ts';
import * as modelWaits from './0009-model-waits.ts';
import * as workerHeartbeats from './0010-worker-heartbeats.ts';
import * as storeVerifications from './0011-store-verifications.ts';
import * as accounts from './0012-accounts.ts';
import * as storeQuarantine from './0013-store-quarantine.ts';
import * as batchRejections from './0014-batch-rejections.ts';
import * as custodyRecordedAt from './0018-custody-recorded-at.ts';
import * as auditLog from './0019-audit-log.ts';
import * as analysisCollection from './0020-analysis-collection.ts';
import * as verificationCases from './0021-verification-cases.ts';
import * as numberNotes from './0022-number-notes.ts';
import * as fingerprints from './0023-fingerprints.ts';
import * as auditTarget from './0025-audit-target.ts';
import * as protectedIdentities from './0026-protected-identities.ts';
import * as correctionsStayCurrent from './0027-corrections-stay-current.ts';
import * as humanTranslations from './0029-human-translations.ts';
import * as triage from './0031-triage.ts';
import * as meaningFlags from './0032-meaning-flags.ts';

/**
 * Every migration, in order. Listed explicitly (not discovered from file names) so that the set
 * that runs is the set that was reviewed. Names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-api-indexes': apiIndexes,
  '0003-transcripts': transcripts,
  '0004-translations': translations,
  '0005-analysis': analysis,
  '0006-search': search,
  '0007-desk-notes': deskNotes,
  '0008-custody-corrected': custodyCorrected,
  '0009-model-waits': modelWaits,
  '0010-worker-heartbeats': workerHeartbeats,
  '0011-store-verifications': storeVerifications,
  '0012-accounts': accounts,
  '0013-store-quarantine': storeQuarantine,
  '0014-batch-rejections': batchRejections,
  '0018-custody-recorded-at': custodyRecordedAt,
  '0019-audit-log': auditLog,
  '0020-analysis-collection': analysisCollection,
  '0021-verification-cases': verificationCases,
  '0022-number-notes': numberNotes,
  '0023-fingerprints': fingerprints,
  '0025-audit-target': auditTarget,
  '0026-protected-identities': protectedIdentities,
  '0027-corrections-stay-current': correctionsStayCurrent,
  '0029-human-translations': humanTranslations,
  '0031-triage': triage,
  '0032-meaning-flags': meaningFlags,
};
