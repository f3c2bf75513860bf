import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

type Labelled = { label: string; name: string; errors?: string[]; hint?: string };
type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string };

const CONTROL_CLASS =
  'rounded border border-stone-400 bg-white px-3 py-2 text-ink aria-invalid:border-red-700 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100';

/** A form control with its label, hint and errors, the last two announced to assistive technology. */
export function LabelledControl({ label, errors, hint, control }: Omit<Labelled, 'name'> & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">{hint}</p> : null}
      {control({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy, className: CONTROL_CLASS })}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p>
      ) : null}
    </div>
  );
}

/** A labelled input. */
export function Field({ label, name, errors, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return <LabelledControl label={label} errors={errors} hint={hint} control={(control) => <input {...control} name={name} {...input} />} />;
}

/** A labelled multi-line field. */
export function TextArea({ label, name, errors, hint, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return <LabelledControl label={label} errors={errors} hint={hint} control={(control) => <textarea {...control} name={name} {...textarea} />} />;
}
