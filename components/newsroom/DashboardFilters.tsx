import Link from 'next/link';
import type { EditorOptions } from '@/lib/data/article-drafts';
import { dashboardHref, MAX_TITLE_SEARCH_LENGTH, type DashboardQuery } from '@/lib/validation/dashboard';

const controlClass = 'rounded border border-stone-400 bg-white px-3 py-2 text-ink dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100';
const TOPIC_GROUPS = [
  { kind: 'REGION', label: 'Regions' },
  { kind: 'THEME', label: 'Themes' },
] as const;

/** A plain GET form, so filtering works before (and without) JavaScript; the status tab chosen is kept. */
export function DashboardFilters({ query, options }: { query: DashboardQuery; options: EditorOptions }) {
  const filtered = Boolean(query.q || query.authorId || query.topicId || query.sort !== 'updated-desc');
  return (
    <form method="get" action="/editor" role="search" aria-label="Filter articles" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      <div className="flex grow flex-col gap-1 sm:grow-0">
        <label htmlFor="dashboard-q" className="font-medium">Search titles</label>
        <input id="dashboard-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={MAX_TITLE_SEARCH_LENGTH} className={controlClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-author" className="font-medium">Author</label>
        <select id="dashboard-author" name="authorId" defaultValue={query.authorId ?? ''} className={controlClass}>
          <option value="">All authors</option>
          {options.authors.map((author) => (
            <option key={author.id} value={author.id}>{author.name}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-topic" className="font-medium">Topic</label>
        <select id="dashboard-topic" name="topicId" defaultValue={query.topicId ?? ''} className={controlClass}>
          <option value="">All topics</option>
          {TOPIC_GROUPS.map((group) => (
            <optgroup key={group.kind} label={group.label}>
              {options.topics
                .filter((topic) => topic.kind === group.kind)
                .map((topic) => (
                  <option key={topic.id} value={topic.id}>{topic.name}</option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-sort" className="font-medium">Sort</label>
        <select id="dashboard-sort" name="sort" defaultValue={query.sort} className={controlClass}>
          <option value="updated-desc">Recently updated first</option>
          <option value="updated-asc">Least recently updated first</option>
        </select>
      </div>
      <button type="submit" className="rounded bg-ink px-4 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">Apply filters</button>
      {filtered ? (
        <Link href={dashboardHref({ status: query.status, sort: 'updated-desc', page: 1 })} className="py-2 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
