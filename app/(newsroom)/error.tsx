'use client';

export default function NewsroomError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="py-12">
      <h1 className="font-serif text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2">Nothing you saved was lost. Please try again.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-ink px-4 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">Try again</button>
    </div>
  );
}
