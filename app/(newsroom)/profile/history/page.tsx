import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProfileHistory } from '@/components/profile/ProfileHistory';
import { requireViewer } from '@/lib/auth/session';
import { listProfileRevisions } from '@/lib/data/profiles';

export const metadata: Metadata = { title: 'Profile history' };

export default async function ProfileHistoryPage() {
  const viewer = await requireViewer('/profile/history');
  if (!viewer.authorId) notFound();
  const revisions = await listProfileRevisions(viewer, viewer.authorId);
  if (!revisions) notFound();
  return (
    <div className="space-y-6">
      <p><Link href="/profile" className="underline">Back to my profile</Link></p>
      <h1 className="font-serif text-3xl font-bold">Profile history</h1>
      <ProfileHistory authorId={viewer.authorId} revisions={revisions} />
    </div>
  );
}
