'use client';

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4">This page could not be shown just now. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-ink px-4 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">
        Try again
      </button>
    </div>
  );
}
