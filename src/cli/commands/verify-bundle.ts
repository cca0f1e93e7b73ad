import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

/** A published fingerprint: 64 hex digits, spaces and colons allowed between them. */
function parseFingerprint(value: string): string {
  const hex = value.toLowerCase().replace(/[\s:]/g, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new InvalidArgumentError(
      'expected the 64 hex digits of the SHA-256 fingerprint of the signing key',
    );
  }
  return hex;
}

/**
 * `earshot verify-bundle`: the standalone verifier that travels inside every bundle
 * (src/evidence/verify.mjs), run from here. One verifier: this command only prints its report and
 * turns its verdict into the CLI's exit codes. It needs no database and no configuration.
 */
export function registerVerifyBundleCommand(program: Command, context: CommandContext): void {
  program
    .command('verify-bundle')
    .description(
      'Check an evidence bundle offline: every file against its SHA-256, the signature, the signing key and ' +
        "each call's chain of custody (exit 1 when anything fails, 2 when it is not a readable zip)",
    )
    .argument('<file>', 'the bundle (.zip), or the folder of an unpacked bundle')
    .option(
      '--expect-key <sha256>',
      'the signing key fingerprint the publishing organisation gave out; the bundle must be signed with it',
      parseFingerprint,
    )
    .option('--json', 'print machine-readable JSON')
    .action(async (file: string, options: { expectKey?: string; json?: boolean }) => {
      const { verifyBundle, formatReport } = await import('../../evidence/verify.mjs');
      const report = await verifyBundle(file, { expectKey: options.expectKey ?? null });
      context.out.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      if (report.exitCode === 1) context.setExitCode(ExitCode.SomeRejected);
      if (report.exitCode === 2) context.setExitCode(ExitCode.Fatal);
    });
}
