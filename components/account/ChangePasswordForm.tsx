'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { changeOwnPasswordAction } from '@/lib/actions/own-account-actions';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changeOwnPasswordAction, initialFormState);
  return (
    <form action={action} className="max-w-md space-y-4">
      <FormMessage state={state} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={state.errors?.currentPassword} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters, not a common password."
        errors={state.errors?.newPassword}
      />
      <Field label="Confirm new password" name="confirmNewPassword" type="password" autoComplete="new-password" required errors={state.errors?.confirmNewPassword} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
