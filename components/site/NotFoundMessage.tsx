import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-stone-700 dark:text-stone-300">The page you asked for does not exist or is no longer available.</p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/" className="font-medium text-accent-700 underline dark:text-accent-300">Home</Link>
        <Link href="/articles" className="font-medium text-accent-700 underline dark:text-accent-300">All articles</Link>
      </p>
    </div>
  );
}
