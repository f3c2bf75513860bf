import Link from 'next/link';
import type { ReactNode } from 'react';
import { getSiteConfig } from '@/lib/site';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <p className="mb-8 text-center">
        <Link href="/" className="font-serif text-3xl font-bold">{getSiteConfig().name}</Link>
      </p>
      <div className="rounded-lg border border-stone-300 bg-white p-6 shadow-sm dark:border-stone-700 dark:bg-stone-900">{children}</div>
    </main>
  );
}
