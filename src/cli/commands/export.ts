import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

interface EvidenceOptions {
  recording?: string[];
  collection?: string;
  out: string;
  force?: boolean;
  maxBytes?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerExportCommand(program: Command, context: CommandContext): void {
  const exportCommand = program
    .command('export')
    .description('Export signed evidence bundles, and show the key that signs them');

  exportCommand
    .command('evidence')
    .description(
      'Write the calls named (or a whole collection) into one signed zip: originals byte for byte, working ' +
        'copies, transcripts, translations, analyses, custody, audit entries and case files',
    )
    .option('-r, --recording <id>', 'a call to export (repeat for several)', collect)
    .option('-c, --collection <name>', 'export every call of this collection')
    .requiredOption('-o, --out <file.zip>', 'where to write the bundle')
    .option('--force', 'replace FILE.zip if it exists')
    .option(
      '--max-bytes <n>',
      'refuse a bundle whose stored files add up to more (default EARSHOT_EXPORT_MAX_BYTES)',
    )
    .option('--json', 'print machine-readable JSON')
    .action(async (options: EvidenceOptions) => runEvidenceExport(context, options));

  exportCommand
    .command('key')
    .description("Print the fingerprint of this instance's evidence-signing key (made on first use)")
    .action(async () => {
      const { loadOrCreateSigningKey } = await import('../../evidence/signing-key.ts');
      const key = loadOrCreateSigningKey(context.config().keysDir, (made) =>
        context.err.write(`Created the evidence-signing key ${made.privateKeyPath}.\n`),
      );
      context.out.write(
        `Evidence-signing key (Ed25519): ${key.privateKeyPath}\n` +
          `Public key fingerprint (SHA-256 of DER SPKI): ${key.fingerprint}\n\n${key.publicKeyPem}`,
      );
    });
}

async function runEvidenceExport(context: CommandContext, options: EvidenceOptions): Promise<void> {
  const recordings = options.recording ?? [];
  if (recordings.length > 0 === (options.collection !== undefined)) {
    throw new UserError(
      'Name the calls to export with --recording ID (repeatable) or --collection NAME, not both.',
    );
  }
  const config = context.config();
  const maxBytes = options.maxBytes === undefined ? config.exportMaxBytes : Number(options.maxBytes);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new UserError(`--max-bytes must be a whole number of bytes, not "${options.maxBytes}".`);
  }
  const [
    { exportEvidence, ExportRefused },
    { BundleSourceChanged, ExportTargetExists },
    { SigningKeyError },
  ] = await Promise.all([
    import('../../evidence/export-evidence.ts'),
    import('../../evidence/bundle-writer.ts'),
    import('../../evidence/signing-key.ts'),
  ]);
  const { RecordingNotFound } = await import('../../recordings/recording-not-found.ts');
  const { ALL_COLLECTIONS } = await import('../../accounts/collection-scope.ts');
  const connection = await context.openDatabase();
  try {
    const summary = await exportEvidence(connection.db, config, {
      scope: options.collection !== undefined ? { collection: options.collection } : { recordings },
      visible: ALL_COLLECTIONS,
      outPath: options.out,
      overwrite: options.force === true,
      maxBytes,
      who: { userId: null, name: config.actor, address: null, via: 'cli' },
      onKeyCreated: (key) =>
        context.err.write(
          `Created the evidence-signing key ${key.privateKeyPath}; publish its fingerprint ${key.fingerprint}\n`,
        ),
    }).catch((error: unknown) => {
      if (error instanceof RecordingNotFound)
        throw new UserError(`There is no recording with id ${error.recordingId}; nothing was written.`);
      const known =
        error instanceof ExportRefused ||
        error instanceof BundleSourceChanged ||
        error instanceof ExportTargetExists ||
        error instanceof SigningKeyError;
      throw known ? new UserError(error.message) : error;
    });
    if (options.json) {
      context.out.write(JSON.stringify(summary, null, 2) + '\n');
      return;
    }
    context.out.write(
      `Wrote ${summary.path}: ${summary.calls} call(s), ${summary.files} files, ${summary.sizeBytes} bytes.\n` +
        `Signed with the key whose fingerprint is ${summary.keyFingerprint}\n` +
        `Check it anywhere with: node verify.mjs ${summary.path} --expect-key ${summary.keyFingerprint}\n` +
        `  (verify.mjs is inside the bundle; or: earshot verify-bundle ${summary.path})\n`,
    );
  } finally {
    await connection.close();
  }
}
