'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { inviteToClaimProfileAction } from '@/lib/actions/roster-actions';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { OneTimeLink } from '@/components/ui/OneTimeLink';
import { SubmitButton } from '@/components/ui/SubmitButton';

/** Invites a fellow to claim this profile: a one-time link for them to choose a password. */
export function ClaimInvitationForm({ authorId, authorName }: { authorId: string; authorName: string }) {
  const [state, action] = useActionState(inviteToClaimProfileAction, initialFormState);
  const kept = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate key={state.link ?? 'invite'}>
      <FormMessage state={state} />
      {state.link ? <OneTimeLink href={state.link} label="Invitation link" /> : null}
      <input type="hidden" name="authorId" value={authorId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Fellow’s email" name="email" type="email" required defaultValue={kept?.email} errors={state.errors?.email} />
        <Field label="Fellow’s name" name="name" required defaultValue={kept?.name ?? authorName} errors={state.errors?.name} />
      </div>
      <SubmitButton pendingText="Inviting…">Create invitation link</SubmitButton>
    </form>
  );
}
