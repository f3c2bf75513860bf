import Link from 'next/link';
import { dashboardHref, type DashboardQuery } from '@/lib/validation/dashboard';

/** Previous and next pages of the dashboard, with the same filters. */
export function DashboardPagination({ query, page, pageCount }: { query: DashboardQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? <Link rel="prev" href={dashboardHref({ ...query, page: page - 1 })} className="font-medium hover:underline">← Previous page</Link> : <span />}
      <span className="text-stone-600 dark:text-stone-400">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link rel="next" href={dashboardHref({ ...query, page: page + 1 })} className="font-medium hover:underline">Next page →</Link> : <span />}
    </nav>
  );
}
