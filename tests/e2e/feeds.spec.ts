import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Parser from 'rss-parser';
import { demoAccounts, demoArticles, demoAuthors, demoTopics } from '../../prisma/demo/content';
import { e2eDatabaseForThisFile } from './support/database';
import { hydrated, NAVIGATION, signIn } from './support/browser';

// Feeds, sitemaps and robots.txt as feed readers and crawlers fetch them from the running server. Other specs
// publish on this server too, so assertions name this file's own article and the demo content, never totals.

test.describe.configure({ mode: 'parallel', timeout: 120_000 });

type Item = { creators?: string[]; 'content:encoded'?: string; author?: string };
const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
// rss-parser keeps a <category> with attributes as the XML object it parsed.
const categoryNames = (item: Parser.Item) => (item.categories as unknown as (string | { _: string })[]).map((category) => (typeof category === 'string' ? category : category._));
const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const db = e2eDatabaseForThisFile();

const visibleDemo = demoArticles.filter((article) => article.status === 'PUBLISHED');
const author = demoAuthors.find((candidate) => candidate.slug === 'haruka-ishida')!;
const topic = demoTopics.find((candidate) => candidate.slug === 'east-asia')!;
const titlesOf = (slugs: { authors?: string; topics?: string }) =>
  visibleDemo.filter((article) => (!slugs.authors || article.authors.includes(slugs.authors)) && (!slugs.topics || article.topics.includes(slugs.topics))).map((article) => article.title);
const hiddenDemoTitles = demoArticles.filter((article) => article.status !== 'PUBLISHED').map((article) => article.title);

async function fetchFeed(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toBe(contentType);
  expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=1, must-revalidate');
  expect(response.headers()['etag']).toMatch(/^"[\w-]+"$/);
  return parser.parseString(await response.text());
}

function expectEveryRssField(items: Parser.Item[] & Item[], baseURL: string) {
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(50);
  for (const item of items) {
    expect(item.title).toBeTruthy();
    expect(item.link?.startsWith(`${baseURL}/articles/`)).toBe(true);
    expect(item.guid).toMatch(/^urn:dispatch:article:\w+$/);
    expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
    expect(item.creators?.length).toBeGreaterThan(0);
    expect(item['content:encoded']).toBeTruthy();
    expect(item.content).toBeTruthy();
  }
}

test('the site RSS and Atom feeds list the published demo articles with every field', async ({ request, baseURL }) => {
  const rss = await fetchFeed(request, '/feed.xml', 'application/rss+xml; charset=utf-8');
  expect(rss.link).toBe(`${baseURL}/`);
  expectEveryRssField(rss.items, baseURL!);
  const titles = rss.items.map((item) => item.title);
  expect(titles).toEqual(expect.arrayContaining(titlesOf({}).slice(-5)));
  for (const hidden of hiddenDemoTitles) expect(titles).not.toContain(hidden);

  const atom = await fetchFeed(request, '/atom.xml', 'application/atom+xml; charset=utf-8');
  expect(atom.items.length).toBeLessThanOrEqual(50);
  for (const entry of atom.items) {
    expect(entry.title).toBeTruthy();
    expect(entry.link?.startsWith(`${baseURL}/articles/`)).toBe(true);
    expect(Number.isNaN(Date.parse(entry.pubDate ?? ''))).toBe(false);
    expect(entry.author).toBeTruthy();
    expect(entry.content).toBeTruthy();
  }
});

test('an author and a topic have feeds of their own, and unknown ones are not found', async ({ request, baseURL }) => {
  const byAuthor = await fetchFeed(request, `/authors/${author.slug}/feed.xml`, 'application/rss+xml; charset=utf-8');
  expect(byAuthor.title).toContain(author.name);
  expect(byAuthor.link).toBe(`${baseURL}/authors/${author.slug}`);
  expectEveryRssField(byAuthor.items, baseURL!);
  expect(byAuthor.items.map((item) => item.title)).toEqual(expect.arrayContaining(titlesOf({ authors: author.slug })));
  for (const item of byAuthor.items) expect(item.creators).toContain(author.name);

  const onTopic = await fetchFeed(request, `/topics/${topic.slug}/feed.xml`, 'application/rss+xml; charset=utf-8');
  expect(onTopic.title).toContain(topic.name);
  expectEveryRssField(onTopic.items, baseURL!);
  expect(onTopic.items.map((item) => item.title)).toEqual(expect.arrayContaining(titlesOf({ topics: topic.slug })));
  for (const item of onTopic.items) expect(categoryNames(item)).toContain(topic.name);

  for (const path of ['/authors/no-such-author-anywhere/feed.xml', '/topics/no-such-topic-anywhere/feed.xml', '/sitemaps/articles-9999.xml']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('pages announce their feeds to feed readers', async ({ page, baseURL }) => {
  const rssLinks = (target: Page) => target.locator('link[rel="alternate"][type="application/rss+xml"]');
  await page.goto('/');
  await expect(rssLinks(page).first()).toHaveAttribute('href', `${baseURL}/feed.xml`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}/atom.xml`);

  await page.goto(`/authors/${author.slug}`);
  await expect(rssLinks(page)).toHaveCount(2);
  await expect(rssLinks(page).first()).toHaveAttribute('href', `${baseURL}/authors/${author.slug}/feed.xml`);
  await expect(rssLinks(page).first()).toHaveAttribute('title', new RegExp(author.name));
  await expect(rssLinks(page).last()).toHaveAttribute('href', `${baseURL}/feed.xml`);
});

test('the sitemap, the news sitemap and robots.txt guide crawlers', async ({ request, baseURL }) => {
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const xml = await sitemap.text();
  for (const path of ['/', '/articles', '/authors', `/authors/${author.slug}`, `/topics/${topic.slug}`]) expect(xml).toContain(`<loc>${baseURL}${path}</loc>`);
  for (const article of visibleDemo.filter((candidate) => candidate.republication?.canonicalPolicy !== 'ORIGINAL')) {
    expect(xml).toMatch(new RegExp(`<loc>${baseURL}/articles/${article.slug}</loc><lastmod>[^<]+</lastmod>`));
  }
  for (const article of demoArticles.filter((candidate) => candidate.status !== 'PUBLISHED' || candidate.republication?.canonicalPolicy === 'ORIGINAL')) {
    expect(xml).not.toContain(`/articles/${article.slug}<`);
  }

  const news = await request.get('/news-sitemap.xml');
  expect(news.headers()['content-type']).toBe('application/xml; charset=utf-8');
  expect(await news.text()).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  for (const path of ['/editor', '/profile', '/preview', '/login', '/api/']) expect(robots).toMatch(new RegExp(`^Disallow: ${path}$`, 'm'));
});

test("the site's feed lists a newly published article within a second of publishing, and its corrected text after an update", async ({ page, request, baseURL }) => {
  const tag = crypto.randomBytes(4).toString('hex');
  const byline = { id: `e2efeeds${tag}`, slug: `e2e-feeds-${tag}`, name: `Feed Tester ${tag}` };
  await db().query(`INSERT INTO "Author" ("id", "slug", "name", "sortName", "updatedAt") VALUES ($1, $2, $3, $3, now())`, [byline.id, byline.slug, byline.name]);
  const title = `Subscribers hear first ${tag}`;
  const paragraph = `Feed readers get the whole text ${tag}.`;

  await signIn(page, editor.email, editor.password);
  await page.goto('/editor/articles/new');
  await hydrated(page.getByLabel('Title', { exact: true }));
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill(`A lead for feed readers ${tag}.`);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(paragraph);
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: byline.name });
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved at /, NAVIGATION);
  await hydrated(page.getByRole('button', { name: 'Publish', exact: true }));
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);

  const listed = async () => (await parser.parseString(await (await request.get('/feed.xml')).text())).items.find((item) => item.title === title);
  await expect.poll(async () => Boolean(await listed()), { timeout: 2_000, intervals: [100] }).toBe(true);
  const item = (await listed())!;
  expect(item.creators).toEqual([byline.name]);
  expect(item['content:encoded']).toContain(paragraph);
  expect(item.link?.startsWith(`${baseURL}/articles/`)).toBe(true);

  const ownFeed = await fetchFeed(request, `/authors/${byline.slug}/feed.xml`, 'application/rss+xml; charset=utf-8');
  expect(ownFeed.items.map((entry) => entry.title)).toEqual([title]);
  await expect.poll(async () => (await request.get('/news-sitemap.xml')).text(), { timeout: 2_000, intervals: [100] }).toContain(`<news:title>${title}</news:title>`);

  // A correction to the body reaches feed readers too: the item's kept rendering belongs to the old version.
  const correction = `Corrected: the figures were revised ${tag}.`;
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(correction);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved at /, NAVIGATION);
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(page.getByText('Update published.')).toBeVisible(NAVIGATION);
  await expect.poll(async () => (await listed())?.['content:encoded'] ?? '', { timeout: 2_000, intervals: [100] }).toContain(correction);
  expect((await listed())?.['content:encoded']).toContain(paragraph);
});
