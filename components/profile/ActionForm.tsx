'use client';

import { useActionState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { FormMessage } from '@/components/ui/FormMessage';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  /** The button's accessible name when the visible label alone is ambiguous on the page. */
  submitName?: string;
  /** For forms with two outcomes (approve/reject): the button submits this `decision`. */
  decision?: string;
  children?: ReactNode;
  secondary?: { label: string; name?: string; decision: string };
};

function Button({ label, name, decision, primary }: { label: string; name?: string; decision?: string; primary: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={decision ? 'decision' : undefined}
      value={decision}
      aria-label={name}
      disabled={pending}
      className={primary ? 'rounded bg-ink px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-stone-100 dark:text-ink' : 'rounded border border-ink px-4 py-2 font-medium disabled:opacity-60 dark:border-stone-100'}
    >
      {label}
    </button>
  );
}

/** A small form around one server action: its fields, its button(s), and the action's answer announced. */
export function ActionForm({ action, submitLabel, submitName, decision, secondary, children }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      {children}
      <div className="flex flex-wrap gap-3">
        <Button label={submitLabel} name={submitName} decision={decision} primary />
        {secondary ? <Button label={secondary.label} name={secondary.name} decision={secondary.decision} primary={false} /> : null}
      </div>
    </form>
  );
}
