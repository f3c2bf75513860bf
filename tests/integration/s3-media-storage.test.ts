import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import type { MediaStorage } from '@/lib/media/storage';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// s3rver's fixed credentials.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
const BUCKET = 'dispatch-media';

let server: S3rver;
let endpoint: string;
let s3Dir: string;
let dataDir: string;
let prisma: ScriptPrisma;
let storageModule: typeof import('@/lib/media/storage');
let s3Module: typeof import('@/lib/media/s3-storage');
let storage: MediaStorage;

function config(overrides: Partial<Record<'accessKeyId' | 'secretAccessKey' | 'bucket' | 'endpoint', string>> = {}) {
  return { bucket: BUCKET, endpoint, region: 'us-east-1', accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, ...overrides };
}

beforeAll(async () => {
  s3Dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dispatch-s3rver-'));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dispatch-s3-media-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  process.env.DATA_DIR = dataDir;
  Object.assign(process.env, {
    MEDIA_S3_BUCKET: BUCKET,
    MEDIA_S3_ENDPOINT: endpoint,
    MEDIA_S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    MEDIA_S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  });
  prisma = createScriptPrisma(await useIsolatedDatabase());
  storageModule = await import('@/lib/media/storage');
  s3Module = await import('@/lib/media/s3-storage');
  storage = s3Module.s3MediaStorage(config());
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.close();
  for (const dir of [s3Dir, dataDir]) if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('s3MediaStorage against s3rver', () => {
  it('stores, reads back with its content type, overwrites and deletes', async () => {
    const key = 'uploads/2026/11/0123456789abcdef01234567.png';
    await storage.put(key, Buffer.from('first'), 'image/png');
    expect(await storage.get(key)).toEqual({ bytes: Buffer.from('first'), contentType: 'image/png' });

    await storage.put(key, Buffer.from('second, longer'), 'image/png');
    expect((await storage.get(key))?.bytes.toString()).toBe('second, longer');

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    // Deleting what is already gone is not an error.
    await storage.delete(key);
  });

  it('answers null for a missing key and for keys that could leave the bucket', async () => {
    expect(await storage.get('uploads/2026/11/ffffffffffffffffffffffff.jpg')).toBeNull();
    expect(await storage.get('../other-bucket/x.jpg')).toBeNull();
    expect(await storage.get('uploads/.hidden.jpg')).toBeNull();
    await expect(storage.put('../other-bucket/x.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow('Invalid media key');
  });

  it('turns unknown credentials, a missing bucket and an unreachable server into MediaStorageError without the secret', async () => {
    const secret = 'not-the-right-secret-0123456789';
    const failures: [string, () => Promise<unknown>, RegExp][] = [
      // s3rver checks the access key id but not SigV4 signatures, so a wrong secret alone would pass here.
      ['unknown key id (put)', () => s3Module.s3MediaStorage(config({ accessKeyId: 'NOBODY', secretAccessKey: secret })).put('a.png', Buffer.from('x'), 'image/png'), /refused to store the image .*HTTP 403 InvalidAccessKeyId/],
      ['unknown key id (get)', () => s3Module.s3MediaStorage(config({ accessKeyId: 'NOBODY', secretAccessKey: secret })).get('a.png'), /refused to read the image .*HTTP 403 InvalidAccessKeyId/],
      ['missing bucket', () => s3Module.s3MediaStorage(config({ bucket: 'no-such-bucket' })).put('a.png', Buffer.from('x'), 'image/png'), /HTTP 404 NoSuchBucket/],
      // Port 9 (discard) on loopback: nothing listens there.
      ['unreachable', () => s3Module.s3MediaStorage(config({ endpoint: 'http://127.0.0.1:9', secretAccessKey: secret })).delete('a.png'), /could not be reached to delete the image/],
    ];
    for (const [name, attempt, message] of failures) {
      const error = await attempt().then(() => null, (caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(storageModule.MediaStorageError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).not.toContain(secret);
    }
  });
});

describe('uploads with MEDIA_S3_* set', () => {
  it('stores an upload (the /api/media code path) in the bucket, and the media route reads it back', async () => {
    const user = await prisma.user.create({ data: { email: 'editor@s3-media.test', name: 'S3 uploader', role: 'EDITOR' } });
    const editor: Viewer = { id: user.id, role: 'EDITOR', name: user.name, email: user.email, authorId: null };
    const { uploadImage } = await import('@/lib/data/media-uploads');
    const { readMediaFile } = await import('@/lib/data/media');

    const bytes = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#2f4b7a' } }).jpeg().toBuffer();
    const result = await uploadImage(editor, { bytes, originalName: 'quay.jpg', alt: 'The quay' }, null);
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.media.findUniqueOrThrow({ where: { id: result.media.id } });

    const served = await readMediaFile(row.storageKey.split('/'));
    expect(served?.contentType).toBe('image/jpeg');
    expect(served?.bytes.byteLength).toBe(row.byteSize);
    expect(await storage.get(row.storageKey)).toEqual(served);
    const variant = await readMediaFile(result.media.variants[0]!.src.replace('/media/', '').split('/'));
    expect(variant?.contentType).toBe('image/webp');
    // Nothing went to the local folder.
    expect(await fs.readdir(path.join(dataDir, 'media')).catch(() => [])).toEqual([]);
    expect(await readMediaFile(['uploads', '..', 'x.jpg'])).toBeNull();
  });

  it('refuses to start with only part of the S3 settings, naming what is missing', async () => {
    vi.resetModules();
    const secret = process.env.MEDIA_S3_SECRET_ACCESS_KEY;
    delete process.env.MEDIA_S3_SECRET_ACCESS_KEY;
    try {
      const { getEnv } = await import('@/lib/env');
      expect(() => getEnv()).toThrow(/S3 media storage needs all of .*missing: MEDIA_S3_SECRET_ACCESS_KEY/);
    } finally {
      process.env.MEDIA_S3_SECRET_ACCESS_KEY = secret;
      vi.resetModules();
    }
  });
});
