import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'My profile' };

export default async function ProfilePage() {
  const viewer = await requireViewer('/profile');
  return (
    <div>
      <h1 className="font-serif text-3xl font-bold">My profile</h1>
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Name</dt>
        <dd>{viewer.name}</dd>
        <dt className="font-semibold">Email</dt>
        <dd>{viewer.email}</dd>
      </dl>
      <p className="mt-6">
        <Link href="/editor" className="underline">My articles</Link>
      </p>
    </div>
  );
}
