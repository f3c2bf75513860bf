'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { restoreRevisionAction } from '@/lib/actions/article-actions';

/** Brings a revision back as the current draft (a new revision itself), then returns to the editor. */
export function RestoreRevisionButton({ articleId, revisionId, baseVersion, label }: { articleId: string; revisionId: string; baseVersion: number; label: string }) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    const result = await restoreRevisionAction({ articleId, revisionId, baseVersion });
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    router.push(`/editor/articles/${articleId}`);
  };
  return (
    <span>
      <button type="button" disabled={busy} onClick={() => void restore()} aria-label={label} className="text-sm underline disabled:opacity-60">Restore</button>
      {message ? <span role="alert" className="ml-2 text-sm text-red-800 dark:text-red-300">{message}</span> : null}
    </span>
  );
}
