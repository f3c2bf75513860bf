'use client';

import type { SaveStatus } from './autosave';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "Saving…", "Saved at 14:02", "Not saved: …", announced politely to screen readers. */
export function SaveStatusLine({ status, onSaveNow }: { status: SaveStatus; onSaveNow: () => void }) {
  const text = {
    idle: 'No changes yet',
    dirty: 'Unsaved changes',
    saving: 'Saving…',
    saved: status.kind === 'saved' ? `Saved at ${time(status.at)}` : '',
    error: status.kind === 'error' ? status.message : '',
    conflict: 'Not saved: someone else saved a newer version',
  }[status.kind];
  const problem = status.kind === 'error' || status.kind === 'conflict';
  return (
    <div className="flex items-center justify-between gap-2 rounded border border-stone-300 p-3 dark:border-stone-700">
      <p role="status" aria-label="Save status" className={`text-sm ${problem ? 'font-semibold text-red-800 dark:text-red-300' : ''}`}>{text}</p>
      <button type="button" onClick={onSaveNow} disabled={status.kind === 'conflict'} className="rounded border border-stone-400 px-3 py-1 text-sm">Save</button>
    </div>
  );
}
