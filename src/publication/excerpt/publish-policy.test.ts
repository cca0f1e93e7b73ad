import { describe, expect, it } from 'vitest';
import {
  call,
  database,
  plan,
  unverifiedCall,
  useExcerptFixture,
  users,
} from '../../../test/helpers/excerpt-fixture.ts';
import { ActionForbidden } from '../../accounts/permissions.ts';
import { CallNotVerified, PublicationOverrideRefused } from './publish-policy.ts';

// Who may publish: the export permission, a verified case file, an admin's audited override.

useExcerptFixture('publish_policy');

describe('who may publish', () => {
  it('lets a role with the export permission export a verified call', async () => {
    const result = await plan({ selection: { from: 0, to: 12 } });
    expect(result.provenance.publication).toEqual({
      caseStatus: 'verified',
      overriddenByAdmin: false,
      overrideAuditSeq: null,
    });
  });

  it('refuses a role without the export permission, even for a verified call', async () => {
    for (const role of ['reviewer', 'transcriber', 'viewer'] as const) {
      await expect(plan({ principal: users[role] })).rejects.toThrow(ActionForbidden);
      await expect(plan({ principal: users[role] })).rejects.toThrow(`Your role (${role}) may not export.`);
    }
  });

  it('refuses an unverified call, naming its case status', async () => {
    const unverified = await unverifiedCall();
    const refused = plan({ call: unverified });
    await expect(refused).rejects.toThrow(CallNotVerified);
    await expect(plan({ call: unverified })).rejects.toThrow(
      `Call ${unverified.id} is not verified (its case file is "unverified")`,
    );
  });

  it('refuses an override by a non-admin and one without a reason', async () => {
    const unverified = await unverifiedCall();
    await expect(plan({ call: unverified, override: { reason: 'urgent' } })).rejects.toThrow(
      'Only an admin may export an unverified call for publication; your role is editor.',
    );
    await expect(
      plan({ call: unverified, principal: users.admin, override: { reason: '   ' } }),
    ).rejects.toThrow(PublicationOverrideRefused);
  });

  it('lets an admin override with a reason, recorded in the audit log and named in the provenance', async () => {
    const unverified = await unverifiedCall();
    const reason = 'the family asked us to publish now; verification continues';
    const result = await plan({
      call: unverified,
      principal: users.admin,
      override: { reason },
      address: '127.0.0.9',
    });
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'publication-override')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'admin-user', user_id: users.admin.userId, target: unverified.id });
    expect(entry.address).toBe('127.0.0.9');
    expect(entry.details).toEqual({ collectionId: call.collection_id, caseStatus: 'unverified', reason });
    expect(result.provenance.publication).toEqual({
      caseStatus: 'unverified',
      overriddenByAdmin: true,
      overrideAuditSeq: String(entry.seq),
    });
    // The reason is the audit log's; the published record does not carry a person's free text.
    expect(JSON.stringify(result.provenance)).not.toContain(reason);
  });
});
