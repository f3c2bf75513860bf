import 'server-only';
import { getMediaStorage } from '@/lib/media/configured-storage';
import { mediaContentType, type MediaFile } from '@/lib/media/storage';

export type { MediaFile };

/** A stored media file by its storage key, or null; the storage refuses keys that could escape it. */
export async function readMediaFile(segments: string[]): Promise<MediaFile | null> {
  const key = segments.join('/');
  const file = await getMediaStorage().get(key);
  // Only images are served, and a bucket object whose stored type disagrees with its name was not written by us.
  return file && file.contentType === mediaContentType(key) ? file : null;
}
