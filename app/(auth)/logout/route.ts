import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token', 'next-auth.csrf-token', '__Host-next-auth.csrf-token'];

/** Signs out by dropping the session cookies, then shows the sign-in page. */
export async function GET(request: Request) {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  return NextResponse.redirect(new URL('/login?signedOut=1', request.url), { status: 303 });
}
