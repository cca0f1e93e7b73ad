import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import type { DatabaseConnection } from '../../runtime/database-connection.ts';
import { readNewPassword } from '../password-input.ts';

/** Opens the database for one user command and closes it whatever happens. */
async function withDatabase<T>(
  context: CommandContext,
  work: (c: DatabaseConnection) => Promise<T>,
): Promise<T> {
  const connection = await context.openDatabase();
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/** An audit entry for a change made from the command line: the OS user (EARSHOT_ACTOR) did it. */
async function auditCliChange(
  context: CommandContext,
  db: DatabaseConnection['db'],
  action: 'user-change' | 'grant-change',
  target: string,
  details: Record<string, unknown>,
): Promise<void> {
  const { recordAudit } = await import('../../audit/audit-log.ts');
  await recordAudit(db, {
    actor: context.config().actor,
    userId: null,
    action,
    target,
    address: null,
    details: { ...details, via: 'cli' },
  });
}

export function registerUserCommand(program: Command, context: CommandContext): void {
  const user = program
    .command('user')
    .description('Desk accounts: add, list, disable, set passwords, grant and revoke collections');

  user
    .command('add <name>')
    .description('Add a user with a role (admin, editor, reviewer, transcriber, viewer)')
    .requiredOption('--role <role>', 'admin, editor, reviewer, transcriber or viewer')
    .option('--password-stdin', 'read the password from the first line of stdin instead of a prompt')
    .action(async (name: string, options: { role: string; passwordStdin?: boolean }) => {
      const { createUser, parseRole } = await import('../../accounts/users.ts');
      const role = parseRole(options.role);
      const password = await readNewPassword(context, {
        fromStdin: options.passwordStdin ?? false,
        required: false,
      });
      await withDatabase(context, async ({ db }) => {
        const created = await createUser(db, { name, role, password, createdBy: context.config().actor });
        await auditCliChange(context, db, 'user-change', created.name, { added: true, role: created.role });
        context.out.write(`Added ${created.name} (${created.role}).\n`);
        if (!password) {
          context.out.write(
            `No password yet: \`earshot user passwd ${created.name}\` sets one, or ` +
              `\`earshot sign-in-link --user ${created.name}\` prints a one-time sign-in link.\n`,
          );
        }
        if (role !== 'admin') {
          context.out.write(
            `They see no collection until granted one: \`earshot user grant ${created.name} COLLECTION\`.\n`,
          );
        }
      });
    });

  user
    .command('list')
    .description('List users with role, state and granted collections')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { json?: boolean }) => {
      const { listUsers } = await import('../../accounts/users.ts');
      const users = await withDatabase(context, ({ db }) => listUsers(db));
      if (options.json) {
        context.out.write(JSON.stringify(users, null, 2) + '\n');
        return;
      }
      if (users.length === 0) context.out.write('No users yet: `earshot start` creates the first admin.\n');
      for (const u of users) {
        const state = u.disabledAt ? 'disabled' : u.hasPassword ? 'active' : 'active, no password';
        const sees = u.role === 'admin' ? 'all collections' : u.collections.join(', ') || 'no collection';
        context.out.write(`${u.name}\t${u.role}\t${state}\t${sees}\n`);
      }
    });

  user
    .command('disable <name>')
    .description('Disable a user: their live sessions end at once; what they did stays')
    .action(async (name: string) => {
      const { disableUser } = await import('../../accounts/users.ts');
      const result = await withDatabase(context, async ({ db }) => {
        const disabled = await disableUser(db, name);
        await auditCliChange(context, db, 'user-change', name, { disabled: true });
        return disabled;
      });
      context.out.write(
        result.alreadyDisabled
          ? `${name} was already disabled.\n`
          : `Disabled ${name}; their sessions have ended.\n`,
      );
    });

  user
    .command('passwd <name>')
    .description("Set a user's password (their sessions end)")
    .option('--password-stdin', 'read the password from the first line of stdin instead of a prompt')
    .action(async (name: string, options: { passwordStdin?: boolean }) => {
      const { setPassword } = await import('../../accounts/users.ts');
      const password = await readNewPassword(context, {
        fromStdin: options.passwordStdin ?? false,
        required: true,
      });
      await withDatabase(context, async ({ db }) => {
        await setPassword(db, name, password!);
        await auditCliChange(context, db, 'user-change', name, { passwordSet: true });
      });
      context.out.write(`Password of ${name} set; their other sessions have ended.\n`);
    });

  user
    .command('grant <name> <collection>')
    .description('Let a user see a collection (by name or id)')
    .action(async (name: string, collection: string) => {
      const { grantCollectionByName } = await import('../../accounts/users.ts');
      const result = await withDatabase(context, async ({ db }) => {
        const granted = await grantCollectionByName(db, {
          userName: name,
          collection,
          grantedBy: context.config().actor,
        });
        await auditCliChange(context, db, 'grant-change', name, {
          collection: granted.collection,
          granted: true,
        });
        return granted;
      });
      context.out.write(
        result.alreadyGranted
          ? `${name} could already see "${result.collection}".\n`
          : `${name} may now see "${result.collection}".\n`,
      );
    });

  user
    .command('revoke <name> <collection>')
    .description('Take back a collection from a user')
    .action(async (name: string, collection: string) => {
      const { revokeCollectionByName } = await import('../../accounts/users.ts');
      const result = await withDatabase(context, async ({ db }) => {
        const revoked = await revokeCollectionByName(db, { userName: name, collection });
        await auditCliChange(context, db, 'grant-change', name, {
          collection: revoked.collection,
          granted: false,
        });
        return revoked;
      });
      context.out.write(
        result.wasGranted
          ? `${name} no longer sees "${result.collection}".\n`
          : `${name} had not been granted "${result.collection}".\n`,
      );
    });
}

export function registerSignInLinkCommand(program: Command, context: CommandContext): void {
  program
    .command('sign-in-link')
    .description('Print a one-time link that signs a user in to the desk (default: the first admin)')
    .option('--user <name>', 'the user to sign in (default: the first admin)')
    .action(async (options: { user?: string }) => {
      const { printableSignInLink } = await import('../../accounts/sign-in-link.ts');
      const config = context.config();
      const line = await withDatabase(context, ({ db }) => printableSignInLink(db, config, options.user));
      context.out.write(`${line}\n`);
    });
}
