import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthorCardView } from '@/components/site/AuthorCardView';
import { SearchForm } from '@/components/site/SearchForm';
import { SearchPagination } from '@/components/site/SearchPagination';
import { SearchResultList } from '@/components/site/SearchResultList';
import { SEARCH_RESULTS_PER_PAGE, searchSite } from '@/lib/data/search';
import { listTopics } from '@/lib/data/topics';
import { hasSearchableWords, MAX_SEARCH_QUERY_LENGTH, parseSearchParams, searchHref } from '@/lib/validation/search';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  // Result pages are endless variations of one page: crawlers follow their links but do not index them.
  return { title: query.q ? `Search: ${query.q}` : 'Search', robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const { query, shortened, authorAsTyped } = parseSearchParams(await searchParams);
  const [topics, { results, experts }] = await Promise.all([listTopics(), searchSite(query)]);
  const filtered = Boolean(query.region || query.theme || query.author || query.from || query.to);
  const quoted = `“${query.q}”`;

  return (
    <div>
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchForm
        query={query}
        authorAsTyped={authorAsTyped}
        regions={topics.filter((topic) => topic.kind === 'REGION')}
        themes={topics.filter((topic) => topic.kind === 'THEME')}
      />
      {shortened ? (
        <p role="status" className="mt-6 text-sm">Searches are limited to {MAX_SEARCH_QUERY_LENGTH} characters; we searched for the first {MAX_SEARCH_QUERY_LENGTH}.</p>
      ) : null}
      {!query.q ? (
        <p className="mt-8">Type a word or a phrase to search our articles and experts.</p>
      ) : !hasSearchableWords(query.q) ? (
        <p className="mt-8">{quoted} has no words to search for. Try a word or a phrase.</p>
      ) : (
        <>
          {experts.length > 0 ? (
            <section aria-labelledby="experts-heading" className="mt-10">
              <h2 id="experts-heading" className="font-serif text-2xl font-bold">Experts</h2>
              <ul className="mt-4 grid gap-6 md:grid-cols-2">
                {experts.map((author) => (
                  <li key={author.slug}><AuthorCardView author={author} headingLevel={3} /></li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="articles-heading" className="mt-10">
            <h2 id="articles-heading" className="font-serif text-2xl font-bold">Articles</h2>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              {results.totalIsLowerBound
                ? `More than ${results.total.toLocaleString('en')} articles match ${quoted}`
                : results.total === 1 ? `1 article matches ${quoted}` : `${results.total.toLocaleString('en')} articles match ${quoted}`}
              {filtered ? ' with these filters' : ''}.
              {results.totalIsLowerBound ? ' The most relevant recent ones are shown; add words or filters to reach older ones.' : ''}
            </p>
            {results.items.length > 0 ? (
              <div className="mt-6">
                <SearchResultList hits={results.items} start={(results.page - 1) * SEARCH_RESULTS_PER_PAGE + 1} />
              </div>
            ) : results.total > 0 ? (
              <p className="mt-6">
                No more results here. <Link href={searchHref({ ...query, page: 1 })} className="underline">Back to the first page</Link>.
              </p>
            ) : (
              <p className="mt-6">
                No articles match {quoted}. {filtered ? 'Try removing a filter, or ' : 'Try '}fewer or different words.
              </p>
            )}
            <SearchPagination query={{ ...query, page: results.page }} pageCount={results.pageCount} />
          </section>
        </>
      )}
    </div>
  );
}
