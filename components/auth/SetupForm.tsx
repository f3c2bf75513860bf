'use client';

import { useActionState } from 'react';
import { setupFirstAdminAction } from '@/lib/actions/account-actions';
import { initialFormState } from '@/lib/actions/form-state';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function SetupForm() {
  const [state, action] = useActionState(setupFirstAdminAction, initialFormState);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 12 characters, not a common password." errors={state.errors?.password} />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={state.errors?.confirmPassword} />
      <SubmitButton pendingText="Creating…">Create administrator</SubmitButton>
    </form>
  );
}
