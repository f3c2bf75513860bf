import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { getDb } from '@/lib/db';
import type { Viewer } from '@/lib/auth/permissions';
import { getLogger } from '@/lib/log.js';
import { recordAudit } from './audit';
import { clearLoginFailures, isThrottled, recordLoginFailure, throttleKeys } from './login-throttle';

export type AuthenticationResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: 'invalid' | 'throttled' };

let timingDummyHash: Promise<string> | undefined;

// Verifying against a real hash even for unknown emails keeps the timing the same for every email.
function dummyHash(): Promise<string> {
  timingDummyHash ??= hash('timing-equaliser-not-a-password');
  return timingDummyHash;
}

export async function authenticate(rawEmail: string, password: string, ip: string | null): Promise<AuthenticationResult> {
  const email = rawEmail.trim().toLowerCase();
  const keys = throttleKeys(email, ip);
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  const throttled = await isThrottled(keys);
  const passwordMatches = await verify(user?.passwordHash ?? (await dummyHash()), password).catch(() => false);

  if (throttled) {
    await recordAudit({ actorId: null, action: 'auth.refused', targetType: 'user', targetId: user?.id, detail: { email, reason: 'throttled' }, ip });
    getLogger().warn({ userId: user?.id ?? null, reason: 'throttled' }, 'sign-in refused');
    return { ok: false, reason: 'throttled' };
  }
  if (!user || !user.passwordHash || user.disabled || !passwordMatches) {
    const lockedNow = await recordLoginFailure(keys);
    await recordAudit({ actorId: null, action: 'auth.failed', targetType: 'user', targetId: user?.id, detail: { email }, ip });
    if (lockedNow) await recordAudit({ actorId: null, action: 'auth.lockout', targetType: 'user', targetId: user?.id, detail: { email }, ip });
    getLogger().warn({ userId: user?.id ?? null, reason: lockedNow ? 'locked out' : 'invalid credentials' }, 'sign-in refused');
    return { ok: false, reason: lockedNow ? 'throttled' : 'invalid' };
  }
  await clearLoginFailures(keys[0]!);
  await getDb().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actorId: user.id, action: 'auth.signin', targetType: 'user', targetId: user.id, ip });
  getLogger().info({ userId: user.id }, 'signed in');
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/** The viewer a session names, or null when the user is gone, disabled, or the session was revoked. */
export async function getSessionViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, authorId: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, authorId: user.authorId };
}
