'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/actions/form-state';
import { changeUserRoleAction, createPasswordResetAction, setUserDisabledAction } from '@/lib/actions/user-actions';
import type { UserSummary } from '@/lib/data/users';
import { FormMessage } from '@/components/ui/FormMessage';
import { OneTimeLink } from '@/components/ui/OneTimeLink';

const buttonClass = 'rounded border border-stone-400 px-2 py-1 text-xs font-medium hover:bg-stone-100 dark:hover:bg-stone-800';

export function UserRowActions({ user }: { user: UserSummary }) {
  const [roleState, roleAction] = useActionState(changeUserRoleAction, initialFormState);
  const [disableState, disableAction] = useActionState(setUserDisabledAction, initialFormState);
  const [resetState, resetAction] = useActionState(createPasswordResetAction, initialFormState);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-1">
          <input type="hidden" name="userId" value={user.id} />
          <label className="flex flex-col text-xs">
            <span>Role for {user.name}</span>
            <select name="role" defaultValue={user.role} className="rounded border border-stone-400 bg-white px-1 py-1 dark:bg-stone-900">
              <option value="FELLOW">Fellow</option>
              <option value="EDITOR">Editor</option>
              <option value="ADMIN">Administrator</option>
            </select>
          </label>
          <button type="submit" className={buttonClass}>Change role</button>
        </form>
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
          <button type="submit" className={buttonClass} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}>
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className={buttonClass} aria-label={`Reset password of ${user.name}`}>Reset password</button>
        </form>
      </div>
      <FormMessage state={roleState} />
      <FormMessage state={disableState} />
      <FormMessage state={resetState} />
      {resetState.link ? <OneTimeLink href={resetState.link} label={`Password reset link for ${user.name}`} /> : null}
    </div>
  );
}
