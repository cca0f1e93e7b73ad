import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** A DNS name or an IP address as it appears in a Host header, without the port: "desk.example.org", "[fd00::1]". */
const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Every setting Earshot reads from the environment, parsed once. Modules receive the parsed
 * object; nothing else reads process.env.
 */
const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('Use this PostgreSQL server instead of the embedded one, as the runtime role (no superuser)'),
  EARSHOT_MIGRATION_DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('With DATABASE_URL: the role that owns the schema and runs the migrations'),
  EARSHOT_DATA_DIR: z
    .string()
    .default('./earshot-data')
    .describe('Originals, working copies, embedded Postgres'),
  EARSHOT_MODELS_DIR: z
    .string()
    .optional()
    .describe('Speech and translation models (default: DATA_DIR/models)'),
  EARSHOT_ASR_MODEL: z
    .string()
    .default('gigaam-v2-ctc-ru')
    .describe('Speech recogniser used by the transcribe stage (a model name under the models dir)'),
  EARSHOT_VAD_MODEL: z
    .enum(['silero-vad-v6.2', 'silero-vad-v5'])
    .default('silero-vad-v6.2')
    .describe('Voice activity detector used by the vad stage'),
  EARSHOT_TRANSLATION_MODEL: z
    .string()
    .default('opus-mt-ru-en')
    .describe('Translation model (Russian → English) under the models dir, used by transcribe --translate'),
  EARSHOT_SPEECH_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  EARSHOT_WHISPER_BUILD: z
    .enum(['default', 'cuda', 'vulkan'])
    .default('default')
    .describe('whisper.cpp addon for Whisper models: default (CPU), cuda or vulkan (installed separately)'),
  EARSHOT_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EARSHOT_HOST: z.string().default('127.0.0.1'),
  EARSHOT_ALLOW_REMOTE: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'])
    .default('0')
    .transform((value) => value === '1' || value === 'true' || value === 'yes')
    .describe('Set to 1 to listen on an address other than loopback (EARSHOT_HOST)'),
  EARSHOT_ALLOWED_HOSTS: z
    .string()
    .default('')
    // IPv6 addresses are written in brackets in a Host header; either spelling is accepted here.
    .transform((value) =>
      commaList(value.toLowerCase()).map((name) => (net.isIPv6(name) ? `[${name}]` : name)),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(HOST_NAME, 'a host name or address without scheme, port or path (e.g. desk.example.org)'),
      ),
    )
    .describe('Host names the server answers to besides loopback, comma-separated (e.g. its public name)'),
  EARSHOT_TRUST_PROXY: z
    .string()
    .default('')
    .transform(commaList)
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])))
    .describe('Addresses of a reverse proxy whose X-Forwarded-* headers are believed, comma-separated'),
  EARSHOT_BODY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 ** 2)
    .describe(
      'Largest JSON request body (notes, corrections), in bytes (default 1 MiB; uploads have their own)',
    ),
  EARSHOT_PORT: z.coerce.number().int().min(0).max(65535).default(8750),
  EARSHOT_ACTOR: z
    .string()
    .min(1)
    .optional()
    .describe('Who is recorded in custody events (default: OS user)'),
  EARSHOT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EARSHOT_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(8 * 1024 ** 3)
    .describe('Largest upload from the desk, all its files together, in bytes (default 8 GiB)'),
  EARSHOT_EXPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(64 * 1024 ** 3)
    .describe('Largest evidence bundle, from the stored sizes of its files, in bytes (default 64 GiB)'),
  EARSHOT_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(500 * 1024 ** 2)
    .describe('Largest evidence file attached to a verification case step, in bytes (default 500 MiB)'),
  EARSHOT_UPLOAD_MAX_FILES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(10_000)
    .describe('Most files in one upload from the desk'),
  EARSHOT_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120)
    .describe('A desk session ends after this many minutes without a request (default 120)'),
  EARSHOT_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12)
    .describe('A desk session ends this many hours after sign-in, however active (default 12)'),
  EARSHOT_SIGN_IN_LINK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30)
    .describe('How long a one-time sign-in link stays valid (default 30 minutes)'),
  EARSHOT_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .describe('Mark the session cookie Secure: set when the desk is reached through a TLS reverse proxy'),
  EARSHOT_LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
});

export interface EarshotConfig {
  databaseUrl: string | undefined;
  /**
   * The schema owner's connection (DATABASE_URL's server), used only to migrate and to grant the
   * runtime role of DATABASE_URL its rights. Unset: migrations run as DATABASE_URL's role when it
   * may create tables, and are refused with a clear message when it may not.
   */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  modelsDir: string;
  /** Recogniser and VAD model names, and CPU threads per speech engine. */
  asrModel: string;
  vadModel: 'silero-vad-v6.2' | 'silero-vad-v5';
  speechThreads: number;
  /** Translation model name under modelsDir (Russian → English). */
  translationModel: string;
  /** Which whisper.cpp addon runs Whisper models; anything but `default` runs on the GPU. */
  whisperBuild: 'default' | 'cuda' | 'vulkan';
  /** Content-addressed, write-once store of evidentiary originals. */
  originalsDir: string;
  /** Derived files (working copies) that can always be rebuilt from the originals. */
  derivedDir: string;
  /** Write-once store of verification evidence (case attachments), named by SHA-256. */
  attachmentsDir: string;
  /** Largest evidence file attached to a case step, in bytes (refused while it streams). */
  attachmentMaxBytes: number;
  /** The instance's Ed25519 key pair that signs evidence bundles (created on first use). */
  keysDir: string;
  embeddedPostgresDir: string;
  embeddedPostgresPort: number;
  host: string;
  port: number;
  /** Listening on anything but loopback is refused unless this is set (--allow-remote). */
  allowRemote: boolean;
  /** Host header names answered besides loopback ones (lower case, no port). */
  allowedHosts: readonly string[];
  /** Proxy addresses whose X-Forwarded-* headers are believed; empty: none. */
  trustProxy: readonly string[];
  /** Largest JSON request body in bytes; uploads have their own limits (uploadMaxBytes). */
  bodyMaxBytes: number;
  actor: string;
  workerConcurrency: number;
  /** Uploads from the desk are streamed here, ingested, then removed. */
  uploadsDir: string;
  /** Limits on one upload from the desk (all files together, and how many). */
  uploadMaxBytes: number;
  /** Largest evidence bundle (stored files together) `earshot export evidence` writes. */
  exportMaxBytes: number;
  /** Where bundles exported from the desk are written (DATA/exports). */
  exportsDir: string;
  uploadMaxFiles: number;
  /** Desk sessions: idle and absolute expiry, one-time link lifetime, Secure cookie behind TLS. */
  sessions: SessionSettings;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export interface SessionSettings {
  idleMs: number;
  maxAgeMs: number;
  signInLinkMs: number;
  secureCookie: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EarshotConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.EARSHOT_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment: EARSHOT_MIGRATION_DATABASE_URL is only used with DATABASE_URL (the embedded ' +
        'database makes its own roles); set DATABASE_URL to the runtime role of the same database, or unset it.',
    );
  }
  const dataDir = path.resolve(cwd, e.EARSHOT_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.EARSHOT_MIGRATION_DATABASE_URL,
    dataDir,
    modelsDir: path.resolve(cwd, e.EARSHOT_MODELS_DIR ?? path.join(dataDir, 'models')),
    asrModel: e.EARSHOT_ASR_MODEL,
    vadModel: e.EARSHOT_VAD_MODEL,
    speechThreads: e.EARSHOT_SPEECH_THREADS,
    translationModel: e.EARSHOT_TRANSLATION_MODEL,
    whisperBuild: e.EARSHOT_WHISPER_BUILD,
    originalsDir: path.join(dataDir, 'originals'),
    derivedDir: path.join(dataDir, 'derived'),
    attachmentsDir: path.join(dataDir, 'attachments'),
    keysDir: path.join(dataDir, 'keys'),
    attachmentMaxBytes: e.EARSHOT_ATTACHMENT_MAX_BYTES,
    embeddedPostgresDir: path.join(dataDir, 'postgres'),
    embeddedPostgresPort: e.EARSHOT_PG_PORT,
    host: e.EARSHOT_HOST,
    port: e.EARSHOT_PORT,
    allowRemote: e.EARSHOT_ALLOW_REMOTE,
    allowedHosts: e.EARSHOT_ALLOWED_HOSTS,
    trustProxy: e.EARSHOT_TRUST_PROXY,
    bodyMaxBytes: e.EARSHOT_BODY_MAX_BYTES,
    actor: e.EARSHOT_ACTOR ?? safeUserName(),
    workerConcurrency: e.EARSHOT_WORKER_CONCURRENCY,
    uploadsDir: path.join(dataDir, 'uploads'),
    uploadMaxBytes: e.EARSHOT_UPLOAD_MAX_BYTES,
    exportMaxBytes: e.EARSHOT_EXPORT_MAX_BYTES,
    exportsDir: path.join(dataDir, 'exports'),
    uploadMaxFiles: e.EARSHOT_UPLOAD_MAX_FILES,
    sessions: {
      idleMs: e.EARSHOT_SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: e.EARSHOT_SESSION_MAX_HOURS * 3_600_000,
      signInLinkMs: e.EARSHOT_SIGN_IN_LINK_MINUTES * 60_000,
      secureCookie: e.EARSHOT_SECURE_COOKIES === 'true' || e.EARSHOT_SECURE_COOKIES === '1',
    },
    logLevel: e.EARSHOT_LOG_LEVEL,
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
