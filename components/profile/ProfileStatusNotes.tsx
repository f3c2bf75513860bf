import { DateTime } from '@/components/ui/DateTime';
import type { ProfileEditorDto } from '@/lib/data/profiles';

/** What a profile's editor should know before saving: approval, a waiting change, a retired profile. */
export function ProfileStatusNotes({ editor }: { editor: ProfileEditorDto }) {
  const notes = [];
  if (editor.retired) notes.push(<li key="retired">This profile is retired: it is not listed in the directory, but its page and bylines remain.</li>);
  if (editor.approvalRequired) notes.push(<li key="approval">An editor approves changes to this profile before they appear publicly.</li>);
  if (editor.pending) {
    notes.push(
      <li key="pending">
        A change from <DateTime value={editor.pending.createdAt} withTime />{editor.pending.createdBy ? ` by ${editor.pending.createdBy}` : ''} awaits an editor’s approval
        {editor.approvalRequired ? '; the form shows it, and saving again replaces it.' : '.'}
      </li>,
    );
  }
  if (notes.length === 0) return null;
  return <ul className="mb-4 list-disc space-y-1 rounded border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">{notes}</ul>;
}
