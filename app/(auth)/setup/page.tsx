import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetupForm } from '@/components/auth/SetupForm';
import { needsFirstRunSetup } from '@/lib/data/users';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up Dispatch', robots: { index: false, follow: false } };

export default async function SetupPage() {
  if (!(await needsFirstRunSetup())) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Set up Dispatch</h1>
      <p className="mb-6 text-sm text-stone-700 dark:text-stone-300">Create the first administrator account. This page disappears once it exists.</p>
      <SetupForm />
    </>
  );
}
