import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { NAVIGATION } from '../e2e/support/browser';
import { DispatchProcess, embeddedDatabaseUrl, makeDataDir, removeDataDir, withClient } from './support/dispatch-process';
import { articleState, bodyField, expectSaved, signedInEditor, startArticle } from './support/editor';
import { findFreePort } from '../../scripts/lib/free-port';

// DATA_DIR/media cannot take the upload: first a file sits where the folder should be (ENOTDIR), then the folder
// is a tiny tmpfs filled to the last byte (ENOSPC). We run as root, so permissions would not stop a write.
// Either way the upload fails with a clear message and the article and its draft are untouched.

const UNWRITABLE_MESSAGE = 'The image could not be stored: the media folder is full or not writable.';

async function uploadCover(page: Page, png: Buffer): Promise<void> {
  await page.getByLabel('Cover image').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText(UNWRITABLE_MESSAGE, { exact: true })).toBeVisible(NAVIGATION);
  await expect(page.getByText('Cover image uploaded.')).toHaveCount(0);
}

/** A 64 KiB tmpfs over `dir`, filled until the kernel says ENOSPC; false when this machine may not mount. */
function mountFullFilesystem(dir: string): boolean {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return false;
  const filler = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(filler, Buffer.alloc(4096));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(filler);
  }
  return true;
}

test('an upload to a media folder that cannot take it fails clearly and leaves the article as it was', async ({ browser }) => {
  const dataDir = makeDataDir('disk');
  const mediaDir = path.join(dataDir, 'media');
  const app = await DispatchProcess.start({ dataDir, port: await findFreePort() });
  let mounted = false;
  try {
    const page = await signedInEditor(browser, app.url);
    const articleId = await startArticle(page, 'Dust storms over the Aral seabed', 'The wind carries salt for hundreds of kilometres. ');
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 40, g: 90, b: 120 } } }).png().toBuffer();
    const url = embeddedDatabaseUrl(dataDir);
    const mediaRows = () => withClient(url, async (client) => (await client.query<{ count: number }>('SELECT count(*)::int AS count FROM "Media"')).rows[0]!.count);
    const before = { article: await withClient(url, (client) => articleState(client, articleId)), media: await mediaRows() };

    fs.renameSync(mediaDir, `${mediaDir}-moved`);
    fs.writeFileSync(mediaDir, 'not a folder');
    await uploadCover(page, png);
    fs.rmSync(mediaDir);
    fs.renameSync(`${mediaDir}-moved`, mediaDir);

    mounted = mountFullFilesystem(mediaDir);
    test.info().annotations.push({ type: 'full disk', description: mounted ? 'ENOSPC on a full 64 KiB tmpfs' : 'mount not permitted here: only the ENOTDIR case ran' });
    if (mounted) {
      await uploadCover(page, png);
      // Folders made on the way may stay; no file, whole or partial, may.
      const files = fs.readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(files.map((entry) => entry.name)).toEqual(['filler']);
    }

    await expectSaved(page);
    await withClient(url, async (client) => {
      const after = await articleState(client, articleId);
      expect(after.version).toBe(before.article.version);
      expect(after.body).toBe(before.article.body);
      const { rows } = await client.query<{ coverImageId: string | null }>('SELECT "coverImageId" FROM "Article" WHERE "id" = $1', [articleId]);
      expect(rows[0]!.coverImageId).toBeNull();
    });
    expect(await mediaRows()).toBe(before.media);

    const sentence = 'Drafting goes on while the disk is full.';
    await bodyField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(sentence);
    await expectSaved(page);
    await page.reload();
    await expect(bodyField(page)).toContainText(sentence, NAVIGATION);
    await page.context().close();
  } finally {
    await app.stop();
    if (mounted) spawnSync('umount', [mediaDir]);
    removeDataDir(dataDir);
  }
});
