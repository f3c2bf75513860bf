'use client';

import { useId, useState } from 'react';
import { safeLinkHref } from '@/lib/content/normalize';

/** Sets or removes the link on the selected text; only web and mail addresses are accepted. */
export function LinkForm({ initialHref, onApply, onCancel }: { initialHref: string; onApply: (href: string) => void; onCancel: () => void }) {
  const id = useId();
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState('');
  const apply = () => {
    if (href.trim() === '') return onApply('');
    const safe = safeLinkHref(href);
    if (!safe) return setError('A link must start with http://, https:// or mailto:.');
    onApply(safe);
  };
  return (
    <div className="mt-1 flex flex-wrap items-end gap-2 border-t border-stone-300 p-2 dark:border-stone-600">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">Link address</label>
        <input
          id={id}
          type="url"
          value={href}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setHref(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
          className="w-80 max-w-full rounded border border-stone-400 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
      <button type="button" onClick={apply} className="rounded bg-stone-800 px-3 py-1 text-sm text-white dark:bg-stone-200 dark:text-stone-900">Apply link</button>
      {initialHref ? <button type="button" onClick={() => onApply('')} className="rounded px-3 py-1 text-sm underline">Remove link</button> : null}
      <button type="button" onClick={onCancel} className="rounded px-3 py-1 text-sm underline">Cancel</button>
      {error ? <p id={`${id}-error`} className="w-full text-sm text-red-800 dark:text-red-300">{error}</p> : null}
    </div>
  );
}
