import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GuestAuthorForm } from '@/components/profile/GuestAuthorForm';
import { RosterFilters } from '@/components/profile/RosterFilters';
import { RosterTable } from '@/components/profile/RosterTable';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { listPendingProfileChanges, listProposedTopics, listRoster } from '@/lib/data/roster';
import { listTopics } from '@/lib/data/topics';
import { rosterQuerySchema } from '@/lib/validation/profile';

export const metadata: Metadata = { title: 'Authors' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RosterPage({ searchParams }: Props) {
  const viewer = await requireViewer('/editor/authors');
  if (!can(viewer, 'author.list')) notFound();
  const query = rosterQuerySchema.parse(await searchParams);
  const [authors, topics, pending, proposed] = await Promise.all([
    listRoster(viewer, query),
    listTopics(),
    listPendingProfileChanges(viewer),
    listProposedTopics(viewer),
  ]);
  const toReview = pending.length + proposed.length;
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Authors</h1>
        <Link href="/editor/authors/review" className="rounded border border-stone-400 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
          Review changes{toReview ? ` (${toReview} waiting)` : ''}
        </Link>
      </div>
      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="sr-only">Roster</h2>
        <RosterFilters query={query} topics={topics} />
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">{authors.length === 1 ? '1 author' : `${authors.length} authors`}</p>
        {authors.length === 0 ? <p className="mt-2">No authors match.</p> : <RosterTable authors={authors} />}
      </section>
      <section aria-labelledby="guest-heading">
        <h2 id="guest-heading" className="mb-4 font-serif text-xl font-bold">Create a guest author</h2>
        <p className="mb-4 text-sm">For a contributor without a login. You can invite them to claim the profile later.</p>
        <GuestAuthorForm />
      </section>
    </div>
  );
}
