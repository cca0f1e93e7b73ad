import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessFixture, type AccessFixture } from '../../../test/helpers/access-fixtures.ts';
import { insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  checkSignature,
  readBundle,
  type BundleManifest,
} from '../../../test/helpers/evidence-bundle-reader.ts';
import type { EvidenceExportResponse } from '../schemas/exports.ts';

// POST /api/exports/evidence and GET /api/exports/{id}/download: a bundle written on the server
// for an editor's own collections, downloadable by that editor or an admin only; a call or a
// collection outside the editor's grants is a 404, and nothing is written for it.

let t: TestDatabase;
let fx: AccessFixture;
let otherEditor: string;
let scratch: string;

const as = (userId: string) => ({ [TEST_USER_HEADER]: userId });
const exportFiles = () =>
  fs.existsSync(fx.fixture.config.exportsDir) ? fs.readdirSync(fx.fixture.config.exportsDir).sort() : [];

async function exportAs(userId: string, payload: object) {
  return fx.app.inject({ method: 'POST', url: '/api/exports/evidence', headers: as(userId), payload });
}

beforeAll(async () => {
  t = await createTestDatabase('api_exports');
  fx = await createAccessFixture(t);
  otherEditor = await insertUser(t.db, 'second-editor', 'editor', [fx.granted.collectionId]);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-api-exports-'));
});

afterAll(async () => {
  await fx?.app.close();
  fx?.fixture.cleanup();
  await t?.drop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('evidence exports from the desk', () => {
  let made: EvidenceExportResponse;

  it('writes a signed bundle of a granted collection that its exporter downloads', async () => {
    const response = await exportAs(fx.users.editor, { collection: fx.granted.collectionName });
    expect(response.statusCode, response.body).toBe(201);
    made = response.json<EvidenceExportResponse>();
    expect(made).toMatchObject({ calls: 1, downloadUrl: `/api/exports/${made.id}/download` });
    expect(made.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);

    const download = await fx.app.inject({ url: made.downloadUrl, headers: as(fx.users.editor) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="earshot-evidence-.*\.zip"$/,
    );
    expect(download.rawPayload.length).toBe(made.sizeBytes);
    const file = path.join(scratch, 'downloaded.zip');
    fs.writeFileSync(file, download.rawPayload);
    const { entries } = await readBundle(file);
    expect(checkSignature(entries)).toEqual({ valid: true, fingerprint: made.keyFingerprint });
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as BundleManifest;
    expect(manifest.createdBy).toEqual({ userId: fx.users.editor, name: 'editor-user' });
    expect(manifest.recordings.map((r) => r.id)).toEqual([fx.granted.recordingId]);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'user_id'])
      .where('action', 'in', ['export', 'download-export'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'export', target: fx.granted.recordingId, user_id: fx.users.editor },
      { action: 'download-export', target: made.id, user_id: fx.users.editor },
    ]);
  });

  it('lets only the exporter or an admin download it', async () => {
    const other = await fx.app.inject({ url: made.downloadUrl, headers: as(otherEditor) });
    expect(other.statusCode).toBe(404);
    const admin = await fx.app.inject({ url: made.downloadUrl, headers: as(fx.users.admin) });
    expect(admin.statusCode).toBe(200);
    const viewer = await fx.app.inject({ url: made.downloadUrl, headers: as(fx.users.viewer) });
    expect(viewer.statusCode).toBe(403);
  });

  it('refuses, with a 404 and nothing written, a collection or a call the editor may not read', async () => {
    const before = exportFiles();
    const collection = await exportAs(fx.users.editor, { collection: fx.other.collectionName });
    expect(collection.statusCode).toBe(404);
    expect(collection.json<{ message: string }>().message).toContain(`"${fx.other.collectionName}"`);
    const call = await exportAs(fx.users.editor, {
      recordings: [fx.granted.recordingId, fx.other.recordingId],
    });
    expect(call.statusCode).toBe(404);
    expect(call.json<{ message: string }>().message).toContain(fx.other.recordingId);
    expect(exportFiles()).toEqual(before);
    // An admin reads every collection.
    expect((await exportAs(fx.users.admin, { recordings: [fx.other.recordingId] })).statusCode).toBe(201);
  });

  it('refuses a bundle over the size limit with a 413 naming both, and writes nothing', async () => {
    const before = exportFiles();
    const limit = fx.fixture.config.exportMaxBytes;
    fx.fixture.config.exportMaxBytes = 100;
    try {
      const response = await exportAs(fx.users.editor, { collection: fx.granted.collectionName });
      expect(response.statusCode).toBe(413);
      expect(response.json<{ message: string }>().message).toMatch(
        /would hold .* \(\d+ bytes\), over the limit of 100 B \(100 bytes\); nothing was written/,
      );
    } finally {
      fx.fixture.config.exportMaxBytes = limit;
    }
    expect(exportFiles()).toEqual(before);
  });

  it('is not open to roles without the export permission', async () => {
    for (const role of ['viewer', 'reviewer', 'transcriber'] as const) {
      const response = await exportAs(fx.users[role], { recordings: [fx.granted.recordingId] });
      expect(response.statusCode, role).toBe(403);
    }
  });
});
