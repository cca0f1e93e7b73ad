import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { StageScheduler } from '../transcripts/rerun.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { installAuditHook } from './audit-hook.ts';
import { installControlCharacterCheck } from './control-characters.ts';
import { answerFrameworkError, installErrorHandling } from './errors.ts';
import { openApiTransform } from './openapi.ts';
import { DEFAULT_SECURITY, openApiDocumentTransform, SECURITY_SCHEMES } from './openapi-document.ts';
import { nameComponentSchemas } from './schemas/components.ts';
import { installRequestGuard } from './security/request-guard.ts';
import { registerSecurityHeaders } from './security/security-headers.ts';
import { installSessionGuard } from './session-guard.ts';
import { registerAnalysisRoutes } from './routes/analysis.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAudioRoutes } from './routes/audio.ts';
import { registerCaseFileRoutes } from './routes/case-file.ts';
import { registerCollectionRoutes } from './routes/collections.ts';
import { registerDuplicateRoutes } from './routes/duplicates.ts';
import { DEFAULT_DESK_DIR, registerDesk } from './routes/desk.ts';
import { registerExcerptRoutes } from './routes/excerpts.ts';
import { registerExportRoutes } from './routes/exports.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerIngestRoutes } from './routes/ingest.ts';
import { registerLexiconRoutes } from './routes/lexicon.ts';
import { registerOpenApiRoute } from './routes/openapi.ts';
import { registerPipelineRoutes } from './routes/pipeline.ts';
import { registerNoteRoutes } from './routes/notes.ts';
import { registerNumberRoutes } from './routes/numbers.ts';
import { registerRecordingRoutes } from './routes/recordings.ts';
import { registerRegisterRoutes } from './routes/register.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerTranscriptRoutes } from './routes/transcripts.ts';
import { registerTriageListRoutes } from './routes/triage-lists.ts';
import { registerTriageRoutes } from './routes/triage.ts';
import { registerTranslationRoutes } from './routes/translations.ts';
import { registerTrendRoutes } from './routes/trends.ts';
import { registerUserRoutes } from './routes/users.ts';

export interface ApiServerOptions {
  db: Db;
  config: EarshotConfig;
  /** A pino-compatible logger; without one, Fastify's own logs at config.logLevel to stderr. */
  logger?: FastifyBaseLogger;
  /** Folder of the built web desk (default: web/dist in the repository). */
  deskDir?: string;
  /** Queues pipeline jobs (corrections re-run translate and analyse); absent when serving alone. */
  scheduleStage?: StageScheduler;
  /** Record audit entries for the routes that declare them (default true; false for benchmarks only). */
  audit?: boolean;
  /** The time sessions and sign-in throttling are checked against (default: the wall clock). */
  clock?: () => Date;
}

/**
 * The API logs problems only: at 'info' Fastify would print JSON lines (such as "Server listening")
 * over the CLI's own output, which already says where the server is.
 */
function apiLogLevel(level: EarshotConfig['logLevel']): EarshotConfig['logLevel'] {
  return level === 'info' ? 'warn' : level;
}

/**
 * The HTTP API as a Fastify instance, ready but not listening (tests use inject(); `earshot serve`
 * and `earshot start` listen through startHttpServer).
 */
export async function buildApiServer(options: ApiServerOptions): Promise<FastifyInstance> {
  const app = await createApiServer(options);
  await app.ready();
  return app;
}

/**
 * The HTTP API with every route registered, explicitly, but not ready yet: hooks can still be
 * added (tests add one that signs a request in; see test/helpers/as-principal.ts).
 */
export async function createApiServer(options: ApiServerOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: apiLogLevel(config.logLevel), stream: process.stderr } }),
    // One line per request would drown the terminal; failures are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Ids and paths in URLs are short; anything longer is not a request the desk makes.
    routerOptions: { maxParamLength: 200 },
    // Malformed URLs are rejected by the router before any route runs: same JSON shape as the rest.
    frameworkErrors: answerFrameworkError,
    // JSON bodies (notes, corrections) are small; uploads stream past this with their own limits.
    bodyLimit: config.bodyMaxBytes,
    // X-Forwarded-* are believed only from a configured reverse proxy, never from anyone.
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Headers first, so that the guard's refusals carry them too.
  await registerSecurityHeaders(app);
  installRequestGuard(app, config);
  installControlCharacterCheck(app);
  const clock = options.clock ?? (() => new Date());
  installSessionGuard(app, { db, settings: config.sessions, clock });
  if (options.audit !== false) installAuditHook(app, db);
  // Uploads are streamed part by part by the ingest route, which sets the limits per request.
  await app.register(fastifyMultipart);

  nameComponentSchemas();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      servers: [
        {
          url: '/',
          description:
            'The Earshot server this document was fetched from (the desk and the API share one origin)',
        },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
      security: DEFAULT_SECURITY,
      info: {
        title: 'Earshot API',
        description:
          'Offline investigation desk for intercepted and leaked phone-call audio. Machine output ' +
          '(call metadata read from files, working copies, stage results) is marked as such.',
        version: toolVersions().earshot ?? '0.0.0',
      },
      tags: [
        { name: 'health', description: 'Server state' },
        {
          name: 'session',
          description:
            'Signing in and out. Every other /api route needs the session cookie, and every ' +
            'POST, PUT, PATCH or DELETE the x-earshot-csrf header from GET /api/session',
        },
        { name: 'collections', description: 'Collections of recordings' },
        { name: 'recordings', description: 'Recordings, their metadata, provenance and custody' },
        { name: 'audio', description: 'Original and working-copy audio, with range requests' },
        {
          name: 'analysis',
          description: 'Code words, entities, casualty counts and triage per call (machine output)',
        },
        { name: 'trends', description: 'Calls and mentions over time, places and who called whom' },
        { name: 'transcripts', description: 'Transcript versions, human corrections and their differences' },
        { name: 'notes', description: 'Notes on calls and segments (append-only)' },
        {
          name: 'duplicates',
          description:
            'Near-duplicate calls found by acoustic fingerprint: machine leads a person confirms or rejects',
        },
        { name: 'search', description: 'Full-text search over transcripts and translations' },
        {
          name: 'triage',
          description: 'Tags, stars, saved searches, bulk actions on a selection of calls and CSV exports',
        },
        { name: 'pipeline', description: 'Progress of the processing stages, failures, waits and retry' },
        { name: 'ingest', description: 'Uploading audio files, folders and zip archives from the desk' },
        { name: 'audit', description: 'Who viewed or changed what, when, from where (admins only)' },
        { name: 'users', description: 'Users, roles and collection grants (admins)' },
        {
          name: 'publication',
          description:
            'Publishing excerpts without identities: the protected-identity register of a collection',
        },
        { name: 'meta', description: 'This description' },
      ],
    },
    transform: openApiTransform,
    transformObject: openApiDocumentTransform,
  });

  const context = { db, config, scheduleStage: options.scheduleStage, clock };
  registerSessionRoutes(app, context);
  registerHealthRoutes(app, context);
  registerCollectionRoutes(app, context);
  registerRecordingRoutes(app, context);
  registerAudioRoutes(app, context);
  registerAnalysisRoutes(app, context);
  registerTrendRoutes(app, context);
  registerLexiconRoutes(app, context);
  registerTranscriptRoutes(app, context);
  registerTranslationRoutes(app, context);
  registerNoteRoutes(app, context);
  registerNumberRoutes(app, context);
  registerDuplicateRoutes(app, context);
  registerCaseFileRoutes(app, context);
  registerSearchRoutes(app, context);
  registerPipelineRoutes(app, context);
  registerIngestRoutes(app, context);
  registerAuditRoutes(app, context);
  registerExportRoutes(app, context);
  registerTriageRoutes(app, context);
  registerTriageListRoutes(app, context);
  registerRegisterRoutes(app, context);
  registerExcerptRoutes(app, context);
  registerUserRoutes(app, context);
  registerOpenApiRoute(app);
  await registerDesk(app, options.deskDir ?? DEFAULT_DESK_DIR);
  return app;
}
