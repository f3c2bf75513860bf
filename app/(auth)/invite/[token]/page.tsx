import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetPasswordForm } from '@/components/auth/SetPasswordForm';
import { acceptInvitationAction } from '@/lib/actions/account-actions';
import { getInvitation } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Accept invitation', robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(token);
  if (!invitation) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Welcome, {invitation.name}</h1>
      <p className="mb-6 text-sm text-stone-700 dark:text-stone-300">
        You are invited as {invitation.role.toLowerCase()} with the email {invitation.email}. Choose a password to finish.
      </p>
      <SetPasswordForm action={acceptInvitationAction} token={token} email={invitation.email} submitLabel="Accept invitation" />
    </>
  );
}
