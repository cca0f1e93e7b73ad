import fs from 'node:fs';
import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import { localServerUrl, signInLinesAtStart } from '../accounts/sign-in-link.ts';
import { assertCanListen, startHttpServer, type RunningHttpServer } from '../api/http-server.ts';
import { assertRemoteListeningAllowed } from '../api/security/remote-listening.ts';
import { startAuditHeadPrinter } from '../audit/audit-head-printer.ts';
import { ingestPaths } from '../ingest/ingest-paths.ts';
import { openPipeline, PipelineStoppedError, type Pipeline } from '../jobs/pipeline.ts';
import { scheduleStage } from '../jobs/scheduling.ts';
import { formatPipelineEvent, formatProgressLine } from '../jobs/status-report.ts';
import { describeMissingModels } from './model-check.ts';
import { describeMissingTools } from '../jobs/tool-waits.ts';
import { connectDatabase, type DatabaseConnection } from './database-connection.ts';
import { repositoryRoot } from './paths.ts';

export const DEMO_COLLECTION = 'Demo corpus';
const PROGRESS_EVERY_MS = 5000;

export interface StartOptions {
  port?: number;
  host?: string;
  /** Ingest the bundled demo corpus (idempotent: a second start finds it already known). */
  demo: boolean;
  out: NodeJS.WritableStream;
}

export interface RunningApp {
  url: string;
  connection: DatabaseConnection;
  pipeline: Pipeline;
  /** Resolves when the pipeline first has nothing pending or running. */
  idle: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `earshot start`: database (embedded unless DATABASE_URL), crash recovery, the demo corpus,
 * the pipeline's workers in this process, and the HTTP API. Each step says what it did.
 */
export async function startApp(config: EarshotConfig, options: StartOptions): Promise<RunningApp> {
  const { out } = options;
  const say = (line: string): boolean => out.write(`${line}\n`);
  say(`Data folder: ${config.dataDir}`);
  await assertCanListen(options.host ?? config.host, options.port ?? config.port);
  say(config.databaseUrl ? 'Database: DATABASE_URL' : 'Database: starting embedded PostgreSQL…');
  const connection = await connectDatabase(config);
  let pipeline: Pipeline | undefined;
  let http: RunningHttpServer | undefined;
  try {
    // Said before the demo and the workers start; startHttpServer checks it again as it listens.
    await assertRemoteListeningAllowed({ ...config, host: options.host ?? config.host }, connection.db);
    pipeline = await openPipeline({ connection, config });
    const r = pipeline.recovery;
    if (r.interruptedRuns + r.orphanedJobs + r.abandonedRuns + r.requeuedRuns > 0) {
      say(
        `Recovered after an unclean stop: ${r.interruptedRuns} interrupted stage runs, ` +
          `${r.orphanedJobs} orphaned jobs, ${r.requeuedRuns} runs queued again.`,
      );
    }

    const demoDir = path.join(repositoryRoot, 'demo');
    if (options.demo && !fs.existsSync(path.join(demoDir, 'calls.csv'))) {
      say(`No demo corpus at ${demoDir}: skipping it.`);
    } else if (options.demo) {
      say(`Ingesting the demo corpus from ${demoDir}…`);
      const result = await ingestPaths(connection.db, config, {
        paths: [path.join(demoDir, 'calls')],
        collection: DEMO_COLLECTION,
        modelProfile: 'demo',
        metadataFile: path.join(demoDir, 'calls.csv'),
        actor: config.actor,
      });
      out.write(result.summary.format());
    }

    // Backfill: recordings never put on the pipeline, or stages never scheduled after a crash.
    // Failed runs stay failed until `earshot retry --failed`; runs waiting for a model now
    // installed go on.
    for (const line of await describeMissingModels(connection.db, config)) say(line);
    for (const line of describeMissingTools()) say(line);
    const scheduled = await pipeline.scheduleMissing();
    const resumed = (await pipeline.resumeModelWaits()).reduce((n, r) => n + r.scheduled, 0);
    if (scheduled + resumed > 0) say(`Pipeline: ${scheduled + resumed} stage runs scheduled.`);

    // The same reason for many calls (a missing model) is said once, not once per call.
    const reasonsSaid = new Set<string>();
    await pipeline.startWorkers({
      onEvent: (event) => {
        if (event.type !== 'failed' && event.type !== 'retrying' && event.type !== 'waiting') return;
        const key = `${event.type} ${event.stage} ${event.error}`;
        if (reasonsSaid.has(key)) return;
        reasonsSaid.add(key);
        say(
          `${formatPipelineEvent(event)}${event.type === 'retrying' ? '' : ' (not repeated for the other calls)'}`,
        );
      },
    });

    const queue = pipeline.queue;
    http = await startHttpServer(connection.db, config, {
      port: options.port,
      host: options.host,
      // Corrections made in the desk re-run translate and analyse through this process's queue.
      scheduleStage: (stage, ids, scheduling) => scheduleStage(queue, connection.db, stage, ids, scheduling),
    });
    say(`Earshot is ready at ${http.url}  (API: ${http.url}api/openapi.json; Ctrl-C stops)`);
    const localUrl = localServerUrl({ host: options.host ?? config.host, port: http.port });
    for (const line of await signInLinesAtStart(connection.db, config, localUrl)) say(line);
    const headPrinter = await startAuditHeadPrinter(connection.db, say);

    const running = pipeline;
    let lastPrinted = 0;
    const idle = running
      .waitUntilIdle({
        intervalMs: 500,
        onProgress: (status) => {
          if (Date.now() - lastPrinted < PROGRESS_EVERY_MS) return;
          lastPrinted = Date.now();
          say(`Pipeline: ${formatProgressLine(status)}`);
        },
      })
      .then((status) => {
        const failed = status.stages.reduce((n, s) => n + s.failed, 0);
        say(`Pipeline idle: ${formatProgressLine(status)}.`);
        if (failed > 0) say(`${failed} stage runs failed: \`earshot status\` lists them with reasons.`);
        const models = [...new Set(status.waits.map((w) => w.model))];
        if (models.length > 0) {
          say(
            `${status.waits.length} stage runs wait for ${models.join(', ')}; they go on by themselves once ` +
              `installed: \`npx earshot models install ${models.length === 1 ? models[0] : '--defaults'}\`.`,
          );
        }
      })
      // Ctrl-C before the work is done: stop() ends the wait; there is nothing to report.
      .catch((error: unknown) => {
        if (!(error instanceof PipelineStoppedError)) throw error;
      });

    const server = http;
    return {
      url: http.url,
      connection,
      pipeline,
      idle,
      async stop() {
        headPrinter.stop();
        await server.close();
        await running.stop();
        await connection.close();
      },
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await pipeline?.stop().catch(() => undefined);
    await connection.close().catch(() => undefined);
    throw error;
  }
}
