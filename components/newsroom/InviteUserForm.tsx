'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { inviteUserAction } from '@/lib/actions/user-actions';
import type { AuthorOption } from '@/lib/data/authors';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { OneTimeLink } from '@/components/ui/OneTimeLink';
import { Select } from '@/components/ui/Select';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function InviteUserForm({ authors }: { authors: AuthorOption[] }) {
  const [state, action] = useActionState(inviteUserAction, initialFormState);
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" key={state.status === 'success' ? state.link : 'invite'}>
      <FormMessage state={state} />
      {state.link ? <OneTimeLink href={state.link} label="Invitation link" /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" name="email" type="email" required defaultValue={values?.email} errors={state.errors?.email} />
        <Field label="Name" name="name" required defaultValue={values?.name} errors={state.errors?.name} />
        <Select
          label="Role"
          name="role"
          defaultValue={values?.role ?? 'FELLOW'}
          errors={state.errors?.role}
          options={[{ value: 'FELLOW', label: 'Fellow' }, { value: 'EDITOR', label: 'Editor' }, { value: 'ADMIN', label: 'Administrator' }]}
        />
        <Select
          label="Author profile (for a fellow)"
          name="authorSlug"
          defaultValue={values?.authorSlug ?? ''}
          errors={state.errors?.authorSlug}
          options={[
            { value: '', label: 'None' },
            ...authors.map((author) => ({ value: author.slug, label: author.claimed ? `${author.name} (has an account)` : author.name, disabled: author.claimed })),
          ]}
        />
      </div>
      <SubmitButton pendingText="Inviting…">Invite user</SubmitButton>
    </form>
  );
}
