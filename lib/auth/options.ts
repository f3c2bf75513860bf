import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/data/auth';
import { getAuthSecret } from '@/lib/env';
import { CLIENT_ADDRESS_HEADER, clientIpFrom } from './client-ip';

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** The error code the sign-in form turns into the throttling message. */
export const THROTTLED_ERROR = 'Throttled';

declare module 'next-auth' {
  interface Session {
    uid: string;
    sv: number;
  }
  interface User {
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

function headerValue(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value.join(',') : (value ?? null);
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 254) : '';
          const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 256) : '';
          if (!email || !password) return null;
          const result = await authenticate(email, password, clientIpFrom(headerValue(request?.headers, CLIENT_ADDRESS_HEADER)));
          if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion };
          if (result.reason === 'throttled') throw new Error(THROTTLED_ERROR);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      // The session exposes only who and which session version; everything else is read fresh per request.
      session({ session, token }) {
        return { expires: session.expires, uid: token.uid ?? '', sv: token.sv ?? 0 };
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
  };
}
