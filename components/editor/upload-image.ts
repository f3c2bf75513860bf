// The browser side of POST /api/media: one image file and its alt text in, the stored image out.

export type UploadedImage = { id: string; src: string; width: number; height: number; alt: string };

export async function uploadImage(file: File, alt: string): Promise<{ ok: true; media: UploadedImage } | { ok: false; message: string }> {
  const body = new FormData();
  body.set('file', file);
  body.set('alt', alt);
  try {
    const response = await fetch('/api/media', { method: 'POST', body });
    const answer = (await response.json().catch(() => null)) as { ok?: boolean; media?: UploadedImage; message?: string } | null;
    if (response.ok && answer?.ok && answer.media) return { ok: true, media: answer.media };
    return { ok: false, message: answer?.message ?? `The upload failed (${response.status}).` };
  } catch {
    return { ok: false, message: 'The upload failed: the connection was lost. Try again.' };
  }
}
