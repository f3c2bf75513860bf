'use client';

import { useId } from 'react';

type AuthorOption = { id: string; name: string; position: string };

/** Ordered co-authors: the byline lists them in this order. */
export function AuthorPicker({ options, value, onChange, errors, disabled }: { options: AuthorOption[]; value: string[]; onChange: (ids: string[]) => void; errors?: string[]; disabled: boolean }) {
  const id = useId();
  const byId = new Map(options.map((option) => [option.id, option]));
  const move = (index: number, offset: number) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved!);
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">Authors</label>
      {value.length > 0 ? (
        <ol aria-label="Chosen authors" className="space-y-1">
          {value.map((authorId, index) => {
            const name = byId.get(authorId)?.name ?? 'Unknown author';
            return (
              <li key={authorId} className="flex items-center gap-1 rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700">
                <span className="flex-1">{name}</span>
                <button type="button" disabled={disabled || index === 0} onClick={() => move(index, -1)} aria-label={`Move ${name} up`} className="px-1 disabled:opacity-30">↑</button>
                <button type="button" disabled={disabled || index === value.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${name} down`} className="px-1 disabled:opacity-30">↓</button>
                <button type="button" disabled={disabled} onClick={() => onChange(value.filter((other) => other !== authorId))} aria-label={`Remove ${name}`} className="px-1">✕</button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <select
        id={id}
        value=""
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        onChange={(event) => event.target.value && onChange([...value, event.target.value])}
        className="rounded border border-stone-400 bg-white px-2 py-2 dark:border-stone-600 dark:bg-stone-900"
      >
        <option value="">Add an author…</option>
        {options.filter((option) => !value.includes(option.id)).map((option) => (
          <option key={option.id} value={option.id}>{option.name}</option>
        ))}
      </select>
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}
