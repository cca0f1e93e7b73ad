import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';
import { createTestSession } from '../../helpers/signed-in-api.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src/api/http-server.ts';
import { insertMachineTranscriptFixture } from '../../../src/transcripts/testing/transcript-fixtures.ts';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertWorkingCopy,
  type ApiFixture,
} from '../../helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { renderSignal } from '../../helpers/test-signals.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './desk-session.ts';

/*
 * The hardening in a real browser: the built desk under its Content-Security-Policy, and what a
 * page of another origin can do to a server on loopback. evil.test resolves to 127.0.0.1 (as a
 * DNS-rebinding attacker's name would); its page comes from a second small HTTP server, or, for
 * rebinding itself, runs in the origin evil.test with the Earshot server's own port.
 */

const PHONE = '+380441234567';

let t: TestDatabase;
let fixture: ApiFixture;
let server: RunningHttpServer;
let evil: http.Server;
let evilPort = 0;
let browser: Browser;
let callId = '';

/** The attacker's page on another port: nothing but a title; the tests run their script in it. */
const EVIL_PAGE = '<!doctype html><html><head><title>evil</title></head><body></body></html>';

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  await ensureDeskBuilt({ log: () => undefined });
  t = await createTestDatabase('e2e_web_hardening');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  const call = await insertRecording(fixture, {
    collection_id: collection,
    channels: 1,
    duration_seconds: 4,
    caller_number: PHONE,
    call_started_at: new Date('2022-03-14T15:30:12Z'),
    location_text: 'Kherson',
  });
  callId = call.id;
  const wav = renderSignal(
    path.join(fixture.config.dataDir, 'lane.wav'),
    'sine=frequency=300:sample_rate=16000:duration=4',
  );
  await insertWorkingCopy(fixture, { recordingId: callId, channel: 0, content: fs.readFileSync(wav) });
  await insertMachineTranscriptFixture(t.db, callId, [{ start: 0.5, end: 2, text: 'у нас двое двухсотых' }]);
  server = await startHttpServer(t.db, fixture.config, { host: '127.0.0.1', port: 0 });
  evil = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EVIL_PAGE);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilPort = (evil.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP evil.test 127.0.0.1'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (evil ? evil.close(resolve) : resolve(undefined)));
  await server?.close();
  fixture?.cleanup();
  await t?.drop();
});

let sessionToken = '';

/**
 * A page whose browser holds a real admin session for the desk: what a journalist's browser
 * holds while a hostile page is open in another tab.
 */
async function signedInPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page> {
  if (!sessionToken) sessionToken = (await createTestSession(t.db)).token;
  const page = await browser.newPage(options);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: server.url }]);
  return page;
}

async function noteCount(): Promise<number> {
  const rows = await t.db.selectFrom('desk_notes').select('id').execute();
  return rows.length;
}

/** A page that records every CSP violation: the DOM event and Chromium's console report. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await signedInPage({ viewport: { width: 1280, height: 800 } });
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  // Scripts that run in the page are strings: this file is type-checked without the DOM library.
  await page.addInitScript(`(() => {
    const seen = (window.cspViolations = []);
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
        ' (' + event.sourceFile + ':' + event.lineNumber + ')'));
  })()`);
  const violations = async (): Promise<string[]> => [
    ...reported,
    ...(await page.evaluate<string[]>('window.cspViolations')),
  ];
  return { page, violations };
}

describe('the desk under its Content-Security-Policy', () => {
  it('loads every page, plays a call and shows chart tooltips with no CSP violation', async () => {
    const { page, violations } = await watchedPage();
    try {
      await page.goto(`${server.url}#/calls`);
      await page.getByTestId('call-row').first().waitFor();
      await page.goto(`${server.url}#/call/${callId}`);
      await page.getByTestId('segment').first().waitFor();
      // The waveform (WaveSurfer, in a shadow root) is drawn and the player is ready.
      await expect.poll(() => page.getByTestId('play-button').isEnabled(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('play-button').click();
      await expect.poll(() => page.getByTestId('player-time').getAttribute('data-seconds')).not.toBe('0');
      for (const section of ['search', 'pipeline', 'ingest']) {
        await page.goto(`${server.url}#/${section}`);
        await page.waitForLoadState('networkidle');
      }
      await page.goto(`${server.url}#/trends`);
      const chart = page.getByTestId('monthly-chart').first();
      await chart.waitFor();
      await page.waitForLoadState('networkidle');
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // ECharts' tooltip: HTML with style attributes, beside the chart's SVG.
      await chart.locator('div:not(:has(svg))', { hasText: '2022-03' }).first().waitFor();
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('blocks an injected inline script (the policy is on, and the watch above would see it)', async () => {
    const { page, violations } = await watchedPage();
    try {
      await page.goto(`${server.url}#/calls`);
      await page.getByTestId('call-row').first().waitFor();
      const ran = await page.evaluate<boolean>(`(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true;';
        document.head.append(script);
        return window.injectedRan === true;
      })()`);
      expect(ran).toBe(false);
      await expect.poll(async () => (await violations()).join('\n')).toMatch(/script-src/);
    } finally {
      await page.close();
    }
  });
});

describe('a page of another origin', () => {
  it('cannot read /api/recordings, nor POST a note by fetch or by form', async () => {
    const page = await signedInPage();
    const notesUrl = `${server.url}api/recordings/${callId}/notes`;
    const before = await noteCount();
    try {
      await page.goto(`http://evil.test:${evilPort}/`);
      const read = await page.evaluate<string>(
        `fetch(${JSON.stringify(`${server.url}api/recordings`)})
          .then((response) => response.text())
          .then((text) => 'read: ' + text, (error) => 'refused: ' + String(error))`,
      );
      expect(read).toMatch(/^refused: TypeError/);

      // A JSON POST needs a preflight, which gets no CORS answer. A no-cors text/plain POST goes
      // without one; the server refuses it, and its answer is withheld from the page (CORP).
      const posts = await page.evaluate<string[]>(`(async () => {
        const send = (init) =>
          fetch(${JSON.stringify(notesUrl)}, { method: 'POST', body: '{"text":"planted"}', ...init }).then(
            (response) => 'answered ' + response.status,
            (error) => String(error),
          );
        return [
          await send({ headers: { 'content-type': 'application/json' } }),
          await send({ mode: 'no-cors', headers: { 'content-type': 'text/plain' } }),
        ];
      })()`);
      expect(posts).toEqual([expect.stringMatching(/^TypeError/), expect.stringMatching(/^TypeError/)]);

      for (const enctype of ['text/plain', 'application/x-www-form-urlencoded']) {
        await page.goto(`http://evil.test:${evilPort}/`);
        const answer = page.waitForResponse((response) => response.url() === notesUrl);
        // The classic trick: a text/plain form whose field name and value add up to JSON.
        await page.evaluate(`(() => {
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = ${JSON.stringify(notesUrl)};
          form.enctype = ${JSON.stringify(enctype)};
          const input = document.createElement('input');
          input.name = '{"text":"planted","x":"';
          input.value = '"}';
          form.append(input);
          document.body.append(form);
          form.submit();
        })()`);
        expect((await answer).status(), enctype).toBe(403);
        await page.waitForURL(notesUrl);
      }
      expect(await noteCount()).toBe(before);
    } finally {
      await page.close();
    }
  });

  it('that rebinds its name to 127.0.0.1 gets no data and cannot POST a note', async () => {
    const page = await signedInPage();
    const before = await noteCount();
    try {
      // A script running in the origin http://evil.test:PORT, whose name now points at 127.0.0.1:
      // what DNS rebinding achieves. Every request it makes is same-origin, so CORS plays no part;
      // only the Host header (evil.test) gives it away.
      const first = await page.goto(`http://evil.test:${server.port}/`);
      expect(first?.status()).toBe(421);
      const outcome = await page.evaluate<{ list: number; listBody: string; note: number }>(`(async () => {
        const list = await fetch('/api/recordings');
        const note = await fetch('/api/recordings/${callId}/notes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"text":"planted"}',
        });
        return { list: list.status, listBody: await list.text(), note: note.status };
      })()`);
      expect(outcome).toMatchObject({ list: 421, note: 421 });
      expect(outcome.listBody).toContain('host_not_allowed');
      expect(outcome.listBody).not.toContain(PHONE);
      expect(await noteCount()).toBe(before);
    } finally {
      await page.close();
    }
  });
});
