import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { landingPathFor, safeCallbackPath } from '@/lib/auth/callback-url';
import { getViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  // Without a (valid) callback the form comes back here once signed in, and the viewer's role picks the landing page.
  const callbackPath = safeCallbackPath(query.callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(callbackPath ?? landingPathFor(viewer));
  return (
    <>
      <h1 className="mb-6 font-serif text-2xl font-bold">Sign in</h1>
      {query.signedOut ? <p role="status" className="mb-4 text-sm">You have been signed out.</p> : null}
      <LoginForm callbackPath={callbackPath ?? '/login'} />
    </>
  );
}
