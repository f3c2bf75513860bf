'use client';

import { useId, useState } from 'react';
import { uploadImage } from './upload-image';

export type CoverPreview = { src: string; width: number; height: number };

type Props = {
  preview: CoverPreview | null;
  alt: string;
  onChange: (cover: { id: string; preview: CoverPreview } | null) => void;
  onAltChange: (alt: string) => void;
  altErrors?: string[];
  disabled: boolean;
};

/** The cover image: upload or remove it, and its alt text (required to publish). */
export function CoverImageField({ preview, alt, onChange, onAltChange, altErrors, disabled }: Props) {
  const id = useId();
  const [message, setMessage] = useState('');
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setMessage('Uploading…');
    const result = await uploadImage(file, alt);
    if (!result.ok) return setMessage(result.message);
    setMessage('Cover image uploaded.');
    onChange({ id: result.media.id, preview: { src: result.media.src, width: result.media.width, height: result.media.height } });
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">Cover image</label>
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small editor thumbnail of an upload, not a reading page
          <img src={preview.src} alt="" width={preview.width} height={preview.height} className="h-auto max-h-40 w-auto rounded border border-stone-300" />
        ) : null}
        <input id={`${id}-file`} type="file" disabled={disabled} accept="image/jpeg,image/png,image/webp,image/avif" onChange={(event) => void upload(event.target.files?.[0])} />
        {preview ? (
          <button type="button" disabled={disabled} onClick={() => onChange(null)} className="self-start text-sm underline">Remove cover image</button>
        ) : null}
        <p role="status" className="text-sm">{message}</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-alt`} className="text-sm font-medium">Alt text</label>
        <input
          id={`${id}-alt`}
          value={alt}
          disabled={disabled}
          maxLength={500}
          aria-invalid={altErrors?.length ? true : undefined}
          aria-describedby={altErrors?.length ? `${id}-alt-error` : undefined}
          onChange={(event) => onAltChange(event.target.value)}
          className="rounded border border-stone-400 bg-white px-2 py-2 dark:border-stone-600 dark:bg-stone-900"
        />
        {altErrors?.length ? <p id={`${id}-alt-error`} className="text-sm text-red-800 dark:text-red-300">{altErrors.join(' ')}</p> : null}
      </div>
    </div>
  );
}
