import { useId, type TextareaHTMLAttributes } from 'react';

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: string };

/** A labelled multi-line field with its hint and errors announced to assistive technology. */
export function TextArea({ label, name, errors, hint, ...textarea }: TextAreaProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">{hint}</p> : null}
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded border border-stone-400 bg-white px-3 py-2 text-ink aria-invalid:border-red-700 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        {...textarea}
      />
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}
