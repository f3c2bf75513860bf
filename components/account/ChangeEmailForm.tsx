'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { changeOwnEmailAction } from '@/lib/actions/own-account-actions';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeOwnEmailAction, initialFormState);
  return (
    <form action={action} className="max-w-md space-y-4">
      <FormMessage state={state} />
      <Field label="New email" name="newEmail" type="email" autoComplete="email" required defaultValue={state.values?.newEmail} errors={state.errors?.newEmail} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={state.errors?.currentPassword} />
      <SubmitButton pendingText="Changing…">Change email</SubmitButton>
    </form>
  );
}
