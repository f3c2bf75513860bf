import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export type MediaFile = { bytes: Buffer; contentType: string };

/** Where uploaded files live: the local folder (below) or an S3-compatible bucket (s3-storage.ts). */
export interface MediaStorage {
  /** Stores the bytes under the key: readers see the whole file or no file, never part of one. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The stored file, or null when the key names nothing that can be served. */
  get(key: string): Promise<MediaFile | null>;
  /** Removes the file; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** A failure the uploader can understand and an operator can fix (disk full, permissions). */
export class MediaStorageError extends Error {}

export const UNWRITABLE_MESSAGE = 'The image could not be stored: the media folder is full or not writable.';

// ENOTDIR: a file sits where a folder of the key should be.
const UNWRITABLE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR']);

function toStorageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code && UNWRITABLE_CODES.has(code) ? new MediaStorageError(UNWRITABLE_MESSAGE, { cause: error }) : error;
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** Whether a key is plain segments of safe characters: no `..`, no hidden files, nothing a path or URL would reinterpret. */
export function isValidMediaKey(key: string): boolean {
  return key.split('/').every((segment) => /^[A-Za-z0-9._-]+$/.test(segment) && !segment.startsWith('.'));
}

/** The image type a key's extension names, or null: only these are ever served. */
export function mediaContentType(key: string): string | null {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? null;
}

/** The file for a key, refusing keys that could leave the root or name hidden files. */
function fileFor(root: string, key: string): string {
  if (!isValidMediaKey(key)) throw new Error(`Invalid media key: ${key}`);
  const file = path.resolve(root, ...key.split('/'));
  if (!file.startsWith(root + path.sep)) throw new Error(`Invalid media key: ${key}`);
  return file;
}

/** Files under `root`, written to a hidden temporary name, flushed, then renamed into place. */
export function localMediaStorage(root: string): MediaStorage {
  const resolvedRoot = path.resolve(root);
  return {
    async put(key, bytes) {
      const file = fileFor(resolvedRoot, key);
      // Dot-prefixed, so the media route never serves it while it is being written.
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const handle = await fs.open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          // On disk before it gets its final name, so a crash cannot leave an empty or partial file there.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temporary, file);
      } catch (error) {
        // The original error matters; a temporary file that cannot be removed either is left to the operator.
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw toStorageError(error);
      }
    },
    async get(key) {
      const contentType = mediaContentType(key);
      if (!contentType) return null;
      try {
        return { bytes: await fs.readFile(fileFor(resolvedRoot, key)), contentType };
      } catch {
        return null;
      }
    },
    async delete(key) {
      await fs.rm(fileFor(resolvedRoot, key), { force: true });
    },
  };
}
