import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchHighlight } from '@/components/site/SearchHighlight';
import { DateTime } from '@/components/ui/DateTime';
import { Field } from '@/components/ui/Field';
import { requireViewer } from '@/lib/auth/session';
import { searchNewsroomArticles } from '@/lib/data/search';
import { ARTICLE_STATUS_LABELS } from '@/lib/validation/dashboard';
import { MAX_SEARCH_QUERY_LENGTH, parseSearchParams } from '@/lib/validation/search';

export const metadata: Metadata = { title: 'Search the newsroom' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(q: string, page: number): string {
  return `/editor/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;
}

/** Full-text search over every article the viewer may open, whatever its status. */
export default async function NewsroomSearchPage({ searchParams }: Props) {
  const viewer = await requireViewer('/editor/search');
  const { query } = parseSearchParams(await searchParams);
  const results = await searchNewsroomArticles(viewer, query);

  return (
    <div>
      <h1 className="font-serif text-3xl font-bold">Search articles</h1>
      <form method="get" action="/editor/search" role="search" aria-label="Newsroom articles" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label="Search" name="q" type="search" defaultValue={query.q} maxLength={MAX_SEARCH_QUERY_LENGTH} hint="Titles, leads, bodies, authors and topics, in every status." />
        </div>
        <button type="submit" className="rounded bg-ink px-5 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">Search</button>
      </form>
      {query.q ? (
        <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">{results.total === 1 ? '1 article' : `${results.total} articles`}</p>
      ) : null}
      <ol className="mt-4 grid gap-5">
        {results.items.map((hit) => (
          <li key={hit.id} className="border-t border-stone-200 pt-3 dark:border-stone-800">
            <h2 className="font-medium">
              <Link href={`/editor/articles/${hit.id}`} className="underline-offset-2 hover:underline"><SearchHighlight text={hit.titleHighlight} /></Link>
            </h2>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300"><SearchHighlight text={hit.snippet} /></p>
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              {ARTICLE_STATUS_LABELS[hit.status]} · {hit.authors.join(', ') || 'No author'} · updated <DateTime value={hit.updatedAt} />
            </p>
          </li>
        ))}
      </ol>
      {results.pageCount > 1 ? (
        <nav aria-label="Search result pages" className="mt-8 flex justify-between text-sm">
          {results.page > 1 ? <Link href={pageHref(query.q, results.page - 1)}>← Previous</Link> : <span />}
          <span>Page {results.page} of {results.pageCount}</span>
          {results.page < results.pageCount ? <Link href={pageHref(query.q, results.page + 1)}>Next →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
