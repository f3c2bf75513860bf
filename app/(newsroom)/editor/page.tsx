import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/ui/DateTime';
import { requireViewer } from '@/lib/auth/session';
import { getNewsroomOverview } from '@/lib/data/newsroom';

export const metadata: Metadata = { title: 'Newsroom' };

const STATUS_LABELS = { DRAFT: 'Draft', IN_REVIEW: 'In review', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived' } as const;

export default async function EditorDashboardPage() {
  const viewer = await requireViewer('/editor');
  const overview = await getNewsroomOverview(viewer);
  return (
    <div>
      <h1 className="font-serif text-3xl font-bold">{viewer.role === 'FELLOW' ? 'My articles' : 'Articles'}</h1>
      <ul aria-label="Articles by status" className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {Object.entries(STATUS_LABELS).map(([status, label]) => (
          <li key={status} className="rounded border border-stone-300 p-3 dark:border-stone-700">
            <span className="block text-sm text-stone-600 dark:text-stone-400">{label}</span>
            <span className="text-2xl font-bold">{overview.counts[status as keyof typeof STATUS_LABELS]}</span>
          </li>
        ))}
      </ul>
      <table className="mt-8 w-full text-left text-sm">
        <caption className="sr-only">Recently updated articles</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            <th scope="col" className="py-2">Title</th>
            <th scope="col" className="py-2">Status</th>
            <th scope="col" className="py-2">Authors</th>
            <th scope="col" className="py-2">Updated</th>
          </tr>
        </thead>
        <tbody>
          {overview.recent.map((article) => (
            <tr key={article.id} className="border-b border-stone-200 dark:border-stone-800">
              <td className="py-2 pr-4">
                {article.status === 'PUBLISHED' ? <Link href={`/articles/${article.slug}`} className="underline">{article.title}</Link> : article.title}
              </td>
              <td className="py-2 pr-4">{STATUS_LABELS[article.status]}</td>
              <td className="py-2 pr-4">{article.authors.join(', ')}</td>
              <td className="py-2"><DateTime value={article.updatedAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.recent.length === 0 ? <p className="mt-4">No articles yet.</p> : null}
    </div>
  );
}
