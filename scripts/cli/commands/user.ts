import { z } from 'zod';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { parseOptions } from '../parse-options';
import { readPassword } from '../read-password';
import { emailSchema, passwordSchema } from '../../../lib/validation/password';
import { inviteUserSchema } from '../../../lib/validation/users';

// The data layer is loaded only once DATABASE_URL names the database this command opened.
const loadUsers = () => import('../../../lib/data/users');

function firstIssue(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('\n');
}

async function promptPassword(): Promise<string> {
  const password = await readPassword('Password: ');
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  return parsed.data;
}

async function requireUserId(email: string): Promise<string> {
  const users = await loadUsers();
  const userId = await users.findUserIdByEmail(users.operatorViewer, email);
  if (!userId) throw new UsageError(`No user has the email ${email}.`);
  return userId;
}

export const userCreateCommand: Command = {
  name: ['user', 'create'],
  summary: 'Create an account (password read from stdin when piped, prompted otherwise)',
  usage: 'user create --email E --name N --role admin|editor|fellow [--author SLUG]',
  async run({ config, args, out }) {
    const options = parseOptions(args, ['email', 'name', 'role', 'author'], ['email', 'name', 'role']);
    const parsed = inviteUserSchema.safeParse({ email: options.email, name: options.name, role: options.role?.toUpperCase(), authorSlug: options.author });
    if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
    const password = await promptPassword();
    await withDatabase(config, async () => {
      const users = await loadUsers();
      const result = await users.createUserWithPassword(users.operatorViewer, { ...parsed.data, password });
      if (!result.ok) throw new UsageError(result.message);
      out(`Created ${result.user.role.toLowerCase()} ${result.user.email}${result.user.author ? ` (author profile ${result.user.author.slug})` : ''}.`);
    });
  },
};

export const userSetPasswordCommand: Command = {
  name: ['user', 'set-password'],
  summary: "Set a user's password and end their sessions",
  usage: 'user set-password --email E',
  async run({ config, args, out }) {
    const email = emailSchema.safeParse(parseOptions(args, ['email'], ['email']).email);
    if (!email.success) throw new UsageError(firstIssue(email.error));
    const password = await promptPassword();
    await withDatabase(config, async () => {
      const users = await loadUsers();
      const result = await users.setUserPassword(users.operatorViewer, await requireUserId(email.data), password);
      if (!result.ok) throw new UsageError(result.message);
      out(`Password set for ${email.data}; their sessions have ended.`);
    });
  },
};

export const userDisableCommand: Command = {
  name: ['user', 'disable'],
  summary: 'Disable a user: they cannot sign in and their sessions end at once',
  usage: 'user disable --email E',
  async run({ config, args, out }) {
    const email = emailSchema.safeParse(parseOptions(args, ['email'], ['email']).email);
    if (!email.success) throw new UsageError(firstIssue(email.error));
    await withDatabase(config, async () => {
      const users = await loadUsers();
      const result = await users.setUserDisabled(users.operatorViewer, await requireUserId(email.data), true, null);
      if (!result.ok) throw new UsageError(result.message);
      out(`Disabled ${email.data}.`);
    });
  },
};

export const userListCommand: Command = {
  name: ['user', 'list'],
  summary: 'List every account with its role and status',
  usage: 'user list',
  async run({ config, args, out }) {
    parseOptions(args, []);
    await withDatabase(config, async () => {
      const users = await loadUsers();
      const list = await users.listUsers(users.operatorViewer);
      if (list.length === 0) out('No users.');
      for (const user of list) {
        out([user.email, user.role.toLowerCase(), user.disabled ? 'disabled' : 'active', user.name, user.author?.slug ?? ''].join('\t').trimEnd());
      }
    });
  },
};
