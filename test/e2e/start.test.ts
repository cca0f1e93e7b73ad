import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, repositoryRoot, type CliProcess } from '../helpers/cli-process.ts';
import { freePort } from '../helpers/ports.ts';
import { makeAudioFile } from '../helpers/recordings.ts';
import { SIGN_IN_LINK } from '../helpers/signed-in-api.ts';

// The README's main command path, as a user runs it: `earshot start` on the embedded default,
// with the bundled demo corpus; then a kill -9 in the middle of the pipeline and a second start.

const demoFiles = fs.readdirSync(path.join(repositoryRoot, 'demo', 'calls'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-e2e-start-'));
fs.chmodSync(dataDir, 0o755);
let running: CliProcess | undefined;
/** The session the first start's one-time link opened; sessions live in the database, so it
 * outlasts the restarts below. */
let signedIn: Record<string, string> = {};

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGINT');
    await running.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface RecordingList {
  total: number;
  items: {
    id: string;
    originalFilename: string;
    collection: { demoModels: boolean };
    call: { callerNumber: string | null; startedAt: string | null; durationSeconds: number | null };
  }[];
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: signedIn });
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

describe('earshot start on the embedded default', async () => {
  const env = {
    EARSHOT_DATA_DIR: dataDir,
    EARSHOT_PG_PORT: String(await freePort()),
    EARSHOT_PORT: '0',
    DATABASE_URL: '',
    // Nothing installed in the models folder: the demo collection runs on the demo models
    // committed in demo/models, as on a user's first run with nothing beside the repository.
  };

  it('starts Postgres, ingests the demo corpus, decodes it and serves the API', async () => {
    running = startCli(['start'], env);
    const [, url] = await running.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
    // The first start creates an admin and prints a one-time link under the desk's address: one
    // click signs in and opens the desk.
    const [, link] = await running.waitFor(SIGN_IN_LINK);
    expect(link!.startsWith(`${url}sign-in?token=`)).toBe(true);
    // `earshot start` builds the desk when it is missing (not only `npm start`): / is the desk.
    const desk = await (await fetch(url!)).text();
    expect(desk).not.toContain('not built yet');
    expect(desk).toContain('<div id="root">');
    expect((await fetch(`${url}api/recordings`)).status).toBe(401);
    const opened = await fetch(link!, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('location')]).toEqual([303, '/']);
    signedIn = { cookie: /earshot_session=[^;]+/.exec(opened.headers.get('set-cookie') ?? '')![0] };
    expect((await fetch(link!, { redirect: 'manual' })).headers.get('location')).toMatch(/problem=link/);
    await running.waitFor(/Pipeline idle/, 240_000);
    expect(running.output()).toContain(
      `Ingest: ${demoFiles.length} new, 0 duplicates, 0 already known, 0 rejected.`,
    );

    const health = await getJson<{ status: string }>(`${url}api/health`);
    expect(health.status).toBe('ok');
    const list = await getJson<RecordingList>(`${url}api/recordings?limit=200`);
    expect(list.total).toBe(demoFiles.length);
    expect(new Set(list.items.map((r) => r.originalFilename))).toEqual(new Set(demoFiles));
    expect(list.items.every((r) => r.collection.demoModels)).toBe(true);
    // No model of the user's configuration is needed yet, so none is asked for.
    expect(running.output()).not.toMatch(/not installed|waits for model|[1-9]\d* failed/);
    // Metadata from the CSV sidecar, normalised to E.164.
    expect(list.items.every((r) => r.call.callerNumber?.startsWith('+'))).toBe(true);
    expect(list.items.filter((r) => r.call.startedAt === null || r.call.durationSeconds === null)).toEqual(
      [],
    );
    for (const stage of ['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse']) {
      const done = await getJson<RecordingList>(`${url}api/recordings?limit=200&stage=${stage}&status=done`);
      expect(done.total, stage).toBe(demoFiles.length);
    }

    // The player's range request on a working copy.
    const first = list.items[0]!;
    const audio = await fetch(`${url}api/recordings/${first.id}/audio/working?channel=0`, {
      headers: { ...signedIn, Range: 'bytes=0-43' },
    });
    expect(audio.status).toBe(206);
    expect(
      Buffer.from(await audio.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('RIFF');

    // The OpenAPI document is served.
    const openapi = await getJson<{ openapi: string; paths: Record<string, unknown> }>(
      `${url}api/openapi.json`,
    );
    expect(Object.keys(openapi.paths)).toContain('/api/recordings');
  }, 300_000);

  it('stops on Ctrl-C and restarts on the same data without ingesting anything twice', async () => {
    running!.child.kill('SIGINT');
    const exit = await running!.exited;
    expect(exit.code).toBe(0);
    expect(running!.output()).toContain('Stopped.');

    running = startCli(['start'], env);
    const [, url] = await running.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
    expect(running.output()).toContain(
      `Ingest: 0 new, 0 duplicates, ${demoFiles.length} already known, 0 rejected.`,
    );
    // The demo's call records all match a file already known: no row is reported as matching none.
    expect(running.output()).not.toContain('no ingested file matches');
    const list = await getJson<RecordingList>(`${url}api/recordings?limit=200`);
    expect(list.total).toBe(demoFiles.length);
  }, 300_000);

  it('recovers from kill -9 with work in flight, without manual steps', async () => {
    // Force a full redo so that decode jobs are in flight, then kill the process hard.
    const redo = startCli(['redo', 'decode', '--force'], env);
    expect((await redo.exited).code).toBe(0);
    await running!
      .waitFor(/decode [0-9]+\/\d+ done, [1-9]\d* running|Pipeline: decode/, 60_000)
      .catch(() => undefined);
    running!.child.kill('SIGKILL');
    await running!.exited;

    running = startCli(['start'], env);
    const [, url] = await running.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
    await running.waitFor(/Pipeline idle/, 240_000);
    const transcribed = await getJson<RecordingList>(
      `${url}api/recordings?limit=200&stage=transcribe&status=done`,
    );
    expect(transcribed.total).toBe(demoFiles.length);
    const list = await getJson<RecordingList>(`${url}api/recordings?limit=200`);
    expect(list.total).toBe(demoFiles.length);
    // One working copy per channel: no duplicates after the crash.
    const detail = await getJson<{
      workingCopies: { channel: number }[];
      probe: { channels: number | null };
    }>(`${url}api/recordings/${list.items[0]!.id}`);
    expect(detail.workingCopies.length).toBe(detail.probe.channels);
  }, 400_000);

  it("names the exact install command for a user collection's missing models, and its stages wait", async () => {
    running!.child.kill('SIGINT');
    await running!.exited;
    // A call of the user's own (recordings are unique by content: a demo file would be "already known").
    const leak = path.join(dataDir, 'leak-call.wav');
    makeAudioFile(leak, 'stereo', 3);
    const ingest = startCli(['ingest', leak, '--collection', 'Leak 2023-05'], env);
    expect((await ingest.exited).code, ingest.output()).toBe(0);
    running = startCli(['start'], env);
    const [, url] = await running.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
    expect(running.output()).toMatch(
      /Models not installed in .*: silero-vad-v6\.2, gigaam-v2-ctc-ru, opus-mt-ru-en\. The stages of "Leak 2023-05" that need them wait for them \(they have not failed\)\. Install them with `npx earshot models install --defaults`/,
    );
    await running.waitFor(/Pipeline idle/, 240_000);
    await running.waitFor(
      /1 stage runs wait for silero-vad-v6\.2; they go on by themselves once installed/,
      30_000,
    );
    const waiting = await getJson<
      RecordingList & {
        items: { stages: { stage: string; status: string; waitingForModel: string | null }[] }[];
      }
    >(`${url}api/recordings?limit=200&stage=vad&status=waiting`);
    expect(waiting.total).toBe(1);
    expect(waiting.items[0]!.collection.demoModels).toBe(false);
    expect(waiting.items[0]!.stages.find((s) => s.stage === 'vad')).toMatchObject({
      status: 'waiting',
      waitingForModel: 'silero-vad-v6.2',
    });
    const status = startCli(['status'], env);
    expect((await status.exited).code).toBe(0);
    expect(status.output()).toContain(
      'vad: 1 recording waiting for model silero-vad-v6.2 — install it with `earshot models install silero-vad-v6.2`',
    );
  }, 400_000);
});
