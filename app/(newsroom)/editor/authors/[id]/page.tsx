import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/profile/ActionForm';
import { ClaimInvitationForm } from '@/components/profile/ClaimInvitationForm';
import { ProfileForm } from '@/components/profile/ProfileForm';
import { ProfileStatusNotes } from '@/components/profile/ProfileStatusNotes';
import { Select } from '@/components/ui/Select';
import { mergeAuthorsAction, setAuthorRetiredAction } from '@/lib/actions/roster-actions';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getProfileEditor } from '@/lib/data/profiles';
import { listRoster } from '@/lib/data/roster';
import { recordIdSchema } from '@/lib/validation/profile';

export const metadata: Metadata = { title: 'Edit author' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditAuthorPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer(`/editor/authors/${encodeURIComponent(id)}`);
  const authorId = recordIdSchema.safeParse(id);
  // The roster is for staff; a fellow's own profile lives at /profile.
  if (!authorId.success || !can(viewer, 'author.list')) notFound();
  const [editor, others] = await Promise.all([getProfileEditor(viewer, authorId.data), listRoster(viewer, { status: 'all' })]);
  if (!editor || editor.mergedInto) notFound();
  const mergeTargets = others.filter((other) => other.id !== editor.authorId);

  return (
    <div className="space-y-10">
      <p><Link href="/editor/authors" className="underline">All authors</Link></p>
      <div>
        <h1 className="font-serif text-3xl font-bold">{editor.profile.name}</h1>
        <p className="mt-2 flex flex-wrap gap-x-6 text-sm">
          <span>{editor.hasAccount ? 'Fellow with an account' : 'Guest author (no account)'}</span>
          <Link href={`/authors/${editor.slug}`} className="underline">View public profile</Link>
          <Link href={`/editor/authors/${editor.authorId}/history`} className="underline">Profile history</Link>
        </p>
        {query.merged ? <p role="status" className="mt-2 text-sm">Merged: the duplicate’s articles now carry this profile, and its address redirects here.</p> : null}
      </div>

      <section aria-labelledby="profile-form-heading">
        <h2 id="profile-form-heading" className="mb-4 font-serif text-2xl font-bold">Profile</h2>
        <ProfileStatusNotes editor={editor} />
        <ProfileForm editor={editor} />
      </section>

      {can(viewer, 'author.invite') && !editor.hasAccount ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="mb-4 font-serif text-xl font-bold">Invite a fellow to claim this profile</h2>
          <ClaimInvitationForm authorId={editor.authorId} authorName={editor.profile.name} />
        </section>
      ) : null}

      {can(viewer, 'author.retire') ? (
        <section aria-labelledby="retire-heading">
          <h2 id="retire-heading" className="mb-4 font-serif text-xl font-bold">{editor.retired ? 'Reinstate' : 'Retire'}</h2>
          <p className="mb-3 text-sm">
            {editor.retired ? 'List this profile in the directory again.' : 'A retired profile leaves the directory; its page and its articles’ bylines remain.'}
          </p>
          <ActionForm action={setAuthorRetiredAction} submitLabel={editor.retired ? 'Reinstate profile' : 'Retire profile'}>
            <input type="hidden" name="authorId" value={editor.authorId} />
            <input type="hidden" name="retired" value={editor.retired ? 'false' : 'true'} />
          </ActionForm>
        </section>
      ) : null}

      {can(viewer, 'author.merge') && mergeTargets.length > 0 ? (
        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading" className="mb-4 font-serif text-xl font-bold">Merge into another profile</h2>
          <p className="mb-3 text-sm">When this profile duplicates another: its articles move to the one you keep, and its address redirects there.</p>
          <ActionForm action={mergeAuthorsAction} submitLabel="Merge this profile">
            <input type="hidden" name="duplicateId" value={editor.authorId} />
            <Select label="Profile to keep" name="keptId" defaultValue="" options={[{ value: '', label: 'Choose…' }, ...mergeTargets.map((other) => ({ value: other.id, label: other.name }))]} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
