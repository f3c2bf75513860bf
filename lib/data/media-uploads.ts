import 'server-only';
import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log.js';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { processImageUpload } from '@/lib/media/image-processing';
import { uploadKey, variantKey } from '@/lib/media/media-keys';
import { getMediaStorage } from '@/lib/media/configured-storage';
import { MediaStorageError, type MediaStorage } from '@/lib/media/storage';
import { recordAudit } from './audit';
import { mediaUrl } from './mappers';

export const ALT_TEXT_MAX_LENGTH = 1000;
const ORIGINAL_NAME_MAX_LENGTH = 200;
const RECENT_MEDIA_MAX = 100;

export type UploadedMediaVariantDto = { width: number; height: number; src: string };
export type UploadedMediaDto = { id: string; src: string; width: number; height: number; alt: string; variants: UploadedMediaVariantDto[] };
/** `rejected`: the upload itself is at fault; `storage`: the server could not keep it. */
export type UploadImageResult = { ok: true; media: UploadedMediaDto } | { ok: false; reason: 'rejected' | 'storage'; message: string };

const uploadInputSchema = z.object({
  bytes: z.instanceof(Buffer),
  // Only a label for the picker: the browser may send a path, and control characters have no place in it.
  originalName: z.string().transform((name) => path.basename(name.replaceAll('\\', '/')).replace(/\p{Cc}/gu, '').slice(0, ORIGINAL_NAME_MAX_LENGTH)),
  // May be empty while drafting: alt text is required when the article is published.
  alt: z.string().trim().max(ALT_TEXT_MAX_LENGTH, `The alt text is too long: at most ${ALT_TEXT_MAX_LENGTH} characters.`),
});
export type UploadImageInput = z.input<typeof uploadInputSchema>;

const storedVariantSchema = z.array(z.object({ width: z.number(), height: z.number(), storageKey: z.string() }));
type StoredVariant = z.infer<typeof storedVariantSchema>[number];

const uploadedMediaSelect = { id: true, storageKey: true, width: true, height: true, alt: true, variants: true } satisfies Prisma.MediaSelect;
type MediaRow = Prisma.MediaGetPayload<{ select: typeof uploadedMediaSelect }>;

function toUploadedMedia(row: MediaRow): UploadedMediaDto {
  const parsed = storedVariantSchema.safeParse(row.variants);
  return {
    id: row.id,
    src: mediaUrl(row.storageKey),
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: (parsed.success ? parsed.data : []).map((variant) => ({ width: variant.width, height: variant.height, src: mediaUrl(variant.storageKey) })),
  };
}

async function deleteAll(storage: MediaStorage, keys: string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
}

/**
 * Checks, resizes and stores an uploaded image, then records it. Bad files and a full or unwritable media
 * folder come back as messages; whatever fails, no file is left without its row.
 */
export async function uploadImage(viewer: Viewer | null, input: UploadImageInput, ip: string | null): Promise<UploadImageResult> {
  assertCan(viewer, 'media.upload');
  const parsedInput = uploadInputSchema.safeParse(input);
  if (!parsedInput.success) return { ok: false, reason: 'rejected', message: parsedInput.error.issues[0]?.message ?? 'Invalid upload.' };
  const { bytes, originalName, alt } = parsedInput.data;

  const processed = await processImageUpload(bytes);
  if (!processed.ok) return { ok: false, reason: 'rejected', message: processed.message };
  const { image } = processed;

  const storageKey = uploadKey(crypto.randomBytes(12).toString('hex'), image.format, new Date());
  const variantFiles = image.variants.map((variant) => ({ ...variant, key: variantKey(storageKey, variant.targetWidth), contentType: 'image/webp' }));
  const files = [{ key: storageKey, bytes: image.original, contentType: image.mimeType }, ...variantFiles];
  const variants: StoredVariant[] = variantFiles.map(({ width, height, key }) => ({ width, height, storageKey: key }));

  const storage = getMediaStorage();
  const stored: string[] = [];
  try {
    for (const file of files) {
      await storage.put(file.key, file.bytes, file.contentType);
      stored.push(file.key);
    }
    const row = await getDb().$transaction(async (tx) => {
      const media = await tx.media.create({
        data: { storageKey, originalName, mimeType: image.mimeType, width: image.width, height: image.height, byteSize: image.original.byteLength, alt, variants, uploadedById: viewer.id },
        select: uploadedMediaSelect,
      });
      await recordAudit({ actorId: viewer.id, action: 'media.upload', targetType: 'media', targetId: media.id, detail: { storageKey, originalName, byteSize: image.original.byteLength }, ip }, tx);
      return media;
    });
    return { ok: true, media: toUploadedMedia(row) };
  } catch (error) {
    await deleteAll(storage, stored);
    if (error instanceof MediaStorageError) {
      // The uploader sees the message; whoever runs the storage needs the cause too.
      getLogger().error({ err: error.cause ?? error, storageKey, reason: error.message }, 'media upload not stored');
      return { ok: false, reason: 'storage', message: error.message };
    }
    throw error;
  }
}

/** Images for a picker, newest first: staff see every upload, a fellow only their own. */
export async function listRecentMedia(viewer: Viewer | null, limit: number): Promise<UploadedMediaDto[]> {
  assertCan(viewer, 'media.upload');
  const staff = viewer.role === 'ADMIN' || viewer.role === 'EDITOR';
  const rows = await getDb().media.findMany({
    where: staff ? {} : { uploadedById: viewer.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(Math.trunc(limit), 1), RECENT_MEDIA_MAX),
    select: uploadedMediaSelect,
  });
  return rows.map(toUploadedMedia);
}
