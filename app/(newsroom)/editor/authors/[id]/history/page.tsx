import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProfileHistory } from '@/components/profile/ProfileHistory';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { listProfileRevisions } from '@/lib/data/profiles';
import { recordIdSchema } from '@/lib/validation/profile';

export const metadata: Metadata = { title: 'Profile history' };

export default async function AuthorHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/editor/authors/${encodeURIComponent(id)}/history`);
  const authorId = recordIdSchema.safeParse(id);
  if (!authorId.success || !can(viewer, 'author.list')) notFound();
  const revisions = await listProfileRevisions(viewer, authorId.data);
  if (!revisions) notFound();
  return (
    <div className="space-y-6">
      <p><Link href={`/editor/authors/${authorId.data}`} className="underline">Back to the profile</Link></p>
      <h1 className="font-serif text-3xl font-bold">Profile history</h1>
      <ProfileHistory authorId={authorId.data} revisions={revisions} />
    </div>
  );
}
