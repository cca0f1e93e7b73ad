import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { waitForShutdownSignal } from '../shutdown.ts';
import { withAllowRemote } from './serve.ts';

interface StartCommandOptions {
  port?: number;
  host?: string;
  allowRemote?: boolean;
  demo: boolean;
}

export function registerStartCommand(program: Command, context: CommandContext): void {
  program
    .command('start')
    .description(
      'Start everything: embedded PostgreSQL (unless DATABASE_URL), the demo corpus, the pipeline workers and the HTTP API',
    )
    .option('--port <port>', 'HTTP port (default EARSHOT_PORT or 8750; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option(
      '--allow-remote',
      'allow listening on an address other machines can reach (EARSHOT_ALLOW_REMOTE=1)',
    )
    .option('--no-demo', 'do not ingest the bundled demo corpus')
    .addHelpText(
      'after',
      `
A second start reuses the data folder; a start after a crash or kill -9 recovers by itself
(orphaned database server, interrupted jobs). Stop with Ctrl-C.`,
    )
    .action(async (options: StartCommandOptions) => {
      await buildDeskIfNeeded(context.out);
      const { startApp } = await import('../../runtime/start-app.ts');
      // Listen before printing "ready": a signal that arrives right after must stop us cleanly.
      const stopSignal = waitForShutdownSignal();
      const app = await startApp(withAllowRemote(context.config(), options.allowRemote), {
        port: options.port,
        host: options.host,
        demo: options.demo,
        out: context.out,
      });
      const signal = await stopSignal;
      context.out.write(`Received ${signal}: stopping…\n`);
      await app.stop();
      context.out.write('Stopped.\n');
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/**
 * `npx earshot start` on a fresh clone serves the desk, not "the desk is not built yet": the build
 * (web/dist, a minute on two cores) runs here when it is missing or older than web/src, as `npm
 * start` used to do alone. A desk that cannot be built leaves the API running and says why.
 */
async function buildDeskIfNeeded(out: NodeJS.WritableStream): Promise<void> {
  const say = (line: string): boolean => out.write(`${line}\n`);
  try {
    const { ensureDeskBuilt } = await import('../../../web/tools/ensure-desk-built.ts');
    await ensureDeskBuilt({ log: say });
  } catch (error) {
    say(
      `Could not build the web desk (${error instanceof Error ? error.message : String(error)}): ` +
        'the API runs without it; `npm run build:desk` builds it.',
    );
  }
}
