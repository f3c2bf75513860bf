import type { FormState } from '@/lib/actions/form-state';

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  const error = state.status === 'error';
  return (
    <p
      role={error ? 'alert' : 'status'}
      className={`rounded border px-3 py-2 text-sm ${error ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100' : 'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100'}`}
    >
      {state.message}
    </p>
  );
}
