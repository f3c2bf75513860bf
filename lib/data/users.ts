import 'server-only';
import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { getDb } from '@/lib/db';
import { assertCan, type Role, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { InviteUserInput } from '@/lib/validation/users';
import { recordAudit } from './audit';
import { clearLoginFailures } from './login-throttle';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 24 * 60 * 60 * 1000;

/** The CLI acts as this viewer: an operator with shell access to the server is an administrator. */
export const operatorViewer: Viewer = { id: 'cli-operator', role: 'ADMIN', name: 'Operator (CLI)', email: '', authorId: null };

const actorId = (viewer: Viewer) => (viewer.id === operatorViewer.id ? null : viewer.id);

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  author: { slug: string; name: string } | null;
  lastLoginAt: string | null;
};

export type FieldErrors = Record<string, string[]>;
export type MutationResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; errors?: FieldErrors };

function newToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  lastLoginAt: true,
  author: { select: { slug: true, name: true } },
} satisfies Prisma.UserSelect;

function toUserSummary(row: Prisma.UserGetPayload<{ select: typeof userSummarySelect }>): UserSummary {
  return { ...row, lastLoginAt: row.lastLoginAt?.toISOString() ?? null };
}

export async function needsFirstRunSetup(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

/** Creates the first administrator, once: refused as soon as any user exists, even under concurrent requests. */
export async function createFirstAdmin(input: { email: string; name: string; password: string }, ip: string | null): Promise<MutationResult> {
  const passwordHash = await hash(input.password);
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4920555672037507913)`;
    if ((await tx.user.count()) > 0) return { ok: false, message: 'Setup is already complete.' };
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: 'ADMIN', passwordHash }, select: { id: true } });
    await recordAudit({ actorId: user.id, action: 'setup.firstAdmin', targetType: 'user', targetId: user.id, ip }, tx);
    return { ok: true };
  });
}

export async function listUsers(viewer: Viewer | null): Promise<UserSummary[]> {
  assertCan(viewer, 'user.list');
  const rows = await getDb().user.findMany({ orderBy: [{ disabled: 'asc' }, { name: 'asc' }], select: userSummarySelect });
  return rows.map(toUserSummary);
}

async function resolveFellowAuthor(role: Role, authorSlug: string | undefined, exceptUserId?: string) {
  if (role !== 'FELLOW' && !authorSlug) return { ok: true as const, authorId: null };
  const author = authorSlug
    ? await getDb().author.findUnique({ where: { slug: authorSlug }, select: { id: true, user: { select: { id: true } } } })
    : null;
  if (!author) return { ok: false as const, errors: { authorSlug: ['No author profile has this slug.'] } };
  if (author.user && author.user.id !== exceptUserId) {
    return { ok: false as const, errors: { authorSlug: ['This author profile already belongs to another user.'] } };
  }
  return { ok: true as const, authorId: author.id };
}

/** Creates a one-time invitation link; accepting it creates the account with the password the invitee chooses. */
export async function inviteUser(viewer: Viewer | null, input: InviteUserInput, ip: string | null): Promise<MutationResult<{ token: string }>> {
  assertCan(viewer, 'user.invite');
  if (await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, message: 'A user with this email already exists.', errors: { email: ['A user with this email already exists.'] } };
  }
  const author = await resolveFellowAuthor(input.role, input.authorSlug);
  if (!author.ok) return { ok: false, message: 'Check the author profile.', errors: author.errors };
  const { token, tokenHash } = newToken();
  await getDb().$transaction(async (tx) => {
    const created = await tx.userToken.create({
      data: {
        kind: 'invitation', tokenHash, email: input.email, name: input.name, role: input.role, authorId: author.authorId,
        createdById: actorId(viewer), expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true },
    });
    await recordAudit({ actorId: actorId(viewer), action: 'user.invite', targetType: 'invitation', targetId: created.id, detail: { email: input.email, role: input.role }, ip }, tx);
  });
  return { ok: true, token };
}

async function findUsableToken(token: string, kind: 'invitation' | 'reset') {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return getDb().userToken.findFirst({
    where: { tokenHash: hashToken(token), kind, usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, role: true, authorId: true, userId: true, user: { select: { email: true } } },
  });
}

export async function getInvitation(token: string): Promise<{ email: string; name: string; role: Role } | null> {
  const found = await findUsableToken(token, 'invitation');
  return found?.email && found.name && found.role ? { email: found.email, name: found.name, role: found.role } : null;
}

/** Accepts an invitation once: creates the account with its role and author link, and uses up the link. */
export async function acceptInvitation(token: string, password: string, ip: string | null): Promise<MutationResult<{ email: string }>> {
  const found = await findUsableToken(token, 'invitation');
  if (!found?.email || !found.name || !found.role) return { ok: false, message: 'This invitation link is invalid, used or expired.' };
  const { email, name, role, authorId } = found;
  const passwordHash = await hash(password);
  return getDb().$transaction(async (tx) => {
    const claimed = await tx.userToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) return { ok: false, message: 'This invitation link is invalid, used or expired.' };
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, message: 'An account with this email already exists.' };
    const authorTaken = authorId ? await tx.user.findUnique({ where: { authorId }, select: { id: true } }) : null;
    const user = await tx.user.create({ data: { email, name, role, passwordHash, authorId: authorTaken ? null : authorId }, select: { id: true } });
    await recordAudit({ actorId: user.id, action: 'user.acceptInvitation', targetType: 'user', targetId: user.id, ip }, tx);
    return { ok: true, email };
  });
}

async function updateUser(
  viewer: Viewer,
  userId: string,
  data: Prisma.UserUpdateInput,
  audit: { action: string; detail?: Prisma.InputJsonValue },
  ip: string | null,
): Promise<MutationResult> {
  return getDb().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { ...data, sessionVersion: { increment: 1 } } as Prisma.UserUpdateManyMutationInput });
    if (updated.count === 0) return { ok: false, message: 'No such user.' };
    await recordAudit({ actorId: actorId(viewer), action: audit.action, targetType: 'user', targetId: userId, detail: audit.detail, ip }, tx);
    return { ok: true };
  });
}

/** Changes a user's role; their sessions end at once (session version bump). */
export async function changeUserRole(viewer: Viewer | null, userId: string, role: Role, ip: string | null): Promise<MutationResult> {
  assertCan(viewer, 'user.changeRole', { userId });
  return updateUser(viewer, userId, { role }, { action: 'user.changeRole', detail: { role } }, ip);
}

/** Disables or re-enables a user; a disabled user's open sessions stop working on their next request. */
export async function setUserDisabled(viewer: Viewer | null, userId: string, disabled: boolean, ip: string | null): Promise<MutationResult> {
  assertCan(viewer, 'user.disable', { userId });
  return updateUser(viewer, userId, { disabled }, { action: disabled ? 'user.disable' : 'user.enable' }, ip);
}

/** A one-time link that lets the user choose a new password. */
export async function createPasswordResetLink(viewer: Viewer | null, userId: string, ip: string | null): Promise<MutationResult<{ token: string }>> {
  assertCan(viewer, 'user.resetPassword', { userId });
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return { ok: false, message: 'No such user.' };
  const { token, tokenHash } = newToken();
  await getDb().$transaction(async (tx) => {
    await tx.userToken.updateMany({ where: { userId, kind: 'reset', usedAt: null }, data: { expiresAt: new Date() } });
    await tx.userToken.create({ data: { kind: 'reset', tokenHash, userId, createdById: actorId(viewer), expiresAt: new Date(Date.now() + RESET_TTL_MS) } });
    await recordAudit({ actorId: actorId(viewer), action: 'user.passwordResetLink', targetType: 'user', targetId: userId, ip }, tx);
  });
  return { ok: true, token };
}

export async function getPasswordResetTarget(token: string): Promise<{ email: string } | null> {
  const found = await findUsableToken(token, 'reset');
  return found?.user ? { email: found.user.email } : null;
}

/** Sets the password a reset link was made for, once, and ends the user's other sessions. */
export async function resetPasswordWithToken(token: string, password: string, ip: string | null): Promise<MutationResult<{ email: string }>> {
  const found = await findUsableToken(token, 'reset');
  if (!found?.userId || !found.user) return { ok: false, message: 'This password reset link is invalid, used or expired.' };
  const passwordHash = await hash(password);
  const result = await getDb().$transaction(async (tx) => {
    const claimed = await tx.userToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) return false;
    await tx.user.update({ where: { id: found.userId! }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit({ actorId: found.userId, action: 'user.passwordReset', targetType: 'user', targetId: found.userId, ip }, tx);
    return true;
  });
  if (!result) return { ok: false, message: 'This password reset link is invalid, used or expired.' };
  await clearLoginFailures(`account:${found.user.email}`);
  return { ok: true, email: found.user.email };
}

/** Creates an account with a password directly (the operator CLI). */
export async function createUserWithPassword(
  viewer: Viewer | null,
  input: InviteUserInput & { password: string },
): Promise<MutationResult<{ user: UserSummary }>> {
  assertCan(viewer, 'user.invite');
  if (await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, message: `A user with the email ${input.email} already exists.` };
  }
  const author = await resolveFellowAuthor(input.role, input.authorSlug);
  if (!author.ok) return { ok: false, message: author.errors.authorSlug?.[0] ?? 'Check the author profile.' };
  const passwordHash = await hash(input.password);
  const user = await getDb().$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, authorId: author.authorId, passwordHash },
      select: userSummarySelect,
    });
    await recordAudit({ actorId: actorId(viewer), action: 'user.create', targetType: 'user', targetId: created.id, detail: { role: input.role } }, tx);
    return created;
  });
  return { ok: true, user: toUserSummary(user) };
}

export async function findUserIdByEmail(viewer: Viewer | null, email: string): Promise<string | null> {
  assertCan(viewer, 'user.list');
  return (await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }))?.id ?? null;
}

/** Sets a user's password directly (the operator CLI) and ends their sessions. */
export async function setUserPassword(viewer: Viewer | null, userId: string, password: string): Promise<MutationResult> {
  assertCan(viewer, 'user.resetPassword', { userId });
  const passwordHash = await hash(password);
  return updateUser(viewer, userId, { passwordHash }, { action: 'user.passwordSet' }, null);
}
