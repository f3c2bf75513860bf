import Link from 'next/link';
import { searchHref, type SearchQuery } from '@/lib/validation/search';

/** Previous and next pages of the same search. */
export function SearchPagination({ query, pageCount }: { query: SearchQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const { page } = query;
  return (
    <nav aria-label="Search result pages" className="mt-10 flex items-center justify-between text-sm">
      {page > 1 ? <Link rel="prev" href={searchHref({ ...query, page: page - 1 })} className="font-medium hover:underline">← Previous</Link> : <span />}
      <span className="text-stone-600 dark:text-stone-400">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link rel="next" href={searchHref({ ...query, page: page + 1 })} className="font-medium hover:underline">Next →</Link> : <span />}
    </nav>
  );
}
