import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from './config.ts';
import { districtCodeSchema, districtRuleProblem, roleSchema, usernameSchema } from './domain/auth/user.ts';
import { createUserAdminService } from './domain/auth/user-admin.service.ts';
import { AppError, NotFoundError } from './domain/errors.ts';
import { openGraph } from './graph/open-graph.ts';
import { createUserRepository, type UserRepository } from './graph/user.repository.ts';

const usage = `usage: npm run user -- <command>
  add <username> --role admin|analyst|district [--district <code>]   create a user; password from standard input
  list                                                               list users
  disable <username>                                                 refuse the user's logins and end its sessions
  enable <username>                                                  allow a disabled user again
  reset-password <username>                                          set a new password from standard input
The password is read from standard input: typed without echo at a terminal, or the first line of piped input
(e.g. \`printf '%s\\n' "$PASSWORD" | npm run user -- add ana --role analyst\`).
exit code: 0 done, 1 refused (user exists, unknown user, weak password), 2 usage error`;

const commandSchema = z.discriminatedUnion('command', [
  z.strictObject({
    command: z.literal('add'),
    username: usernameSchema,
    role: roleSchema,
    district: districtCodeSchema.optional(),
  }),
  z.strictObject({ command: z.literal('list') }),
  z.strictObject({ command: z.literal('disable'), username: usernameSchema }),
  z.strictObject({ command: z.literal('enable'), username: usernameSchema }),
  z.strictObject({ command: z.literal('reset-password'), username: usernameSchema }),
]);
type Command = z.infer<typeof commandSchema>;

class UsageError extends Error {}

const options = {
  role: { type: 'string' },
  district: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Positional words and flags → one checked command; every problem in one message. */
function parseCommand(argv: string[]): Command | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return 'help';
  const [command, username, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
  const candidate = {
    command,
    ...(username === undefined ? {} : { username }),
    ...(values.role === undefined ? {} : { role: values.role }),
    ...(values.district === undefined ? {} : { district: values.district }),
  };
  const result = commandSchema.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        return `${issue.keys.map((k) => (k === 'username' ? 'a username' : `--${k}`)).join(', ')} does not apply to "${command}"`;
      if (field === 'command') return `unknown command "${command}"`;
      if (field === 'username')
        return username === undefined ? 'a username is required' : `username ${issue.message}`;
      return `--${field} ${issue.message}`;
    });
    throw new UsageError(problems.join('; '));
  }
  if (result.data.command === 'add') {
    const problem = districtRuleProblem(result.data.role, result.data.district ?? null);
    if (problem) throw new UsageError(problem);
  }
  return result.data;
}

/** One line typed at a terminal without echo, or the first line of piped input. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  const first = await readHidden(prompt);
  const again = await readHidden('Repeat the password: ');
  if (first !== again)
    throw new AppError('The two passwords differ; nothing was changed', 'password_mismatch');
  return first;
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new UsageError('Cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The audit trail names CLI changes after the operating-system user who ran them. */
const cliActor = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

async function run(command: Command, users: UserRepository): Promise<string> {
  // The same rules as the admin API: password strength, hashing, the district rule.
  const admin = createUserAdminService(users);
  switch (command.command) {
    case 'add': {
      const user = await admin.addUser(
        {
          username: command.username,
          role: command.role,
          districtCode: command.district ?? null,
          password: await readPassword('Password: '),
        },
        cliActor(),
      );
      return `Created ${user.role} "${user.username}"${user.districtCode ? ` for district ${user.districtCode}` : ''}`;
    }
    case 'list': {
      const list = await users.listUsers();
      if (list.length === 0) return 'No users yet (`npm start` creates demo users in an empty graph)';
      const rows = list.map((u) =>
        [
          u.username,
          u.role,
          u.districtCode ?? '-',
          u.disabled ? 'disabled' : 'active',
          u.createdAt.slice(0, 19),
        ].join('\t'),
      );
      return ['username\trole\tdistrict\tstatus\tcreated', ...rows].join('\n');
    }
    case 'disable':
      await users.setDisabled(command.username, true, cliActor());
      return `Disabled "${command.username}" and ended its sessions`;
    case 'enable':
      await users.setDisabled(command.username, false, cliActor());
      return `Enabled "${command.username}"`;
    case 'reset-password': {
      // Before asking for a password, so a typo in the name is not found out after typing it twice.
      if (!(await users.findUser(command.username))) throw new NotFoundError('User', command.username);
      await admin.resetPassword(command.username, await readPassword('Password: '), cliActor());
      return `Set a new password for "${command.username}" and ended its sessions`;
    }
  }
}

async function main(): Promise<number> {
  let command: Command | 'help';
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const graph = await openGraph(loadConfig(), { seedIfEmpty: false, log: () => {} });
  try {
    process.stdout.write(`${await run(command, createUserRepository(graph.db))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `The user command failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
