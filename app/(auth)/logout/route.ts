import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { dropSessionCookies } from '@/lib/auth/session-cookie';

const CSRF_COOKIES = ['next-auth.csrf-token', '__Host-next-auth.csrf-token'];

/** Signs out by dropping the session cookies, then shows the sign-in page. */
export async function GET(request: Request) {
  await dropSessionCookies();
  const jar = await cookies();
  // A __Host-/__Secure- cookie is only replaced by a deletion with the same attributes, Secure included.
  for (const name of CSRF_COOKIES) jar.delete({ name, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Host-') });
  return NextResponse.redirect(new URL('/login?signedOut=1', request.url), { status: 303 });
}
