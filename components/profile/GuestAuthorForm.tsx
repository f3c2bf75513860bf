'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { createGuestAuthorAction } from '@/lib/actions/roster-actions';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

/** A profile for an author without a login; the full profile form opens once it exists. */
export function GuestAuthorForm() {
  const [state, action] = useActionState(createGuestAuthorAction, initialFormState);
  const kept = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" required defaultValue={kept?.name} errors={state.errors?.name} />
        <Field label="Position" name="position" defaultValue={kept?.position} errors={state.errors?.position} />
        <Field label="Location" name="location" defaultValue={kept?.location} errors={state.errors?.location} />
      </div>
      <SubmitButton pendingText="Creating…">Create guest author</SubmitButton>
    </form>
  );
}
