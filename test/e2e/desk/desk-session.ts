import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { repositoryRoot, startCli, type CliProcess } from '../../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTestSession, SIGN_IN_LINK } from '../../helpers/signed-in-api.ts';
import { createDb } from '../../../src/db/database.ts';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';

/** Debian's Chromium; the tests drive it with playwright-core and never download a browser. */
export const CHROMIUM = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // The player is started by a click or a key, but Chromium must not mute it in a test.
  '--autoplay-policy=no-user-gesture-required',
];
export const artifactsDir = path.join(repositoryRoot, 'test-artifacts', 'desk');

export interface DeskSession {
  url: string;
  databaseUrl: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * The real app as a user first starts it (`earshot start` with the demo corpus, no model installed,
 * on its own database), built desk included, once the pipeline is idle; and a browser page.
 */
export async function startDeskSession(): Promise<DeskSession> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`desk tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInBrowser(page, app.url, app.signInLink ?? (await cookieOfNewSession(app.databaseUrl)));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    url: app.url,
    databaseUrl: app.databaseUrl,
    browser,
    page,
    async close() {
      await browser.close().catch(() => undefined);
      await app.stop();
      if (pageErrors.length > 0) console.warn(`desk page errors:\n${pageErrors.join('\n')}`);
    },
  };
}

/** A test file's desk session with a database client beside it (deskWithDatabase). */
export interface DeskWithDatabase {
  readonly session: DeskSession;
  readonly db: pg.Client;
  /** The first row of a query (undefined when there is none). */
  one<T>(text: string, values?: unknown[]): Promise<T>;
  /** A full-page screenshot into docs/images/ at this size, once nothing runs off the side. */
  shoot(name: string, width: number, height: number): Promise<void>;
}

/**
 * Starts the desk session and a database client before the file's tests and stops both after
 * them: the set-up of the browser tests that read what the desk stored.
 */
export function deskWithDatabase(): DeskWithDatabase {
  let session: DeskSession | undefined;
  let db: pg.Client | undefined;
  beforeAll(async () => {
    session = await startDeskSession();
    db = new pg.Client({ connectionString: session.databaseUrl });
    await db.connect();
  }, 900_000);
  afterAll(async () => {
    await db?.end();
    await session?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the desk session has not started (beforeAll failed?)');
    return value;
  };
  return {
    get session() {
      return started(session);
    },
    get db() {
      return started(db);
    },
    async one<T>(text: string, values: unknown[] = []): Promise<T> {
      return (await started(db).query(text, values)).rows[0] as T;
    },
    async shoot(name: string, width: number, height: number): Promise<void> {
      const { page } = started(session);
      await page.setViewportSize({ width, height });
      // Charts and tables follow their container's new size before the picture is taken.
      await expect
        .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 10_000 })
        .toBeLessThanOrEqual(width);
      await page.screenshot({
        path: path.join(repositoryRoot, 'docs', 'images', `${name}.png`),
        fullPage: true,
      });
    },
  };
}

interface RunningApp {
  url: string;
  databaseUrl: string;
  /** The one-time link the start printed (absent for an app that was already running). */
  signInLink?: string;
  stop(): Promise<void>;
}

/** Headers of the browser's session, for the tests' own API reads (getJson). */
let apiHeaders: Record<string, string> = {};

/** A session made in the database for an app this run did not start (no printed link to open). */
async function cookieOfNewSession(databaseUrl: string): Promise<{ cookie: string }> {
  const db = createDb(databaseUrl, 1);
  try {
    const session = await createTestSession(db);
    return { cookie: session.token };
  } finally {
    await db.destroy();
  }
}

/**
 * Signs the browser in as a user does: opening the one-time link the start printed, which lands on
 * the desk signed in; or, given a session token, by setting its cookie. The tests' getJson then
 * uses the same session.
 */
export async function signInBrowser(
  page: Page,
  url: string,
  via: string | { cookie: string },
): Promise<void> {
  if (typeof via === 'string') {
    await page.goto(via);
    await page.waitForURL(url);
  } else {
    await page.context().addCookies([{ name: SESSION_COOKIE, value: via.cookie, url }]);
  }
  const cookie = (await page.context().cookies(url)).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('the browser holds no session cookie after signing in');
  apiHeaders = { cookie: `${SESSION_COOKIE}=${cookie.value}` };
}

/**
 * Starts the app on its own database and waits for the pipeline to finish the demo corpus (minutes
 * on two cores). While writing tests, EARSHOT_DESK_E2E_URL and EARSHOT_DESK_E2E_DATABASE_URL point
 * them at an app that is already running instead.
 */
async function startApp(): Promise<RunningApp> {
  const givenUrl = process.env.EARSHOT_DESK_E2E_URL;
  const givenDatabase = process.env.EARSHOT_DESK_E2E_DATABASE_URL;
  if (givenUrl && givenDatabase)
    return { url: givenUrl, databaseUrl: givenDatabase, stop: () => Promise.resolve() };

  const database: TestDatabase = await createTestDatabase('e2e_desk');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-e2e-desk-'));
  fs.chmodSync(dataDir, 0o755);
  const app: CliProcess = startCli(['start'], {
    DATABASE_URL: database.connectionString,
    EARSHOT_DATA_DIR: dataDir,
    EARSHOT_PORT: '0',
    // No model installed: the demo collection runs on the demo models committed in demo/models,
    // exactly as on a user's first `npm start` with nothing beside the repository.
  });
  const [, url] = await app.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
  const [, signInLink] = await app.waitFor(SIGN_IN_LINK);
  await app.waitFor(/Pipeline idle/, 600_000);
  return {
    url: url!,
    databaseUrl: database.connectionString,
    signInLink,
    async stop() {
      if (app.child.exitCode === null) {
        app.child.kill('SIGINT');
        await app.exited;
      }
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage });
}

/** The player's position as the desk shows it (data-seconds on the time display). */
export async function playerSeconds(page: Page): Promise<number> {
  return Number(await page.getByTestId('player-time').getAttribute('data-seconds'));
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: apiHeaders });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
