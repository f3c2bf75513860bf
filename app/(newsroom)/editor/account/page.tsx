import type { Metadata } from 'next';
import { ChangeEmailForm } from '@/components/account/ChangeEmailForm';
import { ChangePasswordForm } from '@/components/account/ChangePasswordForm';
import { SignOutEverywhereForm } from '@/components/account/SignOutEverywhereForm';
import { requireViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer('/editor/account');
  return (
    <div className="space-y-10">
      <div>
        <h1 className="font-serif text-3xl font-bold">Account</h1>
        <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Name</dt>
          <dd>{viewer.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd>{viewer.email}</dd>
        </dl>
      </div>
      <section aria-labelledby="change-password-heading">
        <h2 id="change-password-heading" className="mb-4 font-serif text-2xl font-bold">Change password</h2>
        <ChangePasswordForm email={viewer.email} />
      </section>
      <section aria-labelledby="change-email-heading">
        <h2 id="change-email-heading" className="mb-4 font-serif text-2xl font-bold">Change email</h2>
        <ChangeEmailForm />
      </section>
      <section aria-labelledby="sign-out-everywhere-heading">
        <h2 id="sign-out-everywhere-heading" className="mb-4 font-serif text-2xl font-bold">Sign out everywhere</h2>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
