import { useId, type SelectHTMLAttributes } from 'react';

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string; disabled?: boolean }[];
  errors?: string[];
};

export function Select({ label, name, options, errors, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="rounded border border-stone-400 bg-white px-3 py-2 text-ink dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>{option.label}</option>
        ))}
      </select>
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}
