'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({ children, pendingText }: { children: string; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="rounded bg-ink px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-stone-100 dark:text-ink">
      {pending ? (pendingText ?? 'Saving…') : children}
    </button>
  );
}
