import Link from 'next/link';
import type { ArticleStatusDto } from '@/lib/data/newsroom';
import { ARTICLE_STATUSES, ARTICLE_STATUS_LABELS, dashboardHref, type DashboardQuery } from '@/lib/validation/dashboard';

/** One link per status with its count; following one keeps the other filters and starts again at page 1. */
export function DashboardStatusTabs({ query, counts }: { query: DashboardQuery; counts: Record<ArticleStatusDto, number> }) {
  const total = ARTICLE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const tabs = [
    { status: undefined, label: 'All', count: total },
    ...ARTICLE_STATUSES.map((status) => ({ status, label: ARTICLE_STATUS_LABELS[status], count: counts[status] })),
  ];
  return (
    <nav aria-label="Articles by status" className="mt-6 border-b border-stone-300 dark:border-stone-700">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {tabs.map(({ status, label, count }) => {
          const active = query.status === status;
          return (
            <li key={label}>
              <Link
                href={dashboardHref({ ...query, status, page: 1 })}
                aria-current={active ? 'page' : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${active ? 'border-accent-600 font-semibold' : 'border-transparent hover:border-stone-400'}`}
              >
                {label} <span className="text-stone-600 dark:text-stone-400">({count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
