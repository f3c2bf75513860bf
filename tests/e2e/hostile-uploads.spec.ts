import crypto from 'node:crypto';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demoAccounts } from '../../prisma/demo/content';
import { decompressionBombPng } from '../support/png-bomb';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { e2eDatabaseForThisFile } from './support/database';

// Hostile files POSTed to the real upload endpoint (app/api/media/route.ts: multipart `file` and `alt`, same-origin
// requests only, 15 MB) with the signed-in editor's session, as the editor's own fetch sends them: each is refused
// with a 4xx and a message a person can act on, never a 5xx, and nothing of it is stored; a file whose name and
// type lie but whose content is a real image is kept only as the image its bytes are, re-encoded. Then one refusal
// through the article editor's cover image field, whose message shows under the field.

test.describe.configure({ timeout: 90_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const db = e2eDatabaseForThisFile();
const tag = crypto.randomBytes(4).toString('hex');

// lib/media/image-processing.ts (server-only, so restated): the messages the editor shows.
const NOT_AN_IMAGE = 'This file is not a JPEG, PNG, WebP or AVIF image.';
const TOO_LARGE = 'The image is too large: at most 15 MB.';
const TOO_MANY_PIXELS = 'The image has too many pixels (at most 40 megapixels).';

type Upload = { name: string; mimeType: string; buffer: Buffer };

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3d6b8a' } }).png().toBuffer();

async function upload(page: Page, file: Upload, alt = ''): Promise<APIResponse> {
  // The browser's fetch from an editor page carries the site's Origin; the route refuses any other.
  const origin = new URL(page.url()).origin;
  return page.request.post('/api/media', { multipart: { file, alt }, headers: { Origin: origin }, failOnStatusCode: false, timeout: 60_000 });
}

async function storedNamed(name: string): Promise<number> {
  const { rows } = await db().query<{ count: string }>(`SELECT count(*) FROM "Media" WHERE "originalName" = $1`, [name]);
  return Number(rows[0]!.count);
}

test('hostile files are refused over HTTP with a 4xx and a clear message; real images are kept only as re-encoded images', async ({ page }) => {
  await signIn(page, editor.email, editor.password);

  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(1)"><script>alert(2)</script></svg>');
  // Valid JavaScript and a GIF header at once: `GIF89a=…` assigns, the rest runs.
  const gifScript = Buffer.concat([Buffer.from('GIF89a=alert(1)//', 'latin1'), Buffer.from([0x3b]), Buffer.from(';alert(document.domain);')]);
  const bomb = decompressionBombPng(8000, 6000);
  const oversized = Buffer.concat([await png(64, 64), Buffer.alloc(16 * 1024 * 1024)]);
  const refusals: { label: string; file: Upload; status: number; message: string }[] = [
    { label: 'SVG with a script', file: { name: `logo-${tag}.svg`, mimeType: 'image/svg+xml', buffer: svg }, status: 400, message: NOT_AN_IMAGE },
    { label: 'SVG with a script named .png', file: { name: `logo-${tag}.png`, mimeType: 'image/png', buffer: svg }, status: 400, message: NOT_AN_IMAGE },
    { label: 'GIF/JS polyglot', file: { name: `avatar-${tag}.gif`, mimeType: 'image/gif', buffer: gifScript }, status: 400, message: NOT_AN_IMAGE },
    { label: 'GIF/JS polyglot named .jpg', file: { name: `avatar-${tag}.jpg`, mimeType: 'image/jpeg', buffer: gifScript }, status: 400, message: NOT_AN_IMAGE },
    { label: 'text claiming image/png', file: { name: `notes-${tag}.png`, mimeType: 'image/png', buffer: Buffer.from('<?php system($_GET["c"]); ?>') }, status: 400, message: NOT_AN_IMAGE },
    { label: 'HTML claiming image/jpeg', file: { name: `page-${tag}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') }, status: 400, message: NOT_AN_IMAGE },
    { label: 'zero-byte file', file: { name: `empty-${tag}.png`, mimeType: 'image/png', buffer: Buffer.alloc(0) }, status: 400, message: NOT_AN_IMAGE },
    { label: 'decompression bomb (48 megapixels)', file: { name: `bomb-${tag}.png`, mimeType: 'image/png', buffer: bomb }, status: 400, message: TOO_MANY_PIXELS },
    { label: 'oversized file (16 MB)', file: { name: `huge-${tag}.png`, mimeType: 'image/png', buffer: oversized }, status: 413, message: TOO_LARGE },
  ];
  expect(bomb.length).toBeLessThan(1024 * 1024);

  const findings: string[] = [];
  for (const { label, file, status, message } of refusals) {
    const response = await upload(page, file);
    const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
    if (response.status() !== status || body?.ok !== false || body.message !== message) {
      findings.push(`${label}: HTTP ${response.status()} ${JSON.stringify(body)}, expected ${status} "${message}"`);
    }
    if ((await storedNamed(file.name)) !== 0) findings.push(`${label}: stored`);
  }
  // Requests of the wrong shape: refused as such, not failed.
  const origin = new URL(page.url()).origin;
  const malformed: { label: string; send: () => Promise<APIResponse>; message: string }[] = [
    { label: 'alt text of 1,001 characters', send: async () => upload(page, { name: `long-alt-${tag}.png`, mimeType: 'image/png', buffer: await png(64, 64) }, 'a'.repeat(1001)), message: 'The alt text is too long: at most 1000 characters.' },
    { label: 'no file part', send: () => page.request.post('/api/media', { multipart: { alt: 'x' }, headers: { Origin: origin }, failOnStatusCode: false }), message: 'Choose an image file to upload.' },
    { label: 'the file as text', send: () => page.request.post('/api/media', { multipart: { file: '<script>alert(1)</script>', alt: '' }, headers: { Origin: origin }, failOnStatusCode: false }), message: 'Choose an image file to upload.' },
    { label: 'a JSON body', send: () => page.request.post('/api/media', { data: { file: 'x' }, headers: { Origin: origin }, failOnStatusCode: false }), message: 'Send the image as multipart/form-data with a “file” field.' },
  ];
  for (const { label, send, message } of malformed) {
    const response = await send();
    const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
    if (response.status() !== 400 || body?.message !== message) findings.push(`${label}: HTTP ${response.status()} ${JSON.stringify(body)}, expected 400 "${message}"`);
  }
  expect(await storedNamed(`long-alt-${tag}.png`)).toBe(0);
  expect(findings).toEqual([]);

  // A PNG named .jpg and sent as image/jpeg: the bytes decide, so it is stored and served as the PNG it is.
  const misnamed = await upload(page, { name: `photo-${tag}.jpg`, mimeType: 'image/jpeg', buffer: await png(64, 48) });
  expect(misnamed.status()).toBe(201);
  const misnamedMedia = ((await misnamed.json()) as { media: { src: string; width: number; height: number } }).media;
  expect(misnamedMedia).toMatchObject({ width: 64, height: 48, src: expect.stringMatching(/^\/media\/uploads\/.+\.png$/) });
  const misnamedServed = await page.request.get(misnamedMedia.src);
  expect(misnamedServed.headers()['content-type']).toBe('image/png');

  // A PNG with an HTML page after its end: only the re-encoded image is kept and served, never the page.
  const polyglot = Buffer.concat([await png(64, 64), Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')]);
  const polyglotResponse = await upload(page, { name: `polyglot-${tag}.png`, mimeType: 'text/html', buffer: polyglot });
  expect(polyglotResponse.status()).toBe(201);
  const polyglotServed = await page.request.get(((await polyglotResponse.json()) as { media: { src: string } }).media.src);
  expect(polyglotServed.headers()['content-type']).toBe('image/png');
  expect(polyglotServed.headers()['x-content-type-options']).toBe('nosniff');
  const servedBytes = await polyglotServed.body();
  expect(servedBytes.includes(Buffer.from('<script'))).toBe(false);
  expect(servedBytes.includes(Buffer.from('<html'))).toBe(false);

  // A genuine small PNG with hostile alt text: accepted, the alt text kept as typed.
  const alt = `<img src=x onerror=alert("${tag}")> A harbour`;
  const genuine = await upload(page, { name: `harbour-${tag}.png`, mimeType: 'image/png', buffer: await png(120, 80) }, `  ${alt}  `);
  expect(genuine.status()).toBe(201);
  const media = ((await genuine.json()) as { ok: boolean; media: { src: string; alt: string; width: number } }).media;
  expect(media).toMatchObject({ alt, width: 120 });
  const served = await page.request.get(media.src);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(await storedNamed(`harbour-${tag}.png`)).toBe(1);
  console.log(`hostile uploads: ${refusals.length} files and ${malformed.length} malformed requests refused with a message, 3 images accepted (one misnamed, one polyglot re-encoded)`);
});

test('a refused cover image shows its message under the editor\'s cover image field', async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  await page.goto('/editor/articles/new');
  await hydrated(page.getByLabel('Title', { exact: true }));
  const cover = page.getByLabel('Cover image', { exact: true });
  await hydrated(cover);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
  await cover.setInputFiles({ name: `cover-${tag}.svg`, mimeType: 'image/svg+xml', buffer: svg });

  const message = page.getByRole('status').filter({ hasText: NOT_AN_IMAGE });
  await expect(message).toHaveText(NOT_AN_IMAGE, NAVIGATION);
  const [field, shown] = [await cover.boundingBox(), await message.boundingBox()];
  expect(shown!.y, 'the message is under the field').toBeGreaterThanOrEqual(field!.y + field!.height);
  expect(Math.abs(shown!.x - field!.x), 'the message is aligned with the field').toBeLessThan(40);
  expect(await storedNamed(`cover-${tag}.svg`)).toBe(0);
});
