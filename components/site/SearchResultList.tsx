import Link from 'next/link';
import { DateTime } from '@/components/ui/DateTime';
import type { ArticleSearchHit } from '@/lib/data/search';
import { Byline } from './Byline';
import { SearchHighlight } from './SearchHighlight';

export function SearchResultList({ hits, start }: { hits: ArticleSearchHit[]; start: number }) {
  return (
    <ol start={start} className="grid gap-6">
      {hits.map((hit) => (
        <li key={hit.slug}>
          <article className="border-t border-stone-200 pt-4 dark:border-stone-800">
            <p className="text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
              {hit.topics.map((topic) => topic.name).join(' · ')}
            </p>
            <h3 className="mt-1 font-serif text-xl font-bold leading-tight">
              <Link href={`/articles/${hit.slug}`} className="hover:underline"><SearchHighlight text={hit.titleHighlight} /></Link>
            </h3>
            <p className="mt-2 font-serif text-stone-700 dark:text-stone-300">
              <SearchHighlight text={hit.snippet} />
            </p>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              <Byline authors={hit.authors} />
              {hit.authors.length > 0 ? ' · ' : null}
              <DateTime value={hit.publishedAt} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
