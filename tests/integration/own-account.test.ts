import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// A signed-in user changes their own password and email (after re-entering the current password, counted
// against the sign-in throttle) and signs out everywhere, on a real PostgreSQL.

let prisma: ScriptPrisma;
let account: typeof import('@/lib/data/account');
let auth: typeof import('@/lib/data/auth');
let throttle: typeof import('@/lib/data/login-throttle');

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different passphrase entirely';

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  account = await import('@/lib/data/account');
  auth = await import('@/lib/data/auth');
  throttle = await import('@/lib/data/login-throttle');
});

afterAll(async () => {
  await prisma.$disconnect();
});

type SignedIn = { viewer: Viewer; sessionVersion: number };

/** A user of one test alone, signed in with PASSWORD. */
async function signedInUser(role: 'ADMIN' | 'EDITOR' | 'FELLOW' = 'FELLOW'): Promise<SignedIn> {
  const email = `account-${crypto.randomBytes(4).toString('hex')}@example.test`;
  await prisma.user.create({ data: { email, name: 'Account owner', role, passwordHash: await hash(PASSWORD) } });
  const signIn = await auth.authenticate(email, PASSWORD, null);
  if (!signIn.ok) throw new Error('sign-in expected');
  const viewer = await auth.getSessionViewer(signIn.userId, signIn.sessionVersion);
  if (!viewer) throw new Error('viewer expected');
  return { viewer, sessionVersion: signIn.sessionVersion };
}

/** A client address of one test alone, so throttling in one test never reaches another. */
const ownAddress = () => `2001:db8::${crypto.randomBytes(2).toString('hex')}:${crypto.randomBytes(2).toString('hex')}`;

async function auditOf(userId: string) {
  return prisma.auditEvent.findMany({ where: { targetId: userId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, detail: true, ip: true } });
}

describe('changeOwnPassword', () => {
  it('sets the new password, ends the other sessions and hands this browser a renewed session', async () => {
    const { viewer, sessionVersion } = await signedInUser();
    const result = await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, '192.0.2.10');
    expect(result).toEqual({ ok: true, renewedSession: { userId: viewer.id, sessionVersion: sessionVersion + 1 } });

    expect(await auth.getSessionViewer(viewer.id, sessionVersion)).toBeNull();
    expect(await auth.getSessionViewer(viewer.id, sessionVersion + 1)).toMatchObject({ id: viewer.id });
    expect(await auth.authenticate(viewer.email, PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await auth.authenticate(viewer.email, NEW_PASSWORD, null)).toMatchObject({ ok: true });

    const events = await auditOf(viewer.id);
    expect(events).toContainEqual({ action: 'account.passwordChange', actorId: viewer.id, detail: null, ip: '192.0.2.10' });
    const logged = JSON.stringify(events);
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password without changing anything', async () => {
    const { viewer, sessionVersion } = await signedInUser();
    const result = await account.changeOwnPassword(viewer, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }, ownAddress());
    expect(result).toMatchObject({ ok: false, errors: { currentPassword: ['The current password is not correct.'] } });
    expect(await auth.getSessionViewer(viewer.id, sessionVersion)).not.toBeNull();
    expect(await auth.authenticate(viewer.email, PASSWORD, null)).toMatchObject({ ok: true });
    const events = await auditOf(viewer.id);
    expect(events.map((event) => event.action)).toContain('account.reauthFailed');
    expect(JSON.stringify(events)).not.toContain('not my password at all');
  });

  it('refuses a short, a common or an unchanged new password before checking the current one', async () => {
    const { viewer } = await signedInUser('EDITOR');
    const ip = ownAddress();
    for (const [newPassword, message] of [
      ['too short', 'Password must be at least 12 characters long.'],
      ['Password123456!', 'Password is too common: it appears in lists of leaked passwords.'],
      [PASSWORD, 'Choose a new password that differs from your current one.'],
    ]) {
      const result = await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: newPassword! }, ip);
      expect(result).toMatchObject({ ok: false, errors: { newPassword: [message] } });
    }
    expect(await prisma.loginThrottle.count({ where: { key: { in: throttle.throttleKeys(viewer.email, ip) } } })).toBe(0);
    expect(await auth.authenticate(viewer.email, PASSWORD, null)).toMatchObject({ ok: true });
  });

  it('counts wrong current passwords against the sign-in throttle: after 10, even the right one is refused', async () => {
    const { viewer } = await signedInUser();
    const results = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      results.push(await account.changeOwnPassword(viewer, { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD }, ownAddress()));
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.errors?.currentPassword)).toBe(true);
    const throttled = { ok: false, message: 'Too many failed attempts. Please wait 15 minutes and try again.' };
    expect(results[9]).toEqual(throttled);
    expect(await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, ownAddress())).toEqual(throttled);
    expect(await account.changeOwnEmail(viewer, { currentPassword: PASSWORD, newEmail: 'elsewhere@example.test' }, ownAddress())).toEqual(throttled);
    // The same lock holds at the sign-in form.
    expect(await auth.authenticate(viewer.email, PASSWORD, ownAddress())).toEqual({ ok: false, reason: 'throttled' });
    const actions = (await auditOf(viewer.id)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['account.reauthFailed', 'auth.lockout', 'account.reauthRefused']));
    expect(actions).not.toContain('account.passwordChange');
  });

  it('counts failures against the client address too, whichever account they were for', async () => {
    const ip = ownAddress();
    for (let attempt = 0; attempt < 10; attempt++) await auth.authenticate(`stranger-${attempt}@example.test`, 'wrong password', ip);
    const { viewer } = await signedInUser();
    expect(await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, ip)).toMatchObject({ ok: false, message: expect.stringContaining('Too many') });
    expect(await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, ownAddress())).toMatchObject({ ok: true });
  });

  it('voids open password reset links', async () => {
    const { viewer } = await signedInUser();
    await prisma.userToken.create({ data: { kind: 'reset', tokenHash: crypto.randomBytes(32).toString('hex'), userId: viewer.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await account.changeOwnPassword(viewer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, null)).toMatchObject({ ok: true });
    expect(await prisma.userToken.count({ where: { userId: viewer.id, expiresAt: { gt: new Date() } } })).toBe(0);
  });
});

describe('changeOwnEmail', () => {
  it('normalises the new email like sign-in, ends the other sessions and records the change', async () => {
    const { viewer, sessionVersion } = await signedInUser('ADMIN');
    const newEmail = `renamed-${crypto.randomBytes(4).toString('hex')}@example.test`;
    const result = await account.changeOwnEmail(viewer, { currentPassword: PASSWORD, newEmail: `  ${newEmail.toUpperCase()} ` }, '192.0.2.20');
    expect(result).toEqual({ ok: true, email: newEmail, renewedSession: { userId: viewer.id, sessionVersion: sessionVersion + 1 } });

    expect(await auth.getSessionViewer(viewer.id, sessionVersion)).toBeNull();
    expect(await auth.getSessionViewer(viewer.id, sessionVersion + 1)).toMatchObject({ email: newEmail });
    expect(await auth.authenticate(viewer.email, PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await auth.authenticate(newEmail, PASSWORD, null)).toMatchObject({ ok: true, userId: viewer.id });

    const events = await auditOf(viewer.id);
    expect(events).toContainEqual({ action: 'account.emailChange', actorId: viewer.id, detail: { from: viewer.email, to: newEmail }, ip: '192.0.2.20' });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('refuses an email another account uses, and only to someone who knows the current password', async () => {
    const { viewer, sessionVersion } = await signedInUser();
    const { viewer: other } = await signedInUser();
    const ip = ownAddress();
    const withWrongPassword = await account.changeOwnEmail(viewer, { currentPassword: 'not my password at all', newEmail: other.email }, ip);
    expect(withWrongPassword).toEqual({ ok: false, message: 'Your current password is not correct.', errors: { currentPassword: ['The current password is not correct.'] } });

    const taken = await account.changeOwnEmail(viewer, { currentPassword: PASSWORD, newEmail: other.email.toUpperCase() }, ip);
    expect(taken).toEqual({
      ok: false,
      message: 'Another account already uses this email address.',
      errors: { newEmail: ['Another account already uses this email address.'] },
    });
    expect(await auth.getSessionViewer(viewer.id, sessionVersion)).toMatchObject({ email: viewer.email });
    expect((await auditOf(viewer.id)).map((event) => event.action)).not.toContain('account.emailChange');
  });

  it('refuses an invalid email and the current one', async () => {
    const { viewer } = await signedInUser();
    expect(await account.changeOwnEmail(viewer, { currentPassword: PASSWORD, newEmail: 'not an email' }, null)).toMatchObject({
      ok: false,
      errors: { newEmail: ['Enter a valid email address.'] },
    });
    expect(await account.changeOwnEmail(viewer, { currentPassword: PASSWORD, newEmail: viewer.email }, null)).toMatchObject({
      ok: false,
      errors: { newEmail: ['This is already your email address.'] },
    });
  });
});

describe('signOutEverywhere', () => {
  it('ends every session of the account, the current one included', async () => {
    const { viewer, sessionVersion } = await signedInUser('EDITOR');
    expect(await account.signOutEverywhere(viewer, '192.0.2.30')).toEqual({ ok: true });
    expect(await auth.getSessionViewer(viewer.id, sessionVersion)).toBeNull();
    expect(await auth.getSessionViewer(viewer.id, sessionVersion + 1)).not.toBeNull();
    expect(await auditOf(viewer.id)).toContainEqual({ action: 'account.signOutEverywhere', actorId: viewer.id, detail: null, ip: '192.0.2.30' });
  });
});

describe('anonymous callers', () => {
  it('are refused every change', async () => {
    const { ForbiddenError } = await import('@/lib/auth/permissions');
    await expect(account.signOutEverywhere(null, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(account.changeOwnPassword(null, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(account.changeOwnEmail(null, { currentPassword: PASSWORD, newEmail: 'someone@example.test' }, null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
