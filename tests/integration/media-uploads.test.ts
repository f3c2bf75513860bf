import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { getLogger } from '@/lib/log.js';
import { IMAGE_MESSAGES } from '@/lib/media/image-processing';
import { decompressionBombPng } from '../support/png-bomb';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

let prisma: ScriptPrisma;
let dataDir: string;
let mediaDir: string;
let uploads: typeof import('@/lib/data/media-uploads');
let permissions: typeof import('@/lib/auth/permissions');
let readMediaFile: typeof import('@/lib/data/media').readMediaFile;
let editor: Viewer;
let fellow: Viewer;

const UPLOAD_KEY = /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{24}\.(jpg|png)$/;

function photo(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7a4b2f' } })[format]().toBuffer();
}

/** Every file under the media folder, relative to it. */
async function storedFiles(): Promise<string[]> {
  const entries = await fs.readdir(mediaDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(mediaDir, path.join(entry.parentPath, entry.name))).sort();
}

async function makeViewer(role: Viewer['role'], email: string): Promise<Viewer> {
  const user = await prisma.user.create({ data: { email, name: `${role} uploader`, role } });
  return { id: user.id, role, name: user.name, email, authorId: null };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dispatch-media-uploads-'));
  mediaDir = path.join(dataDir, 'media');
  process.env.DATA_DIR = dataDir;
  prisma = createScriptPrisma(await useIsolatedDatabase());
  uploads = await import('@/lib/data/media-uploads');
  permissions = await import('@/lib/auth/permissions');
  ({ readMediaFile } = await import('@/lib/data/media'));
  editor = await makeViewer('EDITOR', 'editor@media.test');
  fellow = await makeViewer('FELLOW', 'fellow@media.test');
});

afterAll(async () => {
  await prisma?.$disconnect();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('uploadImage', () => {
  it('stores the original and its variants, records the row and an audit event, and answers a DTO', async () => {
    const result = await uploads.uploadImage(editor, { bytes: await photo(2000, 1000, 'jpeg'), originalName: 'C:\\Users\\me\\harbour.jpg', alt: '  Cranes at the harbour  ' }, '203.0.113.7');
    if (!result.ok) throw new Error(result.message);

    const row = await prisma.media.findUniqueOrThrow({ where: { id: result.media.id } });
    expect(row.storageKey).toMatch(UPLOAD_KEY);
    expect(row).toMatchObject({ originalName: 'harbour.jpg', mimeType: 'image/jpeg', width: 2000, height: 1000, alt: 'Cranes at the harbour', uploadedById: editor.id });
    const base = row.storageKey.replace(/\.jpg$/, '');
    expect(row.variants).toEqual([
      { width: 480, height: 240, storageKey: `${base}-w480.webp` },
      { width: 960, height: 480, storageKey: `${base}-w960.webp` },
      { width: 1600, height: 800, storageKey: `${base}-w1600.webp` },
    ]);

    expect(result.media).toEqual({
      id: row.id,
      src: `/media/${row.storageKey}`,
      width: 2000,
      height: 1000,
      alt: 'Cranes at the harbour',
      variants: [480, 960, 1600].map((width) => ({ width, height: width / 2, src: `/media/${base}-w${width}.webp` })),
    });

    const original = await fs.readFile(path.join(mediaDir, row.storageKey));
    expect(original.byteLength).toBe(row.byteSize);
    expect((await sharp(original).metadata()).format).toBe('jpeg');
    for (const width of [480, 960, 1600]) {
      const variant = await sharp(path.join(mediaDir, `${base}-w${width}.webp`)).metadata();
      expect([variant.format, variant.width]).toEqual(['webp', width]);
    }
    // The media route serves what was stored, and nothing half-written (temporary files) is left behind.
    expect((await readMediaFile(row.storageKey.split('/')))?.contentType).toBe('image/jpeg');
    const files = await storedFiles();
    expect(files).toEqual(expect.arrayContaining([row.storageKey, ...[480, 960, 1600].map((width) => `${base}-w${width}.webp`)]));
    expect(files.filter((file) => path.basename(file).startsWith('.'))).toEqual([]);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'media.upload', targetId: row.id } });
    expect(audit).toMatchObject({ actorId: editor.id, targetType: 'media', ip: '203.0.113.7' });
  });

  it('trusts the content, not the name: a PNG called photo.jpg is stored as a PNG', async () => {
    const result = await uploads.uploadImage(fellow, { bytes: await photo(64, 48, 'png'), originalName: 'photo.jpg', alt: '' }, null);
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.media.findUniqueOrThrow({ where: { id: result.media.id } });
    expect(row.storageKey).toMatch(/\.png$/);
    expect(row).toMatchObject({ mimeType: 'image/png', originalName: 'photo.jpg', width: 64, height: 48 });
    expect((await sharp(path.join(mediaDir, row.storageKey)).metadata()).format).toBe('png');
  });

  it('refuses a file that is not an image, or alt text that is too long, and stores nothing', async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await prisma.media.count();
    expect(await uploads.uploadImage(editor, { bytes: Buffer.from('just some text'), originalName: 'notes.jpg', alt: '' }, null)).toEqual({
      ok: false,
      reason: 'rejected',
      message: 'This file is not a JPEG, PNG, WebP or AVIF image.',
    });
    const longAlt = 'a'.repeat(uploads.ALT_TEXT_MAX_LENGTH + 1);
    expect(await uploads.uploadImage(editor, { bytes: await photo(64, 64, 'png'), originalName: 'x.png', alt: longAlt }, null)).toMatchObject({ ok: false, reason: 'rejected' });
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await prisma.media.count()).toBe(rowsBefore);
  });

  it('refuses anonymous uploads before looking at the file', async () => {
    await expect(uploads.uploadImage(null, { bytes: await photo(64, 64, 'png'), originalName: 'x.png', alt: '' }, null)).rejects.toBeInstanceOf(permissions.ForbiddenError);
  });

  it('deletes the stored files when the row cannot be written', async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await prisma.media.count();
    // A viewer whose user row is gone: the foreign key refuses the Media row after the files are stored.
    const vanished: Viewer = { ...editor, id: 'user-that-was-deleted' };
    await expect(uploads.uploadImage(vanished, { bytes: await photo(600, 400, 'jpeg'), originalName: 'x.jpg', alt: '' }, null)).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await prisma.media.count()).toBe(rowsBefore);
    expect(await prisma.auditEvent.count({ where: { actorId: vanished.id } })).toBe(0);
  });

  it('answers a clear message, records nothing and logs the cause when the media folder cannot be written', async () => {
    const rowsBefore = await prisma.media.count();
    const logged = vi.spyOn(getLogger(), 'error');
    const aside = `${mediaDir}-aside`;
    await fs.rename(mediaDir, aside);
    // A file where the folder should be: refused even for root, which file permissions would not stop.
    await fs.writeFile(mediaDir, '');
    try {
      expect(await uploads.uploadImage(editor, { bytes: await photo(64, 64, 'png'), originalName: 'x.png', alt: '' }, null)).toEqual({
        ok: false,
        reason: 'storage',
        message: 'The image could not be stored: the media folder is full or not writable.',
      });
      expect(await prisma.media.count()).toBe(rowsBefore);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ code: 'ENOTDIR' }), reason: 'The image could not be stored: the media folder is full or not writable.' }),
        'media upload not stored',
      );
    } finally {
      logged.mockRestore();
      await fs.rm(mediaDir, { force: true });
      await fs.rename(aside, mediaDir);
    }
  });
});

describe('uploadImage: hostile files', () => {
  /** A ZIP's local file header carrying a script, as appended to a JPEG to make a JPEG+ZIP polyglot. */
  const zipWithScript = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('evil.html<script>alert(1)</script>')]);

  it('stores a JPEG+ZIP polyglot only as a re-encoded image, and serves that, never the bytes sent', async () => {
    const sent = Buffer.concat([await photo(640, 480, 'jpeg'), zipWithScript]);
    const result = await uploads.uploadImage(editor, { bytes: sent, originalName: 'holiday.jpg', alt: '' }, null);
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.media.findUniqueOrThrow({ where: { id: result.media.id } });
    const served = await readMediaFile(row.storageKey.split('/'));
    expect(served?.contentType).toBe('image/jpeg');
    const stored = await fs.readFile(path.join(mediaDir, row.storageKey));
    expect(stored.equals(sent)).toBe(false);
    expect(stored.includes(Buffer.from('PK'))).toBe(false);
    expect(stored.includes(Buffer.from('<script>'))).toBe(false);
  });

  it('refuses files lying about their type, SVG with a script, a GIF/JS polyglot, a decompression bomb and oversized files, storing nothing', async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await prisma.media.count();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(1)"><script>alert(2)</script></svg>');
    // Valid JavaScript and a GIF header at once: `GIF89a=...` assigns, the rest runs.
    const gifScript = Buffer.concat([Buffer.from('GIF89a=alert(1)//', 'latin1'), Buffer.from([0x3b]), Buffer.from(';alert(document.domain);')]);
    // 48 million pixels in a few kilobytes of PNG.
    const bomb = decompressionBombPng(8000, 6000);
    const oversized = Buffer.concat([await photo(64, 64, 'jpeg'), Buffer.alloc(16 * 1024 * 1024)]);
    const cases: [string, Buffer, string, string][] = [
      ['text named .png', Buffer.from('<?php system($_GET["c"]); ?>'), 'shell.png', IMAGE_MESSAGES.notAnImage],
      ['HTML named .jpg', Buffer.from('<html><script>alert(1)</script></html>'), 'page.jpg', IMAGE_MESSAGES.notAnImage],
      ['SVG with a script named .png', svg, 'logo.png', IMAGE_MESSAGES.notAnImage],
      ['GIF/JS polyglot named .jpg', gifScript, 'avatar.jpg', IMAGE_MESSAGES.notAnImage],
      ['decompression bomb', bomb, 'bomb.png', IMAGE_MESSAGES.tooManyPixels],
      ['oversized file', oversized, 'huge.jpg', IMAGE_MESSAGES.tooLarge],
    ];
    for (const [name, bytes, originalName, message] of cases) {
      expect(await uploads.uploadImage(editor, { bytes, originalName, alt: '' }, null), name).toEqual({ ok: false, reason: 'rejected', message });
    }
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await prisma.media.count()).toBe(rowsBefore);
  });
});

describe('listRecentMedia', () => {
  it('shows staff every upload and a fellow only their own, newest first', async () => {
    const all = await uploads.listRecentMedia(editor, 50);
    const rows = await prisma.media.findMany({ orderBy: { createdAt: 'desc' }, select: { id: true, uploadedById: true } });
    expect(all.map((media) => media.id)).toEqual(rows.map((row) => row.id));
    const own = await uploads.listRecentMedia(fellow, 50);
    expect(own.map((media) => media.id)).toEqual(rows.filter((row) => row.uploadedById === fellow.id).map((row) => row.id));
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(await uploads.listRecentMedia(editor, 1)).toHaveLength(1);
  });
});
