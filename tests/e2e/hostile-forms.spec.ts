import crypto from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Parser from 'rss-parser';
import { demoAccounts } from '../../prisma/demo/content';
import { formSubset, hostileStrings, scriptShapedStrings } from '../support/hostile-inputs';
import { e2eDatabaseForThisFile } from './support/database';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { failOnDialogs, injectedElements, REACT_FORM_PLACEHOLDER } from './support/injection';

// Hostile strings typed through the real article editor: every script-shaped string and a set of odd ones
// (right-to-left, emoji, zero-width, combining marks, the longest) come back exactly after a reload, and no page
// that shows them (public article, author page, search, feed, dashboard, history) runs a script. Pasted HTML is
// reduced to the document model; a 10 MB body is refused with a clear message and nothing is lost.

test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const db = e2eDatabaseForThisFile();
const tag = () => crypto.randomBytes(4).toString('hex');
const AUTHOR = { slug: 'haruka-ishida', name: 'Haruka Ishida' };

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });
const expectSaved = (page: Page) => expect(saveStatus(page)).toHaveText(/^Saved at \d{1,2}:\d{2}/, NAVIGATION);

async function startArticle(page: Page, title: string): Promise<string> {
  await page.goto('/editor/articles/new');
  await hydrated(page.getByLabel('Title', { exact: true }));
  await expect(body(page)).toBeVisible(NAVIGATION);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill('A lead.');
  await body(page).click();
  await page.keyboard.type('First paragraph.');
  await expectSaved(page);
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/, NAVIGATION);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Pastes into the body as a browser does: a paste event carrying the clipboard's data, read by the editor. */
async function paste(target: Locator, data: Record<string, string>): Promise<void> {
  await target.evaluate((element, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

async function storedArticle(articleId: string): Promise<{ version: number; body: unknown; slug: string }> {
  const { rows } = await db().query<{ version: number; body: unknown; slug: string }>(`SELECT "version", "body", "slug" FROM "Article" WHERE "id" = $1`, [articleId]);
  return rows[0]!;
}

/** Types the strings into the field, one after another, as far as its limit lets the browser take them. */
async function typeInto(field: Locator, strings: string[]): Promise<string> {
  await field.fill(strings.join(' '));
  return field.inputValue();
}

test('hostile strings typed into every editor field come back exactly and run no script anywhere they are shown', async ({ page, request }) => {
  const dialogs = failOnDialogs(page);
  const id = tag();
  const scriptShaped = scriptShapedStrings(hostileStrings());
  const odd = formSubset();
  await signIn(page, editor.email, editor.password);
  const articleId = await startArticle(page, `Hostile ${id}`);

  // The odd strings and the first script-shaped ones, dealt out over the fields in turn.
  const labels = ['Lead', 'Outlet', 'Source title', 'SEO title', 'SEO description'];
  const inFields = [...odd, ...scriptShaped.slice(0, 40)];
  const typed = new Map<string, string>();
  for (const [index, label] of labels.entries()) {
    typed.set(label, await typeInto(page.getByLabel(label, { exact: true }), inFields.filter((_, position) => position % labels.length === index)));
  }
  typed.set('Title', await typeInto(page.getByLabel('Title', { exact: true }), [id, scriptShaped[0]!]));
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: AUTHOR.name });
  // Every script-shaped string as a paragraph of its own, pasted as plain text.
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  const lines = scriptShaped.map((value) => value.replace(/\s+/g, ' '));
  await paste(body(page), { 'text/plain': lines.join('\n') });
  await expectSaved(page);

  await page.reload();
  await hydrated(page.getByLabel('Title', { exact: true }));
  for (const [label, value] of typed) await expect(page.getByLabel(label, { exact: true }), label).toHaveValue(value.trim());
  const paragraphs = await body(page).locator('p').allTextContents();
  for (const line of lines) expect(paragraphs, line).toContain(line);
  expect(await injectedElements(page)).toEqual([]);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);
  const { slug } = await storedArticle(articleId);

  const shownAt = [`/articles/${slug}`, `/authors/${AUTHOR.slug}`, `/search?q=${id}`, '/articles', '/', '/editor', `/editor/articles/${articleId}/history`, `/editor/articles/${articleId}/preview`];
  for (const path of shownAt) {
    const response = await page.goto(path, NAVIGATION);
    expect(response?.status(), path).toBe(200);
    expect(await injectedElements(page), path).toEqual([]);
  }
  await expect(page.getByText(typed.get('Title')!.trim()).first()).toBeAttached();

  const feed = await new Parser().parseString(await (await request.get('/feed.xml')).text());
  expect(feed.items.find((item) => item.link?.endsWith(`/articles/${slug}`))?.title).toBe(typed.get('Title')!.trim());
  const authorFeed = await request.get(`/authors/${AUTHOR.slug}/feed.xml`);
  expect(authorFeed.status()).toBe(200);
  for (const value of scriptShaped.filter((candidate) => /<script/i.test(candidate))) expect(await authorFeed.text()).not.toContain(value);
  expect(dialogs).toEqual([]);
});

test('pasted HTML with scripts, handlers, script and data URLs, SVG, frames, styles, forms and objects is reduced to the document model', async ({ page, request }) => {
  const dialogs = failOnDialogs(page);
  const id = tag();
  await signIn(page, editor.email, editor.password);
  const articleId = await startArticle(page, `Pasted HTML ${id}`);
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: AUTHOR.name });
  const html = [
    '<style>p { background: url(javascript:alert(1)) }</style>',
    '<script>alert("script")</script>',
    `<p onclick="alert('click')" style="color:red">Kept paragraph ${id}</p>`,
    '<p><a href="javascript:alert(\'href\')">bad link</a> and <a href="https://example.org/ok">a web link</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">encoded link</a></p>',
    '<img src="x" onerror="alert(\'img\')" alt="broken">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+" alt="data image">',
    '<svg onload="alert(\'svg\')"><script>alert("svg script")</script><text>vector text</text></svg>',
    '<iframe src="javascript:alert(\'frame\')"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="javascript:alert(\'form\')"><input value="field"><button formaction="javascript:alert(1)">Go</button></form>',
    '<object data="javascript:alert(\'object\')"></object><embed src="javascript:alert(1)">',
    '<div style="background-image:url(javascript:alert(1))"><h2 onmouseover="alert(1)">Kept heading</h2></div>',
  ].join('');
  await body(page).click();
  await page.keyboard.press('Control+End');
  await paste(body(page), { 'text/html': html, 'text/plain': 'plain fallback' });
  await expect(body(page)).toContainText(`Kept paragraph ${id}`);
  await expectSaved(page);

  const saved = JSON.stringify((await storedArticle(articleId)).body);
  expect(saved).toContain(`Kept paragraph ${id}`);
  expect(saved).toContain('Kept heading');
  expect(saved).toContain('https://example.org/ok');
  for (const forbidden of ['javascript:', 'data:', 'alert', 'onclick', 'onerror', 'onload', 'style', 'iframe', 'svg', 'script', 'object', 'embed', 'form']) {
    expect(saved.toLowerCase(), forbidden).not.toContain(forbidden);
  }
  const types = new Set<string>();
  const walk = (node: { type?: string; content?: unknown[]; marks?: { type: string }[] }) => {
    if (node.type) types.add(node.type);
    for (const mark of node.marks ?? []) types.add(`mark:${mark.type}`);
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk((await storedArticle(articleId)).body as Parameters<typeof walk>[0]);
  for (const type of types) expect(['doc', 'paragraph', 'heading', 'text', 'mark:link', 'mark:bold', 'mark:italic'], type).toContain(type);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);
  const { slug } = await storedArticle(articleId);
  // Markup only: other articles on the page (related, the author's) may show hostile strings as escaped text.
  const publicHtml = (await (await request.get(`/articles/${slug}`)).text()).replaceAll(REACT_FORM_PLACEHOLDER, '');
  expect(publicHtml).toContain(`Kept paragraph ${id}`);
  for (const forbidden of [/<(iframe|object|embed)\b/i, /<[a-z][^>]*\son[a-z]+\s*=/i, /<[a-z][^>]*\s(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):/i]) {
    expect(publicHtml, String(forbidden)).not.toMatch(forbidden);
  }
  await page.goto(`/articles/${slug}`);
  expect(await injectedElements(page)).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a 10 MB body is refused with a clear message before it is sent; the text stays and the last saved version is intact', async ({ page }) => {
  const id = tag();
  await signIn(page, editor.email, editor.password);
  const articleId = await startArticle(page, `Too long ${id}`);
  const before = await storedArticle(articleId);

  const paragraph = `${'A sentence of the very long report. '.repeat(27)}${id}`;
  const tenMegabytes = Array.from({ length: Math.ceil(10_000_000 / paragraph.length) }, () => paragraph).join('\n');
  await body(page).click();
  await page.keyboard.press('Control+End');
  await paste(body(page), { 'text/plain': tenMegabytes });
  await expect(saveStatus(page)).toHaveText(/^Not saved: The article is too long to save/, { timeout: 60_000 });
  await expect(page.getByText(/The article is too long to save/).first()).toBeVisible();
  await expect(saveStatus(page)).not.toHaveText(/connection lost/);

  // Nothing lost: the text is still in the editor, the saved version untouched.
  const shownLength = await body(page).evaluate((element) => element.textContent?.length ?? 0);
  expect(shownLength).toBeGreaterThan(9_900_000);
  const after = await storedArticle(articleId);
  expect(after.version).toBe(before.version);
  expect(after.body).toEqual(before.body);
});
