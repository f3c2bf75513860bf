import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetPasswordForm } from '@/components/auth/SetPasswordForm';
import { resetPasswordAction } from '@/lib/actions/account-actions';
import { getPasswordResetTarget } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await getPasswordResetTarget(token);
  if (!target) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 text-sm text-stone-700 dark:text-stone-300">For {target.email}.</p>
      <SetPasswordForm action={resetPasswordAction} token={token} email={target.email} submitLabel="Set password" />
    </>
  );
}
