import { InvalidArgumentError, type Command } from 'commander';
import type { EarshotConfig } from '../../config/config.ts';
import type { CommandContext } from '../command-context.ts';
import { waitForShutdownSignal } from '../shutdown.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

/** The --allow-remote flag, added to what EARSHOT_ALLOW_REMOTE says. */
export function withAllowRemote(config: EarshotConfig, flag: boolean | undefined): EarshotConfig {
  return flag === true ? { ...config, allowRemote: true } : config;
}

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('Serve the HTTP API (and the web desk, when built) until stopped with Ctrl-C')
    .option(
      '--port <port>',
      'port to listen on (default: EARSHOT_PORT or 8750; 0 picks a free one)',
      parsePort,
    )
    .option('--host <host>', 'address to listen on (default: EARSHOT_HOST or 127.0.0.1)')
    .option(
      '--allow-remote',
      'allow listening on an address other machines can reach (EARSHOT_ALLOW_REMOTE=1)',
    )
    .action(async (options: { port?: number; host?: string; allowRemote?: boolean }) => {
      const [
        { assertCanListen, startHttpServer },
        { openPipeline },
        { scheduleStage },
        { startAuditHeadPrinter },
        signIn,
      ] = await Promise.all([
        import('../../api/http-server.ts'),
        import('../../jobs/pipeline.ts'),
        import('../../jobs/scheduling.ts'),
        import('../../audit/audit-head-printer.ts'),
        import('../../accounts/sign-in-link.ts'),
      ]);
      const config = withAllowRemote(context.config(), options.allowRemote);
      // An occupied port is said before the database is started for nothing.
      await assertCanListen(options.host ?? config.host, options.port ?? config.port);
      // Listen before printing the URL: a signal that arrives right after must stop us cleanly.
      const stopSignal = waitForShutdownSignal();
      const connection = await context.openDatabase();
      let pipeline;
      let server;
      let signInLines: string[];
      try {
        // The job queue only, no workers and no recovery (that is a worker's job, and a worker may
        // be running now): corrections made in the desk queue translate and analyse at once for
        // any `earshot worker` instead of waiting for the next recovery.
        pipeline = await openPipeline({ connection, config, recover: false });
        const queue = pipeline.queue;
        server = await startHttpServer(connection.db, config, {
          port: options.port ?? config.port,
          host: options.host ?? config.host,
          scheduleStage: (stage, ids, scheduling) =>
            scheduleStage(queue, connection.db, stage, ids, scheduling),
        });
        const localUrl = signIn.localServerUrl({ host: options.host ?? config.host, port: server.port });
        signInLines = await signIn.signInLinesAtStart(connection.db, config, localUrl);
      } catch (error) {
        await server?.close().catch(() => undefined);
        await pipeline?.stop().catch(() => undefined);
        await connection.close();
        throw error;
      }
      context.out.write(`Earshot is serving at ${server.url}\n`);
      for (const line of signInLines) context.out.write(`${line}\n`);
      context.out.write(`API description: ${server.url}api/openapi.json\nPress Ctrl-C to stop.\n`);
      const headPrinter = await startAuditHeadPrinter(connection.db, (line) =>
        context.out.write(`${line}\n`),
      );
      const signal = await stopSignal;
      headPrinter.stop();
      context.out.write(`Received ${signal}: stopping...\n`);
      await server.close();
      await pipeline.stop();
      await connection.close();
      context.out.write('Stopped.\n');
    });
}
