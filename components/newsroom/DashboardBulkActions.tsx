'use client';

import { useActionState, type ReactNode } from 'react';
import { bulkArticleAction } from '@/lib/actions/dashboard-actions';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { DashboardSelectionProvider, useDashboardSelection } from './DashboardSelection';

const BULK_ACTIONS = [
  { value: 'publish', label: 'Publish' },
  { value: 'unpublish', label: 'Unpublish' },
  { value: 'archive', label: 'Archive' },
] as const;

const buttonClass =
  'rounded border border-stone-400 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800';

/** Wraps the dashboard table (staff only) in the form whose buttons act on the rows checked in it. */
export function DashboardBulkActions({ rowIds, children }: { rowIds: string[]; children: ReactNode }) {
  return (
    <DashboardSelectionProvider rowIds={rowIds}>
      <BulkActionForm>{children}</BulkActionForm>
    </DashboardSelectionProvider>
  );
}

function BulkActionForm({ children }: { children: ReactNode }) {
  const { selectedIds, clear } = useDashboardSelection();
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await bulkArticleAction(previous, formData);
    // The rows acted on have moved on (another status, another place in the order); start afresh.
    clear();
    return result;
  }, initialFormState);
  const count = selectedIds.length;
  return (
    <form action={formAction} className="mt-6">
      <div role="group" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
        <span className="mr-2 text-sm text-stone-600 dark:text-stone-400">
          {count === 0 ? 'Select articles to act on them.' : `${count} selected:`}
        </span>
        {BULK_ACTIONS.map((action) => (
          <button key={action.value} type="submit" name="action" value={action.value} disabled={pending} className={buttonClass}>
            {action.label}
          </button>
        ))}
      </div>
      <p
        role="status"
        className={`mt-3 min-h-5 whitespace-pre-line text-sm ${state.status === 'error' ? 'text-red-800 dark:text-red-300' : 'text-green-800 dark:text-green-300'}`}
      >
        {pending ? 'Working…' : state.message}
      </p>
      {children}
    </form>
  );
}
