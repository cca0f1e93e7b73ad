/**
 * What the Call page costs before its waveform shows: bytes the browser receives for the audio and
 * the peaks, and the time from navigation to the player being ready (waveform drawn), for the desk
 * in web/dist and, with --before, for an older build of the desk served by the same API. Also, with
 * --long-minutes, what the peaks cost for a long intercept (computed on a generated WAV).
 *
 * Needs a database and data folder that `earshot start` has already filled (the demo corpus):
 *   DATABASE_URL=postgres://… EARSHOT_DATA_DIR=… npx tsx web/tools/measure-call-waveform.ts \
 *     [--before path/to/old/web/dist] [--runs 3] [--recording <id>] [--long-minutes 60]
 * Without --recording it opens the call the analysis ranks first; --mbps 100 throttles the browser's
 * network to that many megabits per second (a LAN rather than loopback).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/accounts/sessions.ts';
import { buildApiServer } from '../../src/api/server.ts';
import { createTestSession } from '../../test/helpers/signed-in-api.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createDb } from '../../src/db/database.ts';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';
import { peaksCachePath } from '../../src/media/waveform-peaks-cache.ts';
import { computeWaveformPeaks } from '../../src/media/waveform-peaks.ts';
import { deskDistDir } from './ensure-desk-built.ts';

const CHROMIUM = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

interface PageLoad {
  audioBytes: number;
  peaksBytes: number;
  audioRequests: string[];
  readyMs: number;
}

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    runs: { type: 'string', default: '3' },
    recording: { type: 'string' },
    mbps: { type: 'string' },
    'long-minutes': { type: 'string' },
  },
});

async function measureDesk(label: string, deskDir: string, browser: Browser, runs: number): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('set DATABASE_URL (and EARSHOT_DATA_DIR) to an app filled by earshot start');
  const config = loadConfig(process.env);
  const db = createDb(databaseUrl, 2);
  const app = await buildApiServer({ db, config, deskDir });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // The desk needs a session: an admin's, set as a cookie in every fresh browser context.
    sessionCookie = { name: SESSION_COOKIE, value: (await createTestSession(db)).token, url };
    const recordingId =
      values.recording ??
      (
        await db
          .selectFrom('analysis_current')
          .select('recording_id')
          .orderBy('triage_score', 'desc')
          .executeTakeFirstOrThrow()
      ).recording_id;
    const copies = await db
      .selectFrom('derived_files')
      .select(['path', 'size_bytes'])
      .where('recording_id', '=', recordingId)
      .where('kind', '=', 'working_audio')
      .execute();
    const fileBytes = copies.reduce((sum, c) => sum + Number(c.size_bytes), 0);
    console.log(`\n${label}: call ${recordingId}, ${copies.length} lane(s), working copies ${kb(fileBytes)}`);
    for (let run = 1; run <= runs; run++) {
      // The first run starts without cached peaks: it includes computing them with ffmpeg.
      if (run === 1)
        for (const c of copies)
          fs.rmSync(peaksCachePath(path.join(config.derivedDir, c.path)), { force: true });
      const load = await loadCallPage(browser, `${url}/#/call/${recordingId}`);
      console.log(
        `  run ${run}${run === 1 ? ' (no peaks cache)' : ''}: ready after ${load.readyMs.toFixed(0)} ms; ` +
          `audio ${kb(load.audioBytes)} in ${load.audioRequests.length} request(s) [${load.audioRequests.join(', ')}]; ` +
          `peaks ${kb(load.peaksBytes)}`,
      );
    }
  } finally {
    await app.close();
    await db.destroy();
  }
}

let sessionCookie: { name: string; value: string; url: string } | undefined;

/** A fresh browser context (no HTTP cache) per load; bytes counted by Chromium's network layer. */
async function loadCallPage(browser: Browser, pageUrl: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (sessionCookie) await context.addCookies([sessionCookie]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (values.mbps) {
    const bytesPerSecond = (Number(values.mbps) * 1_000_000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 1,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  const kinds = new Map<string, 'audio' | 'peaks'>();
  const load: PageLoad = { audioBytes: 0, peaksBytes: 0, audioRequests: [], readyMs: 0 };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.includes('/audio/working/peaks')) kinds.set(event.requestId, 'peaks');
    else if (event.request.url.includes('/audio/working')) {
      kinds.set(event.requestId, 'audio');
      load.audioRequests.push(event.type ?? 'other');
    }
  });
  cdp.on('Network.dataReceived', (event) => {
    const kind = kinds.get(event.requestId);
    if (kind === 'audio') load.audioBytes += event.dataLength;
    if (kind === 'peaks') load.peaksBytes += event.dataLength;
  });
  await page.goto(pageUrl);
  await page.waitForFunction(
    () => document.querySelector<HTMLButtonElement>('[data-testid="play-button"]')?.disabled === false,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  load.readyMs = await page.evaluate(() => performance.now());
  // Whatever the page was still receiving when it became ready counts too.
  await page.waitForTimeout(1000);
  await context.close();
  return load;
}

async function measureLongCall(minutes: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-long-call-'));
  try {
    const file = path.join(dir, 'long.wav');
    // Speech-like bursts over hiss, 16 kHz mono PCM16: the shape of a working copy.
    const signal = `aevalsrc='0.02*random(0)+0.5*sin(2*PI*220*t)*gt(sin(2*PI*0.3*t),0.2)':s=16000:d=${minutes * 60}`;
    execFileSync(ffmpegPath(), ['-v', 'error', '-filter_complex', signal, '-c:a', 'pcm_s16le', '-y', file]);
    const started = performance.now();
    const peaks = await computeWaveformPeaks(file);
    const elapsed = performance.now() - started;
    const json = JSON.stringify(peaks);
    console.log(
      `\n${minutes}-minute working copy: ${kb(fs.statSync(file).size)}; peaks ${peaks.min.length} pairs ` +
        `(${(peaks.sampleRate / peaks.samplesPerPeak).toFixed(2)}/s), ${kb(Buffer.byteLength(json))} of JSON, ` +
        `computed in ${(elapsed / 1000).toFixed(2)} s (once; cached afterwards)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
try {
  const runs = Number(values.runs);
  if (values.before)
    await measureDesk('before (desk given by --before)', path.resolve(values.before), browser, runs);
  await measureDesk('after (web/dist)', deskDistDir, browser, runs);
} finally {
  await browser.close();
}
if (values['long-minutes']) await measureLongCall(Number(values['long-minutes']));
