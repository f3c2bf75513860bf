'use client';

import { documentToPlainText } from '@/lib/content/plain-text';
import type { EditorArticle } from '@/lib/data/article-drafts';
import type { ArticleDraft } from '@/lib/validation/article';

/** Both versions side by side after a refused save; either can be kept, and any part copied from the other. */
export function ConflictView({ mine, theirs, onKeepMine, onTakeTheirs }: { mine: ArticleDraft; theirs: EditorArticle; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const column = (label: string, draft: ArticleDraft) => (
    <section aria-label={label} className="flex flex-col gap-2">
      <h3 className="font-semibold">{label}</h3>
      <p className="text-sm"><span className="font-medium">Title: </span>{draft.title}</p>
      <p className="text-sm"><span className="font-medium">Lead: </span>{draft.lead}</p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {`${label}: body text`}
        <textarea readOnly rows={10} value={documentToPlainText(draft.body)} className="rounded border border-stone-400 bg-white p-2 font-normal dark:bg-stone-900" />
      </label>
    </section>
  );
  return (
    <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4 dark:bg-stone-900">
      <h2 className="text-lg font-bold">Someone else saved this article while you were editing</h2>
      <p className="mt-1 text-sm">
        {theirs.lastSavedBy ? `${theirs.lastSavedBy} saved a newer version. ` : 'A newer version was saved. '}
        Your text is not lost: it is kept in the history. Keep yours, take theirs, or copy parts from one to the other.
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        {column('Your version', mine)}
        {column('Their version', theirs.draft)}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={onKeepMine} className="rounded bg-stone-800 px-4 py-2 text-sm text-white dark:bg-stone-200 dark:text-stone-900">Keep my version</button>
        <button type="button" onClick={onTakeTheirs} className="rounded border border-stone-500 px-4 py-2 text-sm">Take their version</button>
      </div>
    </div>
  );
}
