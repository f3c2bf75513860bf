/** What a form action returns: a message, per-field errors, and the values to show again after an error. */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** A one-time link to show the admin (invitations, password resets). */
  link?: string;
};

export const initialFormState: FormState = { status: 'idle' };

/** The typed values of a form, minus secrets, to refill it after an error. */
export function keptValues(formData: FormData, omit: string[] = ['password', 'confirmPassword']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}
