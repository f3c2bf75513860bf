'use client';

import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { uploadImage } from '@/components/editor/upload-image';
import { AuthorPhoto } from '@/components/site/AuthorPhoto';
import { Field } from '@/components/ui/Field';
import type { ImageDto } from '@/lib/data/dto';
import { cropBox, type CropControls } from './crop-box';

const PREVIEW_SIDE = 240;
const MAX_FILE_BYTES = 15 * 1024 * 1024;
const ACCEPTED = 'image/jpeg,image/png,image/webp';

type Props = {
  name: string;
  initial: { id: string; image: ImageDto } | null;
  altDefault: string;
  errors?: { photo?: string[]; photoAlt?: string[] };
};

/**
 * The profile photo: choose a file, frame a square with the zoom and position sliders (keyboard-operable),
 * then "Use this crop" uploads the square through /api/media, which checks it like any upload. The form
 * saves only the uploaded image's id; the server accepts it only when it is square.
 */
export function PhotoField({ name, initial, altDefault, errors }: Props) {
  const [photo, setPhoto] = useState(initial);
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [controls, setControls] = useState<CropControls>({ zoom: 1, x: 50, y: 50 });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [alt, setAlt] = useState(altDefault);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!bitmap || !context) return;
    const box = cropBox(bitmap.width, bitmap.height, controls);
    context.clearRect(0, 0, PREVIEW_SIDE, PREVIEW_SIDE);
    context.drawImage(bitmap, box.sx, box.sy, box.side, box.side, 0, 0, PREVIEW_SIDE, PREVIEW_SIDE);
  }, [bitmap, controls]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setMessage(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setMessage({ text: 'The image is too large: at most 15 MB.', error: true });
    try {
      // A bitmap needs no object URL, which the newsroom's Content-Security-Policy would refuse as an image source.
      setBitmap(await createImageBitmap(file, { imageOrientation: 'from-image' }));
      setControls({ zoom: 1, x: 50, y: 50 });
    } catch {
      setMessage({ text: 'This file is not a JPEG, PNG or WebP image the browser can read.', error: true });
    }
  }

  async function applyCrop() {
    if (!bitmap) return;
    if (!alt.trim()) return setMessage({ text: 'Describe the photo in “Photo alt text” first.', error: true });
    const box = cropBox(bitmap.width, bitmap.height, controls);
    const output = document.createElement('canvas');
    output.width = box.outputSide;
    output.height = box.outputSide;
    const context = output.getContext('2d');
    if (!context) return setMessage({ text: 'This browser cannot crop images.', error: true });
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, box.outputSide, box.outputSide);
    context.drawImage(bitmap, box.sx, box.sy, box.side, box.side, 0, 0, box.outputSide, box.outputSide);
    const blob = await new Promise<Blob | null>((resolve) => output.toBlob(resolve, 'image/jpeg', 0.9));
    if (!blob) return setMessage({ text: 'The photo could not be cropped.', error: true });
    setBusy(true);
    const result = await uploadImage(new File([blob], 'profile-photo.jpg', { type: 'image/jpeg' }), alt.trim());
    setBusy(false);
    if (!result.ok) return setMessage({ text: result.message, error: true });
    setPhoto({ id: result.media.id, image: { src: result.media.src, width: result.media.width, height: result.media.height, alt: alt.trim() } });
    setBitmap(null);
    setMessage({ text: 'Photo cropped and uploaded. Save the profile to use it.', error: false });
  }

  const slider = (key: keyof CropControls, label: string, min: number, max: number, step: number) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <input type="range" min={min} max={max} step={step} value={controls[key]} onChange={(event) => setControls({ ...controls, [key]: Number(event.target.value) })} />
    </label>
  );

  return (
    <fieldset className="space-y-3 rounded border border-stone-300 p-4 dark:border-stone-700">
      <legend className="px-1 font-semibold">Photo</legend>
      <input type="hidden" name={name} value={photo?.id ?? ''} />
      <div className="flex items-center gap-4">
        <AuthorPhoto name="Current photo" photo={photo ? { ...photo.image, alt: 'Current photo' } : null} size={96} />
        {photo ? (
          <button type="button" className="text-sm underline" onClick={() => setPhoto(null)}>Remove photo</button>
        ) : (
          <p className="text-sm">No photo: readers see your initials.</p>
        )}
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Choose a photo</span>
        <span className="text-xs text-stone-600 dark:text-stone-400">JPEG, PNG or WebP, at most 15 MB. You then crop it to a square.</span>
        <input type="file" accept={ACCEPTED} onChange={(event) => void choose(event)} aria-invalid={errors?.photo?.length ? true : undefined} />
      </label>
      {errors?.photo?.length ? <p className="text-sm text-red-800 dark:text-red-300">{errors.photo.join(' ')}</p> : null}
      {bitmap ? (
        <div className="flex flex-wrap items-start gap-4">
          <canvas ref={canvas} width={PREVIEW_SIDE} height={PREVIEW_SIDE} role="img" aria-label="Crop preview" className="rounded border border-stone-300" />
          <div className="flex min-w-48 flex-col gap-3">
            {slider('zoom', 'Zoom', 1, 4, 0.05)}
            {slider('x', 'Horizontal position', 0, 100, 1)}
            {slider('y', 'Vertical position', 0, 100, 1)}
            <button type="button" disabled={busy} onClick={() => void applyCrop()} className="rounded border border-ink px-3 py-1 text-sm font-medium disabled:opacity-60 dark:border-stone-100">
              {busy ? 'Uploading…' : 'Use this crop'}
            </button>
          </div>
        </div>
      ) : null}
      {message ? <p role={message.error ? 'alert' : 'status'} className={`text-sm ${message.error ? 'text-red-800 dark:text-red-300' : ''}`}>{message.text}</p> : null}
      <Field label="Photo alt text" name="photoAlt" value={alt} onChange={(event) => setAlt(event.target.value)} errors={errors?.photoAlt} hint="What the photo shows, for readers who cannot see it. Required with a photo." />
    </fieldset>
  );
}
