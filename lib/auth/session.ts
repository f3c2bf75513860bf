import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getSessionViewer } from '@/lib/data/auth';
import { getAuthOptions } from './options';
import type { Viewer } from './permissions';

/**
 * The signed-in viewer, checked against the database on every request: a disabled user, a changed role or
 * password (session version bump) ends the session at once. Null for anonymous readers.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Per request, never at build time: the answer depends on the request's cookies and the database.
  await connection();
  const session = await getServerSession(getAuthOptions());
  if (!session?.uid || typeof session.sv !== 'number') return null;
  return getSessionViewer(session.uid, session.sv);
});

/** The viewer, or a redirect to sign in and come back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
