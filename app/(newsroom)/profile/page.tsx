import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DashboardTable } from '@/components/newsroom/DashboardTable';
import { ProfileForm } from '@/components/profile/ProfileForm';
import { ProfileStatusNotes } from '@/components/profile/ProfileStatusNotes';
import { requireViewer } from '@/lib/auth/session';
import { listNewsroomArticles } from '@/lib/data/newsroom';
import { getProfileEditor } from '@/lib/data/profiles';
import { parseDashboardQuery } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'My profile' };

export default async function ProfilePage() {
  const viewer = await requireViewer('/profile');
  const authorId = viewer.authorId;
  const [editor, articles] = authorId
    ? await Promise.all([getProfileEditor(viewer, authorId), listNewsroomArticles(viewer, parseDashboardQuery({ authorId }))])
    : [null, null];
  if (authorId && !editor) notFound();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="font-serif text-3xl font-bold">My profile</h1>
        <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Name</dt>
          <dd>{viewer.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd>{viewer.email}</dd>
        </dl>
        <p className="mt-6 flex flex-wrap gap-x-6">
          <Link href="/editor" className="underline">My articles</Link>
          {editor ? <Link href={`/authors/${editor.slug}`} className="underline">View my public profile</Link> : null}
          {editor ? <Link href="/profile/history" className="underline">Profile history</Link> : null}
        </p>
      </div>

      {editor ? (
        <section aria-labelledby="profile-form-heading">
          <h2 id="profile-form-heading" className="mb-4 font-serif text-2xl font-bold">Public profile</h2>
          <ProfileStatusNotes editor={editor} />
          <ProfileForm editor={editor} />
        </section>
      ) : null}

      {articles ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading" className="font-serif text-2xl font-bold">Articles I co-author</h2>
          {articles.rows.length === 0 ? <p className="mt-4">No articles yet.</p> : <DashboardTable rows={articles.rows} selectable={false} caption="Articles I co-author, every status" />}
          {articles.total > articles.rows.length ? <p className="mt-2 text-sm"><Link href="/editor" className="underline">All {articles.total} articles</Link></p> : null}
        </section>
      ) : null}
    </div>
  );
}
