import 'server-only';
import { encode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { getAuthSecret } from '@/lib/env';
import { SESSION_MAX_AGE_SECONDS } from './options';

// next-auth names its session cookie `__Secure-next-auth.session-token` on https sites and
// `next-auth.session-token` otherwise, split into `.0`, `.1`… chunks only beyond 4 KB.
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

async function sessionCookies() {
  const jar = await cookies();
  return { jar, names: jar.getAll().map((cookie) => cookie.name).filter((name) => SESSION_COOKIE.test(name)) };
}

const cookieOptions = (name: string) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: name.startsWith('__Secure-') });

/**
 * Replaces this browser's session cookie with one for the account's new session version, after a change
 * that ended every other session. The cookie is what next-auth itself would issue at sign-in, under the
 * name the browser already carries, so the session goes on as if the user had signed in again.
 */
export async function renewSessionCookie(session: { userId: string; sessionVersion: number }): Promise<void> {
  const { jar, names } = await sessionCookies();
  const current = names[0]?.replace(/\.\d+$/, '');
  if (!current) return;
  const token: JWT = { sub: session.userId, uid: session.userId, sv: session.sessionVersion };
  const value = await encode({ token, secret: getAuthSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  for (const name of names) jar.delete({ name, ...cookieOptions(name) });
  jar.set({ name: current, value, maxAge: SESSION_MAX_AGE_SECONDS, ...cookieOptions(current) });
}

/** Drops this browser's session cookie (with the attributes a `__Secure-` cookie needs to be replaced at all). */
export async function dropSessionCookies(): Promise<void> {
  const { jar, names } = await sessionCookies();
  for (const name of names) jar.delete({ name, ...cookieOptions(name) });
}

const CSRF_COOKIES = ['next-auth.csrf-token', '__Host-next-auth.csrf-token'];

/** Signs this browser out: its session cookie and next-auth's CSRF cookie go. */
export async function endBrowserSession(): Promise<void> {
  await dropSessionCookies();
  const jar = await cookies();
  // A __Host-/__Secure- cookie is only replaced by a deletion with the same attributes, Secure included.
  for (const name of CSRF_COOKIES) jar.delete({ name, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Host-') });
}
