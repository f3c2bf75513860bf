'use client';

import { useActionState } from 'react';
import { addNoteAction } from '@/lib/actions/article-panel-actions';
import { initialFormState } from '@/lib/actions/form-state';
import type { ArticleNoteDto } from '@/lib/data/article-notes';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

/** Staff notes on the article, never shown to readers. */
export function ArticleNotesPanel({ articleId, notes }: { articleId: string; notes: ArticleNoteDto[] }) {
  const [state, action] = useActionState(addNoteAction, initialFormState);
  return (
    <section aria-labelledby="notes-heading" className="flex flex-col gap-3">
      <h2 id="notes-heading" className="text-xl font-semibold">Internal notes</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">Visible only in the newsroom.</p>
      {notes.length > 0 ? (
        <ul aria-label="Notes" className="space-y-2">
          {notes.map((note) => (
            <li key={note.id} className="rounded border border-stone-300 p-2 text-sm dark:border-stone-700">
              <p className="whitespace-pre-wrap">{note.text}</p>
              <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                {note.author ?? 'Someone'}, {new Date(note.createdAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No notes yet.</p>
      )}
      <form action={action} key={state.status === 'success' ? notes.length : 'note'} className="flex flex-col gap-2">
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Note
          <textarea name="text" rows={3} maxLength={4000} defaultValue={state.values?.text} aria-invalid={state.errors?.text ? true : undefined} className="rounded border border-stone-400 bg-white p-2 font-normal dark:bg-stone-900" />
        </label>
        <SubmitButton pendingText="Adding…">Add note</SubmitButton>
      </form>
    </section>
  );
}
