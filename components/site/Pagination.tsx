import Link from 'next/link';

/** Previous/next links keeping the other query parameters. */
export function Pagination({ page, pageCount, basePath, query = {} }: { page: number; pageCount: number; basePath: string; query?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams({ ...query, ...(target > 1 ? { page: String(target) } : {}) });
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between text-sm">
      {page > 1 ? <Link rel="prev" href={href(page - 1)} className="font-medium hover:underline">← Newer</Link> : <span />}
      <span className="text-stone-600 dark:text-stone-400">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link rel="next" href={href(page + 1)} className="font-medium hover:underline">Older →</Link> : <span />}
    </nav>
  );
}
