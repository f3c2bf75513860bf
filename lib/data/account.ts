import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { ownEmailChangeSchema, ownPasswordChangeSchema, type OwnEmailChange, type OwnPasswordChange } from '@/lib/validation/account';
import { recordAudit } from './audit';
import { clearLoginFailures, isThrottled, recordLoginFailure, throttleKeys } from './login-throttle';
import type { FieldErrors, MutationResult } from './users';

// A signed-in user's changes to their own account. Each one that could take the account over asks for the
// current password again, counted against the sign-in throttle, and ends every other session.

/** The session the current browser carries after a change that ended all the others. */
export type RenewedSession = { userId: string; sessionVersion: number };

type Reauthentication = { ok: true; email: string } | { ok: false; message: string; errors?: FieldErrors };

const THROTTLED_MESSAGE = 'Too many failed attempts. Please wait 15 minutes and try again.';

function invalidInput(error: z.ZodError): { ok: false; message: string; errors: FieldErrors } {
  return { ok: false, message: 'Please correct the fields below.', errors: z.flattenError(error).fieldErrors as FieldErrors };
}

/** Checks the current password like a sign-in does: failures and lockouts count for the account and the address. */
async function reauthenticate(viewer: Viewer, currentPassword: string, purpose: 'password' | 'email', ip: string | null): Promise<Reauthentication> {
  const user = await getDb().user.findUnique({ where: { id: viewer.id }, select: { email: true, passwordHash: true, disabled: true } });
  const email = user?.email ?? viewer.email;
  const keys = throttleKeys(email, ip);
  const audit = (action: string) => recordAudit({ actorId: viewer.id, action, targetType: 'user', targetId: viewer.id, detail: { email, purpose }, ip });
  if (await isThrottled(keys)) {
    await audit('account.reauthRefused');
    return { ok: false, message: THROTTLED_MESSAGE };
  }
  const passwordMatches = user?.passwordHash ? await verify(user.passwordHash, currentPassword).catch(() => false) : false;
  if (!user || user.disabled || !passwordMatches) {
    const lockedNow = await recordLoginFailure(keys);
    await audit('account.reauthFailed');
    if (lockedNow) {
      await audit('auth.lockout');
      return { ok: false, message: THROTTLED_MESSAGE };
    }
    return { ok: false, message: 'Your current password is not correct.', errors: { currentPassword: ['The current password is not correct.'] } };
  }
  await clearLoginFailures(keys[0]!);
  return { ok: true, email };
}

/** Sets a new password after checking the current one; every other session ends, open reset links too. */
export async function changeOwnPassword(viewer: Viewer | null, input: OwnPasswordChange, ip: string | null): Promise<MutationResult<{ renewedSession: RenewedSession }>> {
  assertCan(viewer, 'account.manageOwn', { userId: viewer?.id });
  const parsed = ownPasswordChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const reauthentication = await reauthenticate(viewer, parsed.data.currentPassword, 'password', ip);
  if (!reauthentication.ok) return reauthentication;
  const passwordHash = await hash(parsed.data.newPassword);
  const user = await getDb().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: viewer.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await tx.userToken.updateMany({ where: { userId: viewer.id, kind: 'reset', usedAt: null }, data: { expiresAt: new Date() } });
    await recordAudit({ actorId: viewer.id, action: 'account.passwordChange', targetType: 'user', targetId: viewer.id, ip }, tx);
    return updated;
  });
  return { ok: true, renewedSession: { userId: viewer.id, sessionVersion: user.sessionVersion } };
}

/** Sets a new sign-in email after checking the current password; every other session ends. */
export async function changeOwnEmail(
  viewer: Viewer | null,
  input: OwnEmailChange,
  ip: string | null,
): Promise<MutationResult<{ email: string; renewedSession: RenewedSession }>> {
  assertCan(viewer, 'account.manageOwn', { userId: viewer?.id });
  const parsed = ownEmailChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const newEmail = parsed.data.newEmail;
  if (newEmail === viewer.email) return { ok: false, message: 'This is already your email address.', errors: { newEmail: ['This is already your email address.'] } };
  // Only after the password, so this form cannot be used to find out which addresses have accounts.
  const reauthentication = await reauthenticate(viewer, parsed.data.currentPassword, 'email', ip);
  if (!reauthentication.ok) return reauthentication;
  try {
    const user = await getDb().$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: viewer.id }, data: { email: newEmail, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
      await recordAudit({ actorId: viewer.id, action: 'account.emailChange', targetType: 'user', targetId: viewer.id, detail: { from: reauthentication.email, to: newEmail }, ip }, tx);
      return updated;
    });
    return { ok: true, email: newEmail, renewedSession: { userId: viewer.id, sessionVersion: user.sessionVersion } };
  } catch (error) {
    // The unique index decides, so two accounts racing for the same address cannot both get it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, message: 'Another account already uses this email address.', errors: { newEmail: ['Another account already uses this email address.'] } };
    }
    throw error;
  }
}

/** Ends every session of the viewer's account, this one included. */
export async function signOutEverywhere(viewer: Viewer | null, ip: string | null): Promise<MutationResult> {
  assertCan(viewer, 'account.manageOwn', { userId: viewer?.id });
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: 'account.signOutEverywhere', targetType: 'user', targetId: viewer.id, ip }, tx);
  });
  return { ok: true };
}
