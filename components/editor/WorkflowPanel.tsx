'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { articleTransitionAction } from '@/lib/actions/article-actions';
import type { EditorArticle } from '@/lib/data/article-drafts';
import type { ArticleDraft } from '@/lib/validation/article';
import type { AutosaveController } from './autosave';

type Transition = Parameters<typeof articleTransitionAction>[0]['transition'];
type May = EditorArticle['may'];

type Props = {
  article: EditorArticle | null;
  /** What the viewer may do with an article that does not exist yet. */
  newArticleMay: May;
  draft: ArticleDraft;
  autosave: AutosaveController;
  onDone: (outcome: 'deleted' | 'changed') => void;
};

const DONE: Record<Transition, string> = {
  submit: 'Submitted for review.',
  publish: 'Published.',
  schedule: 'Scheduled.',
  cancelSchedule: 'Schedule cancelled: the article is a draft again.',
  update: 'Update published.',
  unpublish: 'Unpublished: readers no longer see it.',
  archive: 'Archived.',
  delete: 'Deleted.',
};

// A step taken on /editor/articles/new refreshes into the article's own page, which mounts a new panel: the
// confirmation is handed over through sessionStorage so it is still shown there.
const flashKey = (articleId: string) => `dispatch:workflow-message:${articleId}`;

function keepFlash(articleId: string, text: string): void {
  try {
    window.sessionStorage.setItem(flashKey(articleId), text);
  } catch {
    // Without storage the message only lives until the refresh.
  }
}

function takeFlash(articleId: string | undefined): { text: string; error: boolean } | null {
  if (!articleId) return null;
  try {
    const text = window.sessionStorage.getItem(flashKey(articleId));
    window.sessionStorage.removeItem(flashKey(articleId));
    return text ? { text, error: false } : null;
  } catch {
    return null;
  }
}

function statusLabel(article: EditorArticle | null, saved: boolean): string {
  if (!article) return saved ? 'Draft' : 'New draft (not saved yet)';
  if (article.live) return article.hasPendingChanges ? 'Published, with changes not yet live' : 'Published';
  if (article.status === 'SCHEDULED') return `Scheduled for ${new Date(article.draft.publishDate ?? '').toLocaleString()}`;
  return { DRAFT: 'Draft', IN_REVIEW: 'In review', ARCHIVED: 'Archived', PUBLISHED: 'Published', SCHEDULED: 'Scheduled' }[article.status];
}

/** The workflow buttons for what this viewer may do in the article's current state. */
export function WorkflowPanel({ article, newArticleMay, draft, autosave, onDone }: Props) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const loadedArticleId = article?.id;
  useEffect(() => {
    const flash = takeFlash(loadedArticleId);
    if (flash) setMessage(flash);
  }, [loadedArticleId]);
  const [confirming, setConfirming] = useState<Transition | null>(null);
  const [noteKind, setNoteKind] = useState<'' | 'CORRECTION' | 'UPDATE'>('');
  const [noteText, setNoteText] = useState('');
  const may = article?.may ?? newArticleMay;
  const status = article?.status ?? 'DRAFT';
  const live = article?.live ?? false;
  const futureDate = draft.publishDate !== null && new Date(draft.publishDate).getTime() > Date.now();

  const run = async (transition: Transition) => {
    setBusy(true);
    setMessage(null);
    setConfirming(null);
    try {
      if (transition !== 'delete' && !(await autosave.flush())) {
        setMessage({ text: 'Save the article first: see the save status above.', error: true });
        return;
      }
      const articleId = autosave.id;
      if (!articleId) return;
      const result = await articleTransitionAction({
        articleId,
        transition,
        baseVersion: ['publish', 'schedule', 'update'].includes(transition) ? autosave.currentVersion : null,
        scheduleAt: transition === 'schedule' ? draft.publishDate : null,
        note: transition === 'update' && noteKind ? { kind: noteKind, text: noteText } : null,
      });
      if (!result.ok) {
        setMessage({ text: result.message, error: true });
        return;
      }
      autosave.adoptVersion(result.version);
      setMessage({ text: DONE[transition], error: false });
      keepFlash(articleId, DONE[transition]);
      setNoteKind('');
      setNoteText('');
      onDone(transition === 'delete' ? 'deleted' : 'changed');
    } catch {
      setMessage({ text: 'The connection was lost; nothing changed. Try again.', error: true });
    } finally {
      setBusy(false);
    }
  };

  const preview = async () => {
    if (await autosave.flush()) router.push(`/editor/articles/${autosave.id}/preview`);
    else setMessage({ text: 'Save the article first: see the save status above.', error: true });
  };

  const button = (transition: Transition, label: string, primary = false) => (
    <button
      key={transition}
      type="button"
      disabled={busy}
      onClick={() => void run(transition)}
      className={`rounded px-3 py-2 text-sm disabled:opacity-60 ${primary ? 'bg-accent-700 font-semibold text-white' : 'border border-stone-400'}`}
    >
      {label}
    </button>
  );
  const guarded = (transition: Transition, label: string, warning: string) =>
    confirming === transition ? (
      <span key={transition} className="flex flex-wrap items-center gap-2 text-sm">
        {warning}
        {button(transition, `Yes, ${label.toLowerCase()}`)}
        <button type="button" onClick={() => setConfirming(null)} className="underline">Keep it</button>
      </span>
    ) : (
      <button key={transition} type="button" disabled={busy} onClick={() => setConfirming(transition)} className="rounded border border-stone-400 px-3 py-2 text-sm">
        {label}
      </button>
    );

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded border border-stone-300 p-3 dark:border-stone-700">
      <h2 id={`${id}-heading`} className="font-semibold">Status: {statusLabel(article, autosave.id !== null)}</h2>
      {live && article?.liveSlug ? (
        <p className="text-sm">
          <Link href={`/articles/${article.liveSlug}`} className="underline">View the published article</Link>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void preview()} className="rounded border border-stone-400 px-3 py-2 text-sm">Preview</button>
        {may.submit && !may.publish && status === 'DRAFT' ? button('submit', 'Submit for review', true) : null}
        {may.publish && !live && status !== 'SCHEDULED' ? (futureDate ? button('schedule', 'Schedule', true) : button('publish', 'Publish', true)) : null}
        {may.publish && !live && status === 'SCHEDULED' ? [button('publish', 'Publish now', true), button('cancelSchedule', 'Cancel schedule')] : null}
        {may.publish && live ? button('update', 'Update', true) : null}
        {may.publish && live ? guarded('unpublish', 'Unpublish', 'Readers will no longer see it.') : null}
        {may.publish && !live && status !== 'ARCHIVED' && article ? button('archive', 'Archive') : null}
        {may.delete && article ? guarded('delete', 'Delete', 'This deletes the draft for good.') : null}
      </div>
      {may.publish && live ? (
        <fieldset className="flex flex-col gap-2 border-t border-stone-200 pt-2 dark:border-stone-700">
          <legend className="text-sm font-medium">Note for readers with this update</legend>
          <label className="flex flex-col gap-1 text-sm">
            Kind of note
            <select value={noteKind} onChange={(event) => setNoteKind(event.target.value as typeof noteKind)} className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900">
              <option value="">No note</option>
              <option value="CORRECTION">Correction</option>
              <option value="UPDATE">Update</option>
            </select>
          </label>
          {noteKind ? (
            <label className="flex flex-col gap-1 text-sm">
              Note text
              <textarea value={noteText} maxLength={2000} rows={3} onChange={(event) => setNoteText(event.target.value)} className="rounded border border-stone-400 bg-white p-2 dark:bg-stone-900" />
            </label>
          ) : null}
        </fieldset>
      ) : null}
      {article ? (
        <p className="text-sm">
          <Link href={`/editor/articles/${article.id}/history`} className="underline">History</Link>
        </p>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={`text-sm ${message.error ? 'text-red-800 dark:text-red-300' : 'text-green-800 dark:text-green-300'}`}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
