import type { Command } from 'commander';
import { IngestUsageError } from '../../ingest/errors.ts';
import { parseColumnMap } from '../../ingest/metadata/column-map.ts';
import { DEFAULT_NAME_PATTERN } from '../../ingest/metadata/name-pattern.ts';
import { createProgressReporter } from '../../ingest/progress-reporter.ts';
import type { EarshotConfig } from '../../config/config.ts';
import type { DatabaseConnection } from '../../runtime/database-connection.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

interface IngestCommandOptions {
  collection: string;
  metadata?: string;
  namePattern?: string;
  map: string[];
  region: string;
  timezone: string;
  json?: boolean;
}

const HELP_AFTER = `
Every file is hashed (SHA-256) and kept once, read-only, in the store under EARSHOT_DATA_DIR;
the same content found twice becomes one recording with both paths kept. Nothing is ever
changed in the inputs. Re-running the same command adds nothing new.

Call metadata comes from --metadata (CSV or JSON, one row per file, a "file" column with the
file's name or path relative to the input) or else from the file name, read with --name-pattern:
  {field}         text up to the next literal part: caller, callee, cell, location, source,
                  batch, duration, timezone (other names are kept as extra metadata)
  {date:FORMAT}   YYYY, YY, MM, DD and literal characters, e.g. {date:YYYYMMDD}, {date:DD.MM.YYYY}
  {time:FORMAT}   HH, mm, ss, e.g. {time:HHmmss}
  {*}             any text, ignored
  default: ${DEFAULT_NAME_PATTERN}
  (20220314_153012_+79161234567_+380501234567.amr)

Sidecar fields (mapped with --map field="Column Name", comma-separated or repeated):
  file, caller, callee, start, date, time, timezone, duration, cell, location, source, batch

Examples:
  earshot ingest ./leak/                                   folder, recursively
  earshot ingest calls.zip --collection "Leak 2023-05"     zip archive, into a named collection
  earshot ingest ./leak --metadata calls.csv --map caller="Calling Number",callee="Called Number",start="Start Time"
  earshot ingest ./audio --name-pattern "{caller}-{callee}-{date:YYYY-MM-DD}_{time:HH-mm-ss}" --timezone Europe/Moscow

Exit codes: 0 all inputs ingested (or already known), 1 some inputs rejected (listed with reasons),
2 usage error or fatal error (nothing, or not everything, was attempted).`;

export function registerIngestCommand(program: Command, context: CommandContext): void {
  program
    .command('ingest')
    .description(
      'Ingest audio files, folders and zip archives with hashes, chain of custody and call metadata',
    )
    .argument('<paths...>', 'files, folders (recursive) and zip archives')
    .option('-c, --collection <name>', 'collection to ingest into (created if new)', 'default')
    .option('-m, --metadata <file>', 'sidecar CSV or JSON with one row of call metadata per file')
    .option('-p, --name-pattern <pattern>', 'read call metadata from file names with this pattern')
    .option('--map <field=column,...>', 'sidecar column names for fields (repeatable)', collect, [])
    .option('--region <cc>', 'country for phone numbers written without a country code', 'RU')
    .option('--timezone <zone>', 'time zone of call times that carry none (IANA name or +HH:MM)', 'UTC')
    .option('--json', 'print the summary as JSON on stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], options: IngestCommandOptions) => {
      await runIngest(context, paths, options);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runIngest(
  context: CommandContext,
  paths: string[],
  options: IngestCommandOptions,
): Promise<void> {
  const config = context.config();
  let columnMap;
  try {
    columnMap = parseColumnMap(options.map);
  } catch (error) {
    throw asUserError(error);
  }
  const { ingestPaths } = await import('../../ingest/ingest-paths.ts');
  const connection = await context.openDatabase();
  const reporter = options.json ? null : createProgressReporter(context.err);
  try {
    const result = await ingestPaths(connection.db, config, {
      paths,
      collection: options.collection,
      metadataFile: options.metadata,
      namePattern: options.namePattern,
      columnMap,
      region: options.region,
      timeZone: options.timezone,
      actor: config.actor,
      onProgress: (p) => reporter?.update(p),
    });
    reporter?.stop();
    const scheduled = await scheduleNewRecordings(connection, config, result.newRecordingIds);
    if (options.json) {
      context.out.write(
        `${JSON.stringify({ batchId: result.batchId, status: result.status, newRecordingIds: result.newRecordingIds, ...result.summary.toJson() }, null, 2)}\n`,
      );
    } else {
      context.out.write(result.summary.format());
      context.out.write(`Batch ${result.batchId} ${result.status.replaceAll('_', ' ')}.\n`);
      if (scheduled > 0) {
        context.out.write(
          `${scheduled} new recordings queued for the pipeline; \`earshot start\` or \`earshot worker\` processes them.\n`,
        );
      }
    }
    if (result.summary.rejected > 0) context.setExitCode(ExitCode.SomeRejected);
  } catch (error) {
    reporter?.stop();
    throw asUserError(error);
  } finally {
    await connection.close();
  }
}

function asUserError(error: unknown): unknown {
  return error instanceof IngestUsageError ? new UserError(error.message, ExitCode.Fatal) : error;
}

/** Puts new recordings on the pipeline; the workers (in `earshot start` or `earshot worker`) run it. */
async function scheduleNewRecordings(
  connection: DatabaseConnection,
  config: EarshotConfig,
  recordingIds: string[],
): Promise<number> {
  if (recordingIds.length === 0) return 0;
  const { openPipeline } = await import('../../jobs/pipeline.ts');
  // No recovery here: a worker elsewhere may be holding jobs right now.
  const pipeline = await openPipeline({ connection, config, recover: false });
  try {
    return await pipeline.schedulePipeline(recordingIds);
  } finally {
    await pipeline.stop();
  }
}
