import pg from 'pg';
import PgBoss from 'pg-boss';
import type { StageRegistry } from './registry.ts';
import type { StageJobOptions } from './stage-handler.ts';
import type { RecordingStagePayload } from './stages.ts';

/** pg-boss keeps its tables in this schema of the application database. */
export const PGBOSS_SCHEMA = 'pgboss';

const DEFAULT_JOB_OPTIONS: Required<StageJobOptions> = {
  retryLimit: 3,
  retryDelaySeconds: 10,
  expireInSeconds: 30 * 60,
};
const INSERT_CHUNK = 500;

export interface JobQueueOptions<N extends string> {
  connectionString: string;
  registry: StageRegistry<N>;
  /** Overrides every stage's retry and expiry settings (tests use short delays). */
  jobOptions?: StageJobOptions;
  /** Runs pg-boss maintenance (expiring jobs of vanished workers); off for one-shot commands. */
  supervise?: boolean;
}

export interface JobQueue<N extends string = string> {
  boss: PgBoss;
  registry: StageRegistry<N>;
  queueName(stage: N): string;
  jobOptions(stage: N): Required<StageJobOptions>;
  /** Queues one job per payload; a job already waiting for the same (stage, recording) is kept. */
  enqueue(stage: N, payloads: RecordingStagePayload[]): Promise<void>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export function singletonKey(stage: string, recordingId: string): string {
  return `${stage}:${recordingId}`;
}

/**
 * Starts pg-boss on the application database and creates one queue per stage. Queues use the
 * 'short' policy: at most one waiting job per singleton key (stage, recording), so scheduling
 * the same work twice queues it once.
 */
export async function startJobQueue<N extends string>(options: JobQueueOptions<N>): Promise<JobQueue<N>> {
  const connections = openDrainablePool(options.connectionString);
  const boss = new PgBoss({
    db: connections.db,
    schema: PGBOSS_SCHEMA,
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  // pg-boss reports background errors (lost connections) as events; they must not crash us.
  // Once we are stopping, a connection cut by the server going down is expected, not news.
  let stopping = false;
  const warn = (error: Error): void => {
    if (!stopping) process.emitWarning(`job queue: ${error.message}`);
  };
  boss.on('error', warn);
  connections.pool.on('error', warn);
  try {
    await boss.start();
  } catch (error) {
    await connections.close();
    throw error;
  }

  const registry = options.registry;
  const jobOptions = (stage: N): Required<StageJobOptions> => ({
    ...DEFAULT_JOB_OPTIONS,
    ...registry.handler(stage).jobOptions,
    ...options.jobOptions,
  });
  const queueName = (stage: N): string => `stage.${stage}`;

  try {
    for (const stage of registry.order) {
      const o = jobOptions(stage);
      const queueOptions = {
        name: queueName(stage),
        policy: 'short' as const,
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: o.expireInSeconds,
      };
      await boss.createQueue(queueName(stage), queueOptions);
      // createQueue keeps an existing queue as it was; bring its settings up to date.
      await boss.updateQueue(queueName(stage), queueOptions);
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    await connections.close();
    throw error;
  }

  return {
    boss,
    registry,
    queueName,
    jobOptions,
    async enqueue(stage, payloads) {
      const forced = payloads.filter((p) => p.force).map((p) => singletonKey(stage, p.recordingId));
      if (forced.length > 0) {
        // A job already waiting wins over the new one (ON CONFLICT DO NOTHING): make it forced.
        await boss.getDb().executeSql(
          `UPDATE ${PGBOSS_SCHEMA}.job SET data = data || '{"force": true}'::jsonb
           WHERE name = $1 AND state = 'created' AND singleton_key = ANY($2::text[])`,
          [queueName(stage), forced],
        );
      }
      for (let i = 0; i < payloads.length; i += INSERT_CHUNK) {
        const jobs = payloads.slice(i, i + INSERT_CHUNK).map((data) => ({
          name: queueName(stage),
          data: { recordingId: data.recordingId, ...(data.force ? { force: true } : {}) },
          singletonKey: singletonKey(stage, data.recordingId),
        }));
        await boss.insert(jobs);
      }
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      stopping = true;
      await boss.stop({ graceful, timeout: timeoutMs, wait: true });
      await connections.close(graceful ? timeoutMs : 0);
    },
  };
}

const POOL_SIZE = 4;

/**
 * pg-boss's connection pool, owned here so that it is closed only after the queries in flight
 * have settled. pg-boss's own close ends the pool at once, and pg.Pool never answers requests
 * still waiting for a connection then: a worker loop whose fetch was waiting (one loop per stage
 * and concurrency slot, more than the pool holds) never finished, and its timers kept a stopped
 * worker process alive.
 */
function openDrainablePool(connectionString: string): {
  pool: pg.Pool;
  db: { executeSql(text: string, values?: unknown[]): Promise<pg.QueryResult> };
  close(timeoutMs?: number): Promise<void>;
} {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, application_name: 'earshot-jobs' });
  let inFlight = 0;
  let closed = false;
  return {
    pool,
    db: {
      async executeSql(text, values) {
        inFlight++;
        try {
          return await pool.query(text, values);
        } finally {
          inFlight--;
        }
      },
    },
    async close(timeoutMs = 30_000) {
      if (closed) return;
      closed = true;
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await pool.end();
    },
  };
}
