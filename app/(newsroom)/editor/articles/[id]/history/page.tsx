import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionButton } from '@/components/editor/RestoreRevisionButton';
import { RevisionDiffView } from '@/components/editor/RevisionDiffView';
import { requireViewer } from '@/lib/auth/session';
import { diffDrafts } from '@/lib/content/revision-diff';
import { getEditorArticle, listEditorOptions } from '@/lib/data/article-drafts';
import { getRevision, listRevisions, type RevisionSummary } from '@/lib/data/article-revisions';
import { parseRecordId } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'History' };

const KIND_LABELS: Record<string, string> = {
  create: 'Created',
  autosave: 'Autosaved',
  save: 'Saved',
  conflict: 'Refused save (someone else had saved)',
  restore: 'Restored an earlier revision',
  publish: 'Published',
  schedule: 'Scheduled',
  update: 'Update published',
  import: 'Imported',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
const describe = (revision: RevisionSummary) => `${KIND_LABELS[revision.kind] ?? revision.kind} by ${revision.createdBy ?? 'an operator'}, ${when(revision.updatedAt)}`;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const viewer = await requireViewer(`/editor/articles/${encodeURIComponent(rawId)}/history`);
  const id = parseRecordId(rawId);
  const [article, revisions] = id ? await Promise.all([getEditorArticle(viewer, id), listRevisions(viewer, id)]) : [null, null];
  if (!article || !revisions) notFound();
  const query = await searchParams;
  const pick = (value: string | string[] | undefined, fallback: RevisionSummary | undefined) =>
    revisions.find((revision) => revision.id === value) ?? fallback;
  const to = pick(query.to, revisions[0]);
  const from = pick(query.from, revisions[1]);
  const [older, newer, options] = await Promise.all([
    from ? getRevision(viewer, article.id, from.id) : null,
    to ? getRevision(viewer, article.id, to.id) : null,
    listEditorOptions(viewer),
  ]);
  const names = {
    authors: new Map(options.authors.map((author) => [author.id, author.name])),
    topics: new Map(options.topics.map((topic) => [topic.id, topic.name])),
  };

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link href={`/editor/articles/${article.id}`} className="underline">Back to the editor</Link></p>
        <h1 className="mt-2 font-serif text-3xl font-bold">History of “{article.draft.title || 'Untitled'}”</h1>
      </div>

      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading" className="text-xl font-semibold">Revisions</h2>
        <ol aria-label="Revisions, newest first" className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
          {revisions.map((revision) => (
            <li key={revision.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>{describe(revision)}</span>
              {article.may.edit ? <RestoreRevisionButton articleId={article.id} revisionId={revision.id} baseVersion={article.version} label={`Restore: ${describe(revision)}`} /> : null}
            </li>
          ))}
        </ol>
      </section>

      {revisions.length > 1 ? (
        <section aria-labelledby="compare-heading" className="space-y-4">
          <h2 id="compare-heading" className="text-xl font-semibold">Compare two revisions</h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            {(['from', 'to'] as const).map((name) => (
              <label key={name} className="flex flex-col gap-1 text-sm font-medium">
                {name === 'from' ? 'Older revision' : 'Newer revision'}
                <select name={name} defaultValue={(name === 'from' ? from : to)?.id} className="max-w-md rounded border border-stone-400 bg-white px-2 py-2 font-normal dark:bg-stone-900">
                  {revisions.map((revision) => (
                    <option key={revision.id} value={revision.id}>{describe(revision)}</option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded border border-stone-400 px-4 py-2 text-sm">Compare</button>
          </form>
          {older && newer ? <RevisionDiffView diffs={diffDrafts(older.draft, newer.draft, names)} /> : <p>One of these revisions can no longer be read.</p>}
        </section>
      ) : null}
    </div>
  );
}
