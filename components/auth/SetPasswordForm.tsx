'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { initialFormState } from '@/lib/actions/form-state';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Choose a password for an invitation or a reset link. */
export function SetPasswordForm({ action, token, email, submitLabel }: { action: Action; token: string; email: string; submitLabel: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 12 characters, not a common password." errors={state.errors?.password} />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={state.errors?.confirmPassword} />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
