import type { Command } from 'commander';
import { formatBytes } from '../../ingest/progress-reporter.ts';
import { downloadSize, findCatalogModel, modelCatalog } from '../../models/catalog.ts';
import type { CatalogModel } from '../../models/catalog-types.ts';
import { combinedProgress, createByteProgress } from '../../models/install-progress.ts';
import { installModel } from '../../models/model-installer.ts';
import {
  ModelError,
  ModelNotInstalledError,
  UnknownModelError,
  modelInstallState,
  readManifest,
  resolveModel,
  modelDirectory,
  type ModelInstallState,
} from '../../models/model-store.ts';
import { verifyModel, type ModelVerification } from '../../models/model-verifier.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

/*
 * `earshot models ...`: the only commands that may touch the network, and only `install` does,
 * when the user runs it. None of them needs the database.
 */
export function registerModelsCommand(program: Command, context: CommandContext): void {
  const models = program
    .command('models')
    .description('List, install (download or offline bundle) and verify speech and translation models');

  models
    .command('list')
    .description('Show every catalogued model: task, size, installed/verified state, licence')
    .option('--json', 'print machine-readable JSON')
    .action((options: { json?: boolean }) => {
      const { modelsDir } = context.config();
      const rows = modelCatalog.map((model) => ({ model, state: modelInstallState(modelsDir, model) }));
      if (options.json) {
        const json = rows.map(({ model, state }) => ({
          ...model,
          downloadBytes: downloadSize(model),
          install: state,
        }));
        context.out.write(JSON.stringify({ modelsDir, models: json }, null, 2) + '\n');
        return;
      }
      context.out.write(`Models folder: ${modelsDir}\n`);
      context.out.write(
        formatTable(
          ['NAME', 'TASK', 'SIZE', 'STATE', 'LICENCE'],
          rows.map(({ model, state }) => [
            model.name,
            model.task,
            sizeText(model),
            // The demo models ship in demo/models for the demo collection; say so rather than "not installed".
            state.state === 'not-installed' && model.source === 'demo'
              ? 'demo collection only'
              : stateText(state),
            model.licence.split(' (')[0] ?? model.licence,
          ]),
        ),
      );
    });

  models
    .command('install')
    .description(
      'Download a model (resumable, checksum-checked), or copy it from an offline bundle with --from; ' +
        '--defaults installs the recogniser, VAD and translator this configuration uses',
    )
    .argument('[name]', 'model name from `earshot models list`')
    .option(
      '--defaults',
      'install the models the pipeline uses (EARSHOT_ASR_MODEL, EARSHOT_VAD_MODEL, EARSHOT_TRANSLATION_MODEL; by default gigaam-v2-ctc-ru, silero-vad-v6.2, opus-mt-ru-en) with one progress bar',
    )
    .option('--from <dir>', 'install from an offline bundle folder (e.g. a USB stick) instead of downloading')
    .option(
      '--mirror <url>',
      'download from <url>/<name>/<file> (a newsroom mirror) instead of the catalog URLs',
    )
    .option('--trust-unverified', 'install files that have no published checksum (recorded as unverified)')
    .addHelpText(
      'after',
      '\nThis is the only Earshot command that uses the network. Proxies (HTTPS_PROXY) are not supported:\n' +
        'on a proxied or air-gapped machine, fetch the files elsewhere and use --from DIR.',
    )
    .action(async (name: string | undefined, options: InstallCommandOptions) => {
      if (options.from && options.mirror) throw new UserError('use either --from or --mirror, not both');
      if (options.mirror && !/^https?:\/\//.test(options.mirror)) {
        throw new UserError(`--mirror must be an http(s) URL, got "${options.mirror}"`);
      }
      if (options.defaults && name) throw new UserError('give a model name or --defaults, not both');
      if (options.defaults) return installDefaults(context, options);
      if (!name)
        throw new UserError('name a model to install (see `earshot models list`), or use --defaults');
      const model = requireModel(name);
      const { modelsDir } = context.config();
      const source = options.from
        ? `from ${options.from}`
        : options.mirror
          ? `from mirror ${options.mirror}`
          : 'by download';
      context.err.write(
        `Installing ${model.name} (${sizeText(model)}) ${source} into ${modelDirectory(modelsDir, name)}\n`,
      );
      const result = await asUserError(() =>
        installModel(model, {
          modelsDir,
          fromDir: options.from,
          mirror: options.mirror,
          trustUnverified: options.trustUnverified,
          progress: createByteProgress(context.err),
          log: (line) => context.err.write(`  ${line}\n`),
        }),
      );
      const trust =
        result.manifest.trust === 'verified'
          ? 'verified: every file matched its catalogued checksum'
          : 'installed UNVERIFIED (--trust-unverified): no published checksum; the SHA-256 values seen are recorded';
      context.out.write(`Installed ${model.name} in ${result.dir}: ${trust}.\n`);
    });

  models
    .command('verify')
    .description(
      'Re-hash installed model files against their install manifest and the catalog (exit 1 on mismatch)',
    )
    .argument('[name]', 'one model (default: every installed model)')
    .option('--json', 'print machine-readable JSON')
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const { modelsDir } = context.config();
      let targets: CatalogModel[];
      if (name) {
        const model = requireModel(name);
        if (!readManifest(modelDirectory(modelsDir, name))) {
          throw new UserError(new ModelNotInstalledError(name, modelsDir, 'no install manifest').message);
        }
        targets = [model];
      } else {
        targets = modelCatalog.filter((m) => readManifest(modelDirectory(modelsDir, m.name)) !== null);
      }
      const results: ModelVerification[] = [];
      for (const model of targets) results.push(await verifyModel(modelsDir, model));
      if (results.some((r) => r.status === 'failed')) context.setExitCode(ExitCode.SomeRejected);
      if (options.json) {
        context.out.write(JSON.stringify({ modelsDir, results }, null, 2) + '\n');
        return;
      }
      if (results.length === 0) context.out.write(`No models installed in ${modelsDir}.\n`);
      for (const result of results) context.out.write(verificationText(result));
    });

  models
    .command('path')
    .description("Print an installed model's folder (for scripts)")
    .argument('<name>', 'model name')
    .action((name: string) => {
      const resolved = asUserErrorSync(() => resolveModel(context.config(), name));
      context.out.write(resolved.dir + '\n');
    });
}

interface InstallCommandOptions {
  from?: string;
  mirror?: string;
  trustUnverified?: boolean;
  defaults?: boolean;
}

/**
 * `models install --defaults`: the VAD, recogniser and translator this configuration uses, skipping
 * those already installed, under one progress bar with bytes and ETA over all of them. A stage
 * waiting for one of them runs by itself once it is installed.
 */
async function installDefaults(context: CommandContext, options: InstallCommandOptions): Promise<void> {
  const config = context.config();
  const names = [config.vadModel, config.asrModel, config.translationModel];
  const wanted = [...new Set(names)].map(requireModel);
  const todo = wanted.filter((m) => modelInstallState(config.modelsDir, m).state !== 'installed');
  for (const model of wanted.filter((m) => !todo.includes(m))) {
    context.err.write(`${model.name}: already installed\n`);
  }
  if (todo.length === 0) {
    context.out.write(`The default models are installed in ${config.modelsDir}.\n`);
    return;
  }
  const sizes = todo.map(downloadSize);
  const total = sizes.some((s) => s === null) ? null : sizes.reduce<number>((a, s) => a + (s ?? 0), 0);
  context.err.write(
    `Installing ${todo.map((m) => m.name).join(', ')} (${total === null ? 'size unknown' : formatBytes(total)}) ` +
      `into ${config.modelsDir}\n`,
  );
  const progress = combinedProgress(createByteProgress(context.err), 'default models', total);
  try {
    for (const model of todo) {
      const result = await asUserError(() =>
        installModel(model, {
          modelsDir: config.modelsDir,
          fromDir: options.from,
          mirror: options.mirror,
          trustUnverified: options.trustUnverified,
          progress,
        }),
      );
      context.out.write(`Installed ${model.name} in ${result.dir} (${result.manifest.trust}).\n`);
    }
  } finally {
    progress.finish();
  }
}

function requireModel(name: string): CatalogModel {
  const model = findCatalogModel(name);
  if (!model) throw new UserError(new UnknownModelError(name).message);
  return model;
}

async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ModelError) throw new UserError(error.message);
    throw error;
  }
}

function asUserErrorSync<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ModelError) throw new UserError(error.message);
    throw error;
  }
}

function sizeText(model: CatalogModel): string {
  const bytes = downloadSize(model);
  return bytes === null ? 'size unknown' : formatBytes(bytes);
}

function stateText(state: ModelInstallState): string {
  switch (state.state) {
    case 'not-installed':
      return 'not installed';
    case 'partial':
      return `partial download (${formatBytes(state.partialBytes)})`;
    case 'damaged':
      return 'DAMAGED (run verify)';
    case 'installed':
      return state.trust === 'verified' ? 'installed, verified' : 'installed, UNVERIFIED';
  }
}

function verificationText(result: ModelVerification): string {
  const head =
    result.status === 'ok'
      ? `${result.model}: ok (${result.files.length} files${result.trust === 'trusted-unverified' ? '; installed unverified, matches what was installed' : ''})`
      : `${result.model}: FAILED`;
  const lines = result.files
    .filter((f) => f.status !== 'ok')
    .map((f) => `  ${f.name}: ${f.status}${f.detail ? ` (${f.detail})` : ''}`);
  return [head, ...lines].join('\n') + '\n';
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
