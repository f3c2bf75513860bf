import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionDiffView } from '@/components/editor/RevisionDiffView';
import { ActionForm } from '@/components/profile/ActionForm';
import { TextArea } from '@/components/ui/Field';
import { DateTime } from '@/components/ui/DateTime';
import { decideProposedTopicAction, reviewProfileChangeAction, setProfileApprovalAction } from '@/lib/actions/roster-actions';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { profileChangesNeedApproval } from '@/lib/data/profiles';
import { listPendingProfileChanges, listProposedTopics } from '@/lib/data/roster';

export const metadata: Metadata = { title: 'Review profile changes' };

export default async function ReviewPage() {
  const viewer = await requireViewer('/editor/authors/review');
  if (!can(viewer, 'author.list')) notFound();
  const [pending, proposed, approvalRequired] = await Promise.all([listPendingProfileChanges(viewer), listProposedTopics(viewer), profileChangesNeedApproval()]);
  return (
    <div className="space-y-10">
      <p><Link href="/editor/authors" className="underline">All authors</Link></p>
      <h1 className="font-serif text-3xl font-bold">Review profile changes</h1>

      <section aria-labelledby="setting-heading">
        <h2 id="setting-heading" className="mb-3 font-serif text-xl font-bold">Approval</h2>
        {can(viewer, 'settings.manage') ? (
          <ActionForm action={setProfileApprovalAction} submitLabel="Save setting">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="required" defaultChecked={approvalRequired} />
              Fellow profile changes need approval
            </label>
          </ActionForm>
        ) : (
          <p>{approvalRequired ? 'Fellow profile changes need approval.' : 'Fellow profile changes appear at once.'} An administrator changes this.</p>
        )}
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="mb-3 font-serif text-xl font-bold">Pending changes</h2>
        {pending.length === 0 ? <p>No changes are waiting.</p> : null}
        <ul className="space-y-6">
          {pending.map((change) => (
            <li key={change.revisionId} aria-labelledby={`change-${change.revisionId}`} className="rounded border border-stone-300 p-4 dark:border-stone-700">
              <h3 id={`change-${change.revisionId}`} className="font-semibold">
                <Link href={`/editor/authors/${change.author.id}`} className="underline">{change.author.name}</Link>
                {' · '}<DateTime value={change.createdAt} withTime />{change.createdBy ? ` · by ${change.createdBy}` : ''}
              </h3>
              <div className="my-3"><RevisionDiffView diffs={change.diffs} /></div>
              <ActionForm
                action={reviewProfileChangeAction}
                submitLabel="Approve"
                submitName={`Approve the change to ${change.author.name}`}
                decision="approve"
                secondary={{ label: 'Reject', name: `Reject the change to ${change.author.name}`, decision: 'reject' }}
              >
                <input type="hidden" name="revisionId" value={change.revisionId} />
                <TextArea label={`Note to ${change.author.name} (optional)`} name="note" rows={2} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading" className="mb-3 font-serif text-xl font-bold">Proposed terms</h2>
        {proposed.length === 0 ? <p>No proposed terms.</p> : null}
        <ul className="space-y-4">
          {proposed.map((topic) => (
            <li key={topic.id} className="rounded border border-stone-300 p-4 dark:border-stone-700">
              <p className="mb-2"><span className="font-semibold">{topic.name}</span> ({topic.kind === 'REGION' ? 'region' : 'theme'}){topic.authors.length ? `, chosen by ${topic.authors.join(', ')}` : ''}</p>
              <ActionForm
                action={decideProposedTopicAction}
                submitLabel="Approve"
                submitName={`Approve the term ${topic.name}`}
                decision="approve"
                secondary={{ label: 'Reject', name: `Reject the term ${topic.name}`, decision: 'reject' }}
              >
                <input type="hidden" name="topicId" value={topic.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
