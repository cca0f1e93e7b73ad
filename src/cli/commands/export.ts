import type { Command } from 'commander';
import { localOperator } from '../../accounts/principal.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

interface EvidenceOptions {
  recording?: string[];
  collection?: string;
  out: string;
  force?: boolean;
  maxBytes?: string;
  json?: boolean;
}

interface ExcerptOptions {
  recording: string;
  from?: string;
  to?: string;
  segment?: string[];
  protectAll?: boolean;
  override?: string;
  out: string;
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
    .command('excerpt')
    .description(
      'Write a publishable, identity-safe excerpt of a verified call into a new folder: redacted audio ' +
        '(WAV, MP3), captions (SRT, WebVTT; English, Russian), a DOCX transcript and a provenance record; ' +
        'refused when the leak check finds any protected form',
    )
    .requiredOption('-r, --recording <id>', 'the call to excerpt')
    .option('--from <seconds>', 'start of the excerpt, in seconds from the start of the call')
    .option('--to <seconds>', 'end of the excerpt, in seconds from the start of the call')
    .option('--segment <id>', 'a transcript segment to include (repeat for several)', collect)
    .option(
      '--protect-all',
      "first add every person, number, call sign, place and unit of the call's analysis to the register",
    )
    .option(
      '--override <reason>',
      'export a call that is not verified, saying why (recorded in the audit log)',
    )
    .requiredOption('-o, --out <dir>', 'the folder to write (must not exist, or be empty)')
    .action(async (options: ExcerptOptions) => runExcerptExport(context, options));

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
  const connection = await context.openDatabase();
  try {
    const summary = await exportEvidence(connection.db, config, {
      scope: options.collection !== undefined ? { collection: options.collection } : { recordings },
      outPath: options.out,
      overwrite: options.force === true,
      maxBytes,
      actor: localOperator(config.actor),
      address: null,
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

function seconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UserError(`${option} must be a number of seconds from the start of the call, not "${value}".`);
  return n;
}

async function runExcerptExport(context: CommandContext, options: ExcerptOptions): Promise<void> {
  const from = seconds(options.from, '--from');
  const to = seconds(options.to, '--to');
  if (options.segment && (from !== undefined || to !== undefined))
    throw new UserError('Choose the excerpt with --from/--to or with --segment, not both.');
  const config = context.config();
  const { exportExcerpt, ExcerptLeaked, ExcerptTargetExists } =
    await import('../../publication/excerpt/export-excerpt.ts');
  const { CallNotVerified, PublicationOverrideRefused } =
    await import('../../publication/excerpt/publish-policy.ts');
  const { SelectionRejected } = await import('../../publication/excerpt/selection.ts');
  const { LeakCheckModelMissing } = await import('../../publication/leak-check/audio-heard.ts');
  const { EntityNotInCall } = await import('../../publication/register/from-analysis.ts');
  const { RecordingNotFound } = await import('../../recordings/recording-not-found.ts');
  const connection = await context.openDatabase();
  try {
    const summary = await exportExcerpt(connection.db, config, {
      recordingId: options.recording,
      selection: options.segment ? { segmentIds: options.segment } : { from, to },
      principal: localOperator(config.actor),
      outDir: options.out,
      protectAll: options.protectAll === true,
      override: options.override !== undefined ? { reason: options.override } : undefined,
    }).catch((error: unknown) => {
      if (error instanceof RecordingNotFound)
        throw new UserError(`There is no recording with id ${error.recordingId}; nothing was written.`);
      if (error instanceof ExcerptLeaked) throw new UserError(error.message, ExitCode.SomeRejected);
      const known =
        error instanceof ExcerptTargetExists ||
        error instanceof CallNotVerified ||
        error instanceof PublicationOverrideRefused ||
        error instanceof SelectionRejected ||
        error instanceof EntityNotInCall ||
        error instanceof LeakCheckModelMissing;
      throw known ? new UserError(error.message) : error;
    });
    context.out.write(
      `Wrote ${summary.path}: ${summary.files.length + 1} files ` +
        `(${summary.redactions.text} text redaction(s), ${summary.redactions.audioSpans} audio span(s)` +
        `${summary.usedSegmentFallback ? ', some segments blanked whole for want of word timings' : ''}).\n` +
        (summary.protectedAdded > 0
          ? `Added ${summary.protectedAdded} identity(ies) to the register.\n`
          : ''),
    );
  } finally {
    await connection.close();
  }
}
