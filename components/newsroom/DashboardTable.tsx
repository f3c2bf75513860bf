import Link from 'next/link';
import { DateTime } from '@/components/ui/DateTime';
import type { NewsroomArticleRow } from '@/lib/data/newsroom';
import { ARTICLE_STATUS_LABELS } from '@/lib/validation/dashboard';
import { DashboardRowCheckbox, DashboardSelectAll } from './DashboardSelection';

/** The dashboard's articles; `selectable` adds the checkbox column (inside DashboardBulkActions). */
export function DashboardTable({ rows, selectable, caption }: { rows: NewsroomArticleRow[]; selectable: boolean; caption: string }) {
  return (
    <table className="mt-4 w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-300 dark:border-stone-700">
          {selectable ? (
            <th scope="col" className="w-8 py-2">
              <DashboardSelectAll />
            </th>
          ) : null}
          <th scope="col" className="py-2 pr-4">Title</th>
          <th scope="col" className="py-2 pr-4">Status</th>
          <th scope="col" className="py-2 pr-4">Authors</th>
          <th scope="col" className="py-2">Updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((article) => (
          <tr key={article.id} className="border-b border-stone-200 align-top dark:border-stone-800">
            {selectable ? (
              <td className="py-2">
                <DashboardRowCheckbox id={article.id} title={article.title} />
              </td>
            ) : null}
            <td className="py-2 pr-4">
              <Link href={`/editor/articles/${article.id}`} className="font-medium underline-offset-2 hover:underline">
                {article.title}
              </Link>
            </td>
            <td className="py-2 pr-4">
              {ARTICLE_STATUS_LABELS[article.status]}
              {article.status === 'SCHEDULED' && article.publishedAt ? (
                <span className="block text-xs text-stone-600 dark:text-stone-400">
                  for <DateTime value={article.publishedAt} withTime />
                </span>
              ) : null}
            </td>
            <td className="py-2 pr-4">{article.authors.join(', ')}</td>
            <td className="py-2">
              <DateTime value={article.updatedAt} withTime />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
