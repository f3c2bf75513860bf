import { NextResponse, type NextRequest } from 'next/server';
import { nonceContentSecurityPolicy } from './lib/security-headers.js';

// Signed-in pages get a per-request script nonce. The sign-in redirect is a convenience only: every page and
// data function checks the viewer itself, so removing this file opens nothing.

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  // Next answers 500 for a slug whose percent-encoding cannot be decoded; it is simply not a page.
  if (isMalformedPath(request.nextUrl.pathname)) return new NextResponse('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const policy = nonceContentSecurityPolicy(nonce(), { development: process.env.NODE_ENV === 'development' });
  const { pathname, search } = request.nextUrl;
  const needsSession = /^\/(editor|profile)(\/|$)/.test(pathname);
  if (needsSession && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: ['/(articles|authors|topics)/(.*%.*)', '/editor/:path*', '/profile/:path*', '/login', '/setup', '/invite/:path*', '/reset/:path*', '/logout'],
};
