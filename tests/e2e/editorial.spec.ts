import crypto from 'node:crypto';
import sharp from 'sharp';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAccounts } from '../../prisma/demo/content';
import { e2eDatabaseForThisFile } from './support/database';
import { hydrated, NAVIGATION, signIn } from './support/browser';

// The editorial workflow as people use it: an editor writes, previews, publishes, corrects, renames and
// restores; a scheduled article appears on its own; two editors collide without losing text; a fellow
// submits but cannot publish, even by calling the server action by hand; a draft is shared by private link.

test.describe.configure({ mode: 'parallel', timeout: 120_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
const fellow = demoAccounts.find((account) => account.role === 'FELLOW')!;
const db = e2eDatabaseForThisFile();
const tag = () => crypto.randomBytes(4).toString('hex');

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });

/** Clicks a toolbar button, then waits until the body has the focus back (the editor restores it a frame later). */
async function format(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(body(page)).toBeFocused();
}

async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText(/^Saved at \d{1,2}:\d{2}/, NAVIGATION);
}

async function startArticle(page: Page, title: string, lead: string, paragraph: string): Promise<string> {
  await page.goto('/editor/articles/new');
  await hydrated(page.getByLabel('Title', { exact: true }));
  await expect(body(page)).toBeVisible(NAVIGATION);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill(lead);
  await body(page).click();
  await page.keyboard.type(paragraph);
  await expectSaved(page);
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/, NAVIGATION);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function readerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function statusOf(articleId: string): Promise<string> {
  const { rows } = await db().query<{ status: string }>(`SELECT "status" FROM "Article" WHERE "id" = $1`, [articleId]);
  return rows[0]!.status;
}

test('an editor writes, previews, publishes, corrects, renames and restores an article', async ({ page, browser }) => {
  const id = tag();
  const title = `Desalination diplomacy on the Caspian ${id}`;
  const firstLead = `Littoral states are bargaining over water, not oil ${id}.`;
  await signIn(page, editor.email, editor.password);
  await startArticle(page, title, firstLead, 'Fresh water is the Caspian’s new currency, and ');

  // Formatting from the toolbar: bold, a subhead, a second paragraph.
  await format(page, 'Bold');
  await page.keyboard.type('desalination');
  await format(page, 'Bold');
  await page.keyboard.type(' plants are its mints.');
  await page.keyboard.press('Enter');
  await format(page, 'Heading 2');
  await page.keyboard.type('Who pays');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Financing comes from sovereign funds.');

  // Co-authors in byline order, and topics.
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Aigerim Sadykova' });
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Tamar Gelashvili' });
  await page.getByRole('button', { name: 'Move Tamar Gelashvili up' }).click();
  await expect(page.getByRole('list', { name: 'Chosen authors' }).getByRole('listitem')).toHaveText(['Tamar Gelashvili↑↓✕', 'Aigerim Sadykova↑↓✕']);
  await page.getByRole('checkbox', { name: 'Energy' }).check();
  await page.getByRole('checkbox', { name: 'Central Asia' }).check();
  await expectSaved(page);
  const articleId = new URL(page.url()).pathname.split('/').pop()!;

  // The preview is the public article layout, with the draft.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/articles/${articleId}/preview$`), NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('article strong', { hasText: 'desalination' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Who pays' })).toBeVisible();
  await expect(page.getByText('Tamar Gelashvili and Aigerim Sadykova').first()).toBeVisible();
  await page.getByRole('link', { name: 'Back to the editor' }).click();

  // Publish; a reader sees it on the home page at once.
  await hydrated(page.getByRole('button', { name: 'Publish', exact: true }));
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);
  const reader = await readerPage(browser);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible({ timeout: 3_000 });
  const slug = new URL(await reader.getByRole('link', { name: title }).first().getAttribute('href') ?? '', 'http://x').pathname.split('/').pop()!;

  // Edit: readers keep the published lead until "Update", which adds a public correction.
  const secondLead = `Littoral states are bargaining over water and power ${id}.`;
  await page.getByLabel('Lead', { exact: true }).fill(secondLead);
  await expectSaved(page);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByText(firstLead)).toBeVisible();
  await page.getByLabel('Kind of note').selectOption('CORRECTION');
  await page.getByLabel('Note text').fill('An earlier version misnamed the pipeline.');
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(page.getByText('Update published.')).toBeVisible(NAVIGATION);
  await reader.reload();
  await expect(reader.getByText(secondLead)).toBeVisible({ timeout: 3_000 });
  await expect(reader.getByRole('complementary', { name: 'Corrections and updates' })).toContainText('Correction');
  await expect(reader.getByRole('complementary', { name: 'Corrections and updates' })).toContainText('An earlier version misnamed the pipeline.');

  // A new slug: the old address redirects permanently.
  const newSlug = `caspian-water-${id}`;
  await page.getByLabel('Slug', { exact: true }).fill(newSlug);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(page.getByText('Update published.')).toBeVisible(NAVIGATION);
  const redirect = await reader.request.get(`/articles/${slug}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(redirect.status());
  expect(redirect.headers().location).toMatch(new RegExp(`/articles/${newSlug}$`));
  await reader.goto(`/articles/${slug}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${newSlug}$`));

  // History: a readable diff, then restoring the published revision brings the first lead back.
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `History of “${title}”` })).toBeVisible(NAVIGATION);
  await expect(page.getByRole('list', { name: 'Revisions, newest first' }).getByRole('listitem')).not.toHaveCount(0);
  const published = page.getByRole('list', { name: 'Revisions, newest first' }).getByRole('listitem').filter({ hasText: /^Published by Clara Novak/ });
  await page.getByLabel('Older revision').selectOption({ label: (await published.locator('span').first().textContent())! });
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('del', { hasText: 'oil' })).toBeVisible(NAVIGATION);
  await expect(page.locator('ins', { hasText: 'power' })).toBeVisible();
  await hydrated(published.getByRole('button', { name: /^Restore/ }));
  await published.getByRole('button', { name: /^Restore/ }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/articles/${articleId}$`), NAVIGATION);
  await expect(page.getByLabel('Lead', { exact: true })).toHaveValue(firstLead);
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue(newSlug);
  await reader.context().close();
});

test('a scheduled article appears on every public surface at its time, with nobody acting', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const id = tag();
  const title = `Scheduled outlook for the Ferghana valley ${id}`;
  await signIn(page, editor.email, editor.password);
  await startArticle(page, title, 'A lead for the scheduled piece.', 'The body of the scheduled piece.');
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Shohrukh Tursunov' });
  const inTwoMinutes = await page.evaluate(() => {
    const at = new Date(Date.now() + 2 * 60 * 1000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  await page.getByLabel('Publish date').fill(inTwoMinutes);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByText('Scheduled.', { exact: true })).toBeVisible(NAVIGATION);
  const articleId = new URL(page.url()).pathname.split('/').pop()!;
  const { rows } = await db().query<{ slug: string }>(`SELECT "slug" FROM "Article" WHERE "id" = $1`, [articleId]);
  const slug = rows[0]!.slug;

  const reader = await readerPage(browser);
  expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(404);
  await expect
    .poll(async () => (await reader.request.get(`/articles/${slug}`)).status(), { timeout: 180_000, intervals: [2_000] })
    .toBe(200);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto('/authors/shohrukh-tursunov');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.context().close();
});

test('two editors save the same article: the second gets the conflict view and neither text is lost', async ({ page, browser }) => {
  const id = tag();
  await signIn(page, editor.email, editor.password);
  const articleId = await startArticle(page, `Contested draft ${id}`, 'A lead.', 'Shared opening. ');

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, admin.email, admin.password);
  await other.goto(`/editor/articles/${articleId}`);
  await hydrated(other.getByLabel('Title', { exact: true }));
  await expect(body(other)).toBeVisible(NAVIGATION);

  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(`Words of the first editor ${id}.`);
  await expectSaved(page);

  await body(other).click();
  await other.keyboard.press('End');
  await other.keyboard.type(`Words of the second editor ${id}.`);
  const conflict = other.getByRole('alert').filter({ hasText: 'Someone else saved this article while you were editing' });
  await expect(conflict).toBeVisible(NAVIGATION);
  await expect(other.getByLabel('Their version: body text')).toHaveValue(new RegExp(`Words of the first editor ${id}`));
  await expect(other.getByLabel('Your version: body text')).toHaveValue(new RegExp(`Words of the second editor ${id}`));
  await expect(saveStatus(other)).toHaveText(/Not saved/);

  // Both texts are recoverable: the first editor's is the current version, the second's a kept revision.
  const { rows } = await db().query<{ kind: string; data: unknown }>(`SELECT "kind", "data" FROM "Revision" WHERE "articleId" = $1`, [articleId]);
  const texts = rows.map((row) => JSON.stringify(row.data));
  expect(texts.some((text) => text.includes(`Words of the first editor ${id}`))).toBe(true);
  expect(rows.some((row) => row.kind === 'conflict' && JSON.stringify(row.data).includes(`Words of the second editor ${id}`))).toBe(true);

  await other.getByRole('button', { name: 'Keep my version' }).click();
  await expectSaved(other);
  await expect(conflict).toBeHidden();
  await otherContext.close();
});

test('a fellow submits for review and cannot publish, even by calling the server action directly', async ({ page }) => {
  const id = tag();
  await signIn(page, fellow.email, fellow.password);
  const articleId = await startArticle(page, `A fellow’s draft ${id}`, 'A lead by the fellow.', 'The fellow’s analysis.');
  await expect(page.getByRole('list', { name: 'Chosen authors' })).toContainText('Aigerim Sadykova');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  const submitted = page.waitForRequest((request) => request.method() === 'POST' && Boolean(request.headers()['next-action']));
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const request = await submitted;
  await expect(page.getByText('Submitted for review.')).toBeVisible(NAVIGATION);
  expect(await statusOf(articleId)).toBe('IN_REVIEW');

  // The same server action, replayed by hand with "publish": the data layer refuses it.
  const forged = (request.postData() ?? '').replace('"transition":"submit"', '"transition":"publish"');
  expect(forged).toContain('"transition":"publish"');
  const headers = await request.allHeaders();
  const answer = await page.evaluate(
    async ({ url, body, action, tree }) => {
      const response = await fetch(url, { method: 'POST', body, headers: { 'Next-Action': action, 'Next-Router-State-Tree': tree, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' } });
      return { status: response.status, text: await response.text() };
    },
    { url: request.url(), body: forged, action: headers['next-action']!, tree: headers['next-router-state-tree'] ?? '' },
  );
  expect(answer.text).toContain('You are not allowed to do that.');
  expect(await statusOf(articleId)).toBe('IN_REVIEW');
});

test('a draft is shared by a private, revocable, noindex link and staff keep internal notes', async ({ page, browser }) => {
  const id = tag();
  const title = `Shared draft on Black Sea ports ${id}`;
  await signIn(page, editor.email, editor.password);
  await startArticle(page, title, 'A lead to share.', 'A body to share.');
  await page.reload();

  await page.getByLabel('Note', { exact: true }).fill(`Check the tonnage figures ${id}`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText(`Check the tonnage figures ${id}`, NAVIGATION);

  await hydrated(page.getByRole('button', { name: 'Share preview' }));
  await page.getByLabel('Link works for (days)').fill('2');
  await page.getByRole('button', { name: 'Share preview' }).click();
  const linkField = page.getByRole('textbox', { name: 'Preview link' });
  await expect(linkField).toBeVisible(NAVIGATION);
  const path = new URL(await linkField.inputValue()).pathname;
  expect(path).toMatch(/^\/preview\/[A-Za-z0-9_-]{20,}$/);

  const guest = await readerPage(browser);
  const response = await guest.goto(path);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(guest.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(guest.getByText(`Check the tonnage figures ${id}`)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('list', { name: 'Preview links' })).toContainText('opened 1 time');
  await hydrated(page.getByRole('button', { name: 'Revoke' }));
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('list', { name: 'Preview links' })).toContainText('revoked', NAVIGATION);
  expect((await guest.goto(path))?.status()).toBe(404);
  await guest.context().close();
});

test('an editor adds a cover image and a body image; publishing waits for their alt text', async ({ page, browser }) => {
  const id = tag();
  const title = `Satellite images of the Aral shoreline ${id}`;
  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 40, g: 90, b: 120 } } }).png().toBuffer();
  await signIn(page, editor.email, editor.password);
  await startArticle(page, title, 'What the shoreline shows.', 'The sea keeps retreating. ');
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Haruka Ishida' });

  await page.getByRole('button', { name: 'Image', exact: true }).click();
  await page.getByLabel('Image file').setInputFiles({ name: 'shoreline.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Image alt text').fill(`The dry seabed seen from orbit ${id}`);
  await page.getByLabel('Caption').fill('The eastern basin in 2026.');
  await page.getByRole('button', { name: 'Insert image' }).click();
  await expect(body(page).getByRole('img', { name: `The dry seabed seen from orbit ${id}` })).toBeVisible(NAVIGATION);

  await page.getByLabel('Cover image').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('Cover image uploaded.')).toBeVisible(NAVIGATION);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Describe the cover image in its alt text before publishing.' })).toBeVisible(NAVIGATION);

  await page.getByLabel('Alt text', { exact: true }).fill(`A dusty harbour crane on dry land ${id}`);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);

  const articleId = new URL(page.url()).pathname.split('/').pop()!;
  const { rows } = await db().query<{ slug: string }>(`SELECT "slug" FROM "Article" WHERE "id" = $1`, [articleId]);
  const reader = await readerPage(browser);
  await reader.goto(`/articles/${rows[0]!.slug}`);
  const cover = reader.getByRole('img', { name: `A dusty harbour crane on dry land ${id}` });
  await expect(cover).toBeVisible();
  // next/image offers the stored WebP variants (the custom loader), never the on-demand optimizer.
  expect(await cover.getAttribute('srcset')).toMatch(/\/media\/uploads\/\S+-w\d+\.webp \d+w/);
  expect(await cover.getAttribute('srcset')).not.toContain('/_next/image');
  // Body images load lazily, so below the fold they are in the page but not yet laid out.
  await expect(reader.getByRole('img', { name: `The dry seabed seen from orbit ${id}` })).toHaveAttribute('src', /^\/media\/uploads\//);
  await expect(reader.getByText('The eastern basin in 2026.')).toBeVisible();
  await reader.context().close();
});
