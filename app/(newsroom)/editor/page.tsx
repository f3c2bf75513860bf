import type { Metadata } from 'next';
import Link from 'next/link';
import { DashboardBulkActions } from '@/components/newsroom/DashboardBulkActions';
import { DashboardFilters } from '@/components/newsroom/DashboardFilters';
import { DashboardPagination } from '@/components/newsroom/DashboardPagination';
import { DashboardStatusTabs } from '@/components/newsroom/DashboardStatusTabs';
import { DashboardTable } from '@/components/newsroom/DashboardTable';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { listEditorOptions } from '@/lib/data/article-drafts';
import { listNewsroomArticles } from '@/lib/data/newsroom';
import { ARTICLE_STATUS_LABELS, parseDashboardQuery } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Newsroom' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorDashboardPage({ searchParams }: Props) {
  const viewer = await requireViewer('/editor');
  const query = parseDashboardQuery(await searchParams);
  const [listing, options] = await Promise.all([listNewsroomArticles(viewer, query), listEditorOptions(viewer)]);
  const staff = can(viewer, 'article.publish');
  const filtered = Boolean(query.status || query.q || query.authorId || query.topicId);
  const caption = `${query.status ? ARTICLE_STATUS_LABELS[query.status] : 'All'} articles, page ${listing.page} of ${listing.pageCount}`;
  const table = <DashboardTable rows={listing.rows} selectable={staff} caption={caption} />;

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">{staff ? 'Articles' : 'My articles'}</h1>
        <div className="flex items-center gap-3 text-sm">
          {staff ? <Link href="/editor/import" className="rounded border border-stone-400 px-4 py-2 font-medium hover:bg-stone-100 dark:hover:bg-stone-800">Import</Link> : null}
          <Link href="/editor/articles/new" className="rounded bg-ink px-4 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">New article</Link>
        </div>
      </div>
      <DashboardStatusTabs query={query} counts={listing.counts} />
      <DashboardFilters query={query} options={options} />
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
        {listing.total === 1 ? '1 article' : `${listing.total} articles`}
      </p>
      {listing.rows.length === 0 ? (
        <p className="mt-4">{filtered ? 'No articles match these filters.' : 'No articles yet.'}</p>
      ) : staff ? (
        <DashboardBulkActions rowIds={listing.rows.map((row) => row.id)}>{table}</DashboardBulkActions>
      ) : (
        table
      )}
      <DashboardPagination query={query} page={listing.page} pageCount={listing.pageCount} />
    </div>
  );
}
