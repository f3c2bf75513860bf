import Link from 'next/link';

type PaginationProps = {
  page: number;
  pageCount: number;
  /** More pages exist than `pageCount` says (the list counted only so far ahead). */
  morePages?: boolean;
  basePath: string;
  query?: Record<string, string>;
};

/** Previous/next links keeping the other query parameters. */
export function Pagination({ page, pageCount, morePages = false, basePath, query = {} }: PaginationProps) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams({ ...query, ...(target > 1 ? { page: String(target) } : {}) });
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between text-sm">
      {page > 1 ? <Link rel="prev" href={href(page - 1)} className="font-medium hover:underline">← Newer</Link> : <span />}
      <span className="text-stone-600 dark:text-stone-400">Page {page} of {pageCount}{morePages ? '+' : ''}</span>
      {page < pageCount ? <Link rel="next" href={href(page + 1)} className="font-medium hover:underline">Older →</Link> : <span />}
    </nav>
  );
}
