import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { registerAnalyseCommand } from './analyse.ts';
import { registerAuditCommand } from './audit.ts';
import { registerExportCommand } from './export.ts';
import { registerIngestCommand } from './ingest.ts';
import { registerLexiconCommand } from './lexicon.ts';
import { registerModelsCommand } from './models.ts';
import { registerRedoCommand } from './redo.ts';
import { registerRestoreOriginalCommand } from './restore-original.ts';
import { registerRetryCommand } from './retry.ts';
import { registerServeCommand } from './serve.ts';
import { registerStartCommand } from './start.ts';
import { registerStatusCommand } from './status.ts';
import { registerTranscribeCommand } from './transcribe.ts';
import { registerSignInLinkCommand, registerUserCommand } from './user.ts';
import { registerVerifyBundleCommand } from './verify-bundle.ts';
import { registerVerifyStoreCommand } from './verify-store.ts';
import { registerWorkerCommand } from './worker.ts';

export type CommandRegistration = (program: Command, context: CommandContext) => void;

/** Every CLI command, in the order `earshot --help` lists them. */
export const commandRegistrations: CommandRegistration[] = [
  registerStartCommand,
  registerIngestCommand,
  registerStatusCommand,
  registerRetryCommand,
  registerRedoCommand,
  registerVerifyStoreCommand,
  registerRestoreOriginalCommand,
  registerAuditCommand,
  registerVerifyBundleCommand,
  registerExportCommand,
  registerWorkerCommand,
  registerServeCommand,
  registerUserCommand,
  registerSignInLinkCommand,
  registerTranscribeCommand,
  registerModelsCommand,
  registerAnalyseCommand,
  registerLexiconCommand,
];
