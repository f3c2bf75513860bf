import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '@/lib/env';

export type MediaFile = { bytes: Buffer; contentType: string };

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A stored media file by its storage key, or null; keys never escape DATA_DIR/media. */
export async function readMediaFile(segments: string[]): Promise<MediaFile | null> {
  if (segments.some((segment) => !/^[A-Za-z0-9._-]+$/.test(segment) || segment.startsWith('.'))) return null;
  const contentType = CONTENT_TYPES[path.extname(segments.at(-1) ?? '').toLowerCase()];
  if (!contentType) return null;
  const root = path.resolve(getEnv().DATA_DIR, 'media');
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return { bytes: await fs.readFile(file), contentType };
  } catch {
    return null;
  }
}
