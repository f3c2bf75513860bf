'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Field } from '@/components/ui/Field';

const MESSAGES: Record<string, string> = {
  Throttled: 'Too many failed sign-in attempts. Please wait 15 minutes and try again.',
};

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email, password, redirect: false, callbackUrl: callbackPath });
      if (result?.ok && !result.error) {
        window.location.assign(callbackPath);
        return;
      }
      setError(MESSAGES[result?.error ?? ''] ?? 'Invalid email or password');
    } catch {
      setError('Sign-in is unavailable right now. Please try again in a moment.');
    }
    setPending(false);
  }

  return (
    // POST, so that a submit before the script has loaded never puts the password in the URL.
    <form method="post" action="/login" onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      ) : null}
      <Field label="Email" name="email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-medium text-white disabled:opacity-60 dark:bg-stone-100 dark:text-ink">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
