import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors } from '../../prisma/demo/content';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { e2eDatabaseForThisFile } from './support/database';

// The newsroom dashboard at /editor: status tabs with counts, filters, bulk actions and what a fellow sees.
// Filtering only reads the demo content; every bulk action works on articles this file inserts for itself
// (under an author profile of its own), because the other worker's specs read the demo articles meanwhile.

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const fellow = demoAccounts.find((account) => account.role === 'FELLOW')!;
const fellowAuthor = demoAuthors.find((author) => author.slug === fellow.authorSlug)!;
const demoDraft = demoArticles.find((article) => article.status === 'DRAFT')!;
const demoPublished = demoArticles.find((article) => article.status === 'PUBLISHED')!;
const caspianTitles = demoArticles.filter((article) => article.title.includes('Caspian')).map((article) => article.title);
const notFellows = demoArticles.find((article) => !article.authors.includes(fellowAuthor.slug))!;


// ---------------------------------------------------------------------------------------------------------
// Database helpers (this file's own articles)

const db = e2eDatabaseForThisFile();

type OwnArticle = { id: string; slug: string; title: string };
type OwnArticles = { tag: string; authorSlug: string; articles: OwnArticle[] };

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * Articles of an author profile created for the calling test. Published ones are dated in 2001, so while they
 * exist they sit at the very end of the public lists, out of the way of the reading specs.
 */
async function createOwnArticles(specs: { label: string; status: 'DRAFT' | 'PUBLISHED'; lead: string }[]): Promise<OwnArticles> {
  const tag = crypto.randomBytes(5).toString('hex');
  const author = { id: `e2edash${tag}`, slug: `e2e-dashboard-${tag}`, name: `E2E Dashboard ${tag}` };
  await db().query(`INSERT INTO "Author" ("id", "slug", "name", "sortName", "updatedAt") VALUES ($1, $2, $3, $3, now())`, [author.id, author.slug, author.name]);
  const articles: OwnArticle[] = [];
  for (const [index, spec] of specs.entries()) {
    const article = { id: `e2edash${tag}${index}`, slug: `e2e-dashboard-${tag}-${index}`, title: `E2E dashboard ${tag} ${spec.label}` };
    await db().query(
      `INSERT INTO "Article" ("id", "slug", "status", "title", "lead", "body", "bodyText", "publishedAt", "firstPublishedAt", "updatedAt")
       VALUES ($1, $2, $3::"ArticleStatus", $4, $5, $6, $7, $8, $8, now())`,
      [article.id, article.slug, spec.status, article.title, spec.lead, paragraph('Written by the dashboard spec.'), 'Written by the dashboard spec.', spec.status === 'PUBLISHED' ? new Date(Date.UTC(2001, 0, 1 + index)) : null],
    );
    await db().query(`INSERT INTO "ArticleAuthor" ("articleId", "authorId", "position") VALUES ($1, $2, 0)`, [article.id, author.id]);
    articles.push(article);
  }
  return { tag, authorSlug: author.slug, articles };
}

/** Takes whatever a failed test left public off the public site again. */
async function archiveOwnArticles(own: OwnArticles): Promise<void> {
  await db().query(`UPDATE "Article" SET "status" = 'ARCHIVED', "updatedAt" = now() WHERE "id" = ANY($1::text[])`, [own.articles.map((article) => article.id)]);
}

async function statusOf(article: OwnArticle): Promise<string> {
  const { rows } = await db().query<{ status: string }>(`SELECT "status" FROM "Article" WHERE "id" = $1`, [article.id]);
  return rows[0]!.status;
}

// ---------------------------------------------------------------------------------------------------------
// Browser helpers

const statusTabs = (page: Page) => page.getByRole('navigation', { name: 'Articles by status', exact: true });
const table = (page: Page) => page.getByRole('main').getByRole('table');
const titleCell = (page: Page, title: string) => table(page).getByRole('cell', { name: title, exact: true });
const rowOf = (page: Page, title: string) => table(page).getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const bodyRows = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('cell') });

// ---------------------------------------------------------------------------------------------------------

test('an editor narrows the dashboard by status tab, title search and author', async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New article', exact: true })).toHaveAttribute('href', '/editor/articles/new');
  await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveAttribute('href', '/editor/import');
  await expect(statusTabs(page).getByRole('link', { name: /^All \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await expect(titleCell(page, demoPublished.title)).toBeVisible();
  await expect(rowOf(page, demoPublished.title).getByRole('link', { name: demoPublished.title })).toHaveAttribute('href', /^\/editor\/articles\/\w+$/);

  // The Draft tab: only drafts, the tab marked as the current one.
  await statusTabs(page).getByRole('link', { name: /^Draft \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/editor\?status=DRAFT$/, NAVIGATION);
  await expect(statusTabs(page).getByRole('link', { name: /^Draft \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await expect(statusTabs(page).getByRole('link', { name: /^All \(\d+\)$/ })).not.toHaveAttribute('aria-current');
  await expect(titleCell(page, demoDraft.title)).toBeVisible();
  await expect(titleCell(page, demoPublished.title)).toHaveCount(0);
  for (const row of await bodyRows(page).all()) await expect(row.getByRole('cell').nth(2)).toHaveText('Draft');

  // Searching keeps the tab: no draft is about the Caspian.
  await page.getByLabel('Search titles', { exact: true }).fill('  caspian ');
  await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
  // A GET form: the tab rides along in a hidden field, unused selects as empty parameters.
  await expect(page).toHaveURL(/\/editor\?status=DRAFT&q=\++caspian\+&/, NAVIGATION);
  await expect(page.getByText('No articles match these filters.', { exact: true })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  // All statuses, same search: every Caspian title, whatever its status, and nothing else.
  await statusTabs(page).getByRole('link', { name: /^All \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/editor\?q=caspian$/, NAVIGATION);
  await expect(page.getByLabel('Search titles', { exact: true })).toHaveValue('caspian');
  expect(caspianTitles.length).toBeGreaterThan(1);
  for (const title of caspianTitles) await expect(titleCell(page, title)).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(caspianTitles.length);

  // By author: every row has the author among its authors.
  await page.getByLabel('Search titles', { exact: true }).fill('');
  await page.getByLabel('Author', { exact: true }).selectOption({ label: fellowAuthor.name });
  await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
  await expect(page).toHaveURL(/\/editor\?q=&authorId=\w+&/, NAVIGATION);
  await expect(bodyRows(page)).not.toHaveCount(0);
  for (const row of await bodyRows(page).all()) await expect(row.getByRole('cell').nth(3)).toContainText(fellowAuthor.name);
  await page.getByRole('link', { name: 'Clear filters', exact: true }).click();
  await expect(page).toHaveURL(/\/editor$/, NAVIGATION);
});

test('filtering works without JavaScript', async ({ page, browser }) => {
  await signIn(page, editor.email, editor.password);
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto('/editor');
    await plain.getByLabel('Search titles', { exact: true }).fill('caspian');
    await plain.getByLabel('Sort', { exact: true }).selectOption({ label: 'Least recently updated first' });
    await plain.getByRole('button', { name: 'Apply filters', exact: true }).click();
    await expect(plain).toHaveURL(/\/editor\?q=caspian&.*sort=updated-asc$/, NAVIGATION);
    for (const title of caspianTitles) await expect(titleCell(plain, title)).toBeVisible();
    await expect(bodyRows(plain)).toHaveCount(caspianTitles.length);
  } finally {
    await noScript.close();
  }
});

test('an editor unpublishes two selected articles and readers no longer find them', async ({ page, request }) => {
  await signIn(page, editor.email, editor.password);
  const own = await createOwnArticles([
    { label: 'first', status: 'PUBLISHED', lead: 'A lead.' },
    { label: 'second', status: 'PUBLISHED', lead: 'A lead.' },
  ]);
  try {
    const publicList = `/articles?author=${own.authorSlug}`;
    const listed = async () => (await (await request.get(publicList)).text());
    for (const article of own.articles) {
      expect(await listed()).toContain(article.title);
      expect((await request.get(`/articles/${article.slug}`)).status()).toBe(200);
    }

    await page.goto(`/editor?q=${encodeURIComponent(`E2E dashboard ${own.tag}`)}`);
    await expect(bodyRows(page)).toHaveCount(2);
    for (const article of own.articles) {
      await expect(rowOf(page, article.title).getByRole('cell').nth(2)).toHaveText('Published');
      await (await hydrated(page.getByRole('checkbox', { name: `Select ${article.title}`, exact: true }))).check();
    }
    await expect(page.getByRole('checkbox', { name: 'Select all', exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();

    await expect(page.getByRole('status')).toHaveText('Unpublished 2 articles.', NAVIGATION);
    for (const article of own.articles) {
      await expect(rowOf(page, article.title).getByRole('cell').nth(2)).toHaveText('Archived');
      await expect(page.getByRole('checkbox', { name: `Select ${article.title}`, exact: true })).not.toBeChecked();
      expect(await statusOf(article)).toBe('ARCHIVED');
    }
    // Gone for readers within a moment (the public pages sit behind a one-second shared cache).
    for (const article of own.articles) {
      await expect.poll(listed, { timeout: 5_000 }).not.toContain(article.title);
      await expect.poll(async () => (await request.get(`/articles/${article.slug}`)).status(), { timeout: 5_000 }).toBe(404);
    }
  } finally {
    await archiveOwnArticles(own);
  }
});

test('bulk publishing a draft that is not ready reports the refusal and changes nothing', async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  const own = await createOwnArticles([{ label: 'without a lead', status: 'DRAFT', lead: '' }]);
  const [draft] = own.articles;
  try {
    await page.goto(`/editor?status=DRAFT&q=${encodeURIComponent(draft!.title)}`);
    await expect(bodyRows(page)).toHaveCount(1);
    await (await hydrated(page.getByRole('checkbox', { name: 'Select all', exact: true }))).check();
    await expect(page.getByRole('checkbox', { name: `Select ${draft!.title}`, exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();

    await expect(page.getByRole('status')).toHaveText(`Could not publish “${draft!.title}”: The article is not ready: A published article needs a lead.`, NAVIGATION);
    await expect(rowOf(page, draft!.title).getByRole('cell').nth(2)).toHaveText('Draft');
    expect(await statusOf(draft!)).toBe('DRAFT');
  } finally {
    await archiveOwnArticles(own);
  }
});

test('a fellow sees only the articles they co-author, and no bulk actions', async ({ page }) => {
  await signIn(page, fellow.email, fellow.password);
  // A fellow lands on their profile; the dashboard is one click away.
  await page.goto('/editor');
  await expect(page.getByRole('heading', { level: 1, name: 'My articles' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New article', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
  for (const name of ['Publish', 'Unpublish', 'Archive']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  await expect(bodyRows(page)).not.toHaveCount(0);
  for (const row of await bodyRows(page).all()) await expect(row.getByRole('cell').nth(2)).toContainText(fellowAuthor.name);
  await expect(titleCell(page, notFellows.title)).toHaveCount(0);

  // Asking for another author's articles by URL shows none of them either.
  const { rows } = await db().query<{ id: string }>(`SELECT "id" FROM "Author" WHERE "slug" = $1`, [notFellows.authors[0]]);
  await page.goto(`/editor?authorId=${rows[0]!.id}&q=${encodeURIComponent(notFellows.title)}`);
  await expect(page.getByText('No articles match these filters.', { exact: true })).toBeVisible();
});
