import { RevisionDiffView } from '@/components/editor/RevisionDiffView';
import { DateTime } from '@/components/ui/DateTime';
import { restoreProfileRevisionAction } from '@/lib/actions/profile-actions';
import type { ProfileRevisionDto } from '@/lib/data/profiles';
import { ActionForm } from './ActionForm';

const STATUS_LABELS = { applied: 'Saved', pending: 'Awaiting approval', rejected: 'Rejected' } as const;

/** Every saved version, newest first: who and when, what it would change now, and a way back to it. */
export function ProfileHistory({ authorId, revisions }: { authorId: string; revisions: ProfileRevisionDto[] }) {
  if (revisions.length === 0) return <p>No changes recorded yet: the history starts with the first save.</p>;
  return (
    <ol className="space-y-6">
      {revisions.map((revision, index) => (
        <li key={revision.id} className="rounded border border-stone-300 p-4 dark:border-stone-700" aria-labelledby={`revision-${revision.id}`}>
          <h2 id={`revision-${revision.id}`} className="font-semibold">
            Version {revisions.length - index} · <DateTime value={revision.createdAt} withTime /> · {revision.createdBy ?? 'Before the history began'} · {STATUS_LABELS[revision.status]}
          </h2>
          {revision.reviewNote ? <p className="mt-1 text-sm">Editor’s note: {revision.reviewNote}</p> : null}
          {revision.diffs.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">The same as the current profile.</p>
          ) : (
            <>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">What restoring this version would change</summary>
                <div className="mt-2"><RevisionDiffView diffs={revision.diffs} /></div>
              </details>
              {revision.status === 'pending' ? null : (
                <div className="mt-3">
                  <ActionForm action={restoreProfileRevisionAction} submitLabel="Restore this version" submitName={`Restore version ${revisions.length - index}`}>
                    <input type="hidden" name="authorId" value={authorId} />
                    <input type="hidden" name="revisionId" value={revision.id} />
                  </ActionForm>
                </div>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
