'use client';

import { useId, useState } from 'react';
import { uploadImage } from './upload-image';

/** Uploads an image and inserts it into the body with its alt text and caption. */
export function ImageInsertForm({ onInsert, onCancel }: { onInsert: (image: { src: string; alt: string; caption: string }) => void; onCancel: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const insert = async () => {
    if (!file) return setMessage('Choose an image file.');
    if (!alt.trim()) return setMessage('Describe the image in its alt text.');
    setBusy(true);
    setMessage('Uploading…');
    const result = await uploadImage(file, alt.trim());
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    onInsert({ src: result.media.src, alt: alt.trim(), caption: caption.trim() });
  };
  return (
    <div className="mt-1 grid gap-2 border-t border-stone-300 p-2 sm:grid-cols-3 dark:border-stone-600">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">Image file</label>
        <input id={`${id}-file`} type="file" accept="image/jpeg,image/png,image/webp,image/avif" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-alt`} className="text-sm font-medium">Image alt text</label>
        <input id={`${id}-alt`} value={alt} onChange={(event) => setAlt(event.target.value)} maxLength={500} className="rounded border border-stone-400 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-caption`} className="text-sm font-medium">Caption</label>
        <input id={`${id}-caption`} value={caption} onChange={(event) => setCaption(event.target.value)} maxLength={500} className="rounded border border-stone-400 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900" />
      </div>
      <div className="flex gap-2 sm:col-span-3">
        <button type="button" disabled={busy} onClick={() => void insert()} className="rounded bg-stone-800 px-3 py-1 text-sm text-white disabled:opacity-60 dark:bg-stone-200 dark:text-stone-900">Insert image</button>
        <button type="button" onClick={onCancel} className="rounded px-3 py-1 text-sm underline">Cancel</button>
        <p role="status" className="text-sm">{message}</p>
      </div>
    </div>
  );
}
