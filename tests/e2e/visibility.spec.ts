import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoArticles, demoAuthors, demoTopics, type DemoArticle } from '../../prisma/demo/content';

// What readers must never see (drafts, pieces in review, scheduled pieces before their time, archived pieces),
// what malformed or unknown addresses answer, and how the article list pages and filters.

// Every test opens its own pages and only reads, so they can share the two workers.
test.describe.configure({ mode: 'parallel' });

const ARTICLES_PER_PAGE = 12;
const now = Date.now();

function isVisible(article: DemoArticle): boolean {
  return article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now;
}

function time(article: DemoArticle): number {
  return typeof article.publishedAt === 'string' ? Date.parse(article.publishedAt) : 0;
}

const visibleArticles = demoArticles.filter(isVisible).sort((a, b) => time(b) - time(a));
const hiddenArticles = demoArticles.filter((article) => !isVisible(article));

const draft = demoArticles.find((article) => article.status === 'DRAFT');
const inReview = demoArticles.find((article) => article.status === 'IN_REVIEW');
const scheduled = demoArticles.find(
  (article) => article.status === 'SCHEDULED' && typeof article.publishedAt === 'object' && article.publishedAt !== null && article.publishedAt.daysAfterLoad > 0,
);
const archived = demoArticles.find((article) => article.status === 'ARCHIVED');

/** Words that appear only in the bodies of hidden articles: the draft's and the scheduled piece's. */
const secretWords = ['zephyrine', 'quillwort'];

function bodyText(article: DemoArticle): string {
  return JSON.stringify(article.body);
}

/** The article headings of the list in <main> (cards are h2 on /articles, h3 elsewhere). */
async function listedTitles(page: Page, level: 2 | 3): Promise<string[]> {
  return (await page.getByRole('main').getByRole('article').getByRole('heading', { level }).allTextContents()).map((text) => text.trim());
}

async function expectNoHiddenArticles(page: Page, where: string): Promise<void> {
  const main = page.getByRole('main');
  for (const article of hiddenArticles) {
    await expect(main.getByText(article.title, { exact: true }), `"${article.title}" (${article.status}) must not appear on ${where}`).toHaveCount(0);
    await expect(page.getByRole('link', { name: article.title, exact: true })).toHaveCount(0);
  }
  const html = await page.content();
  for (const word of secretWords) {
    expect(html.toLowerCase(), `the hidden word "${word}" leaked into ${where}`).not.toContain(word);
  }
}

async function expectNotFoundOrRedirect(request: APIRequestContext, url: string, label = url): Promise<void> {
  const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const status = response.status();
  expect(status, `${label} must never answer a server error`).toBeLessThan(500);
  if (status >= 300 && status < 400) {
    const location = response.headers()['location'];
    expect(location, `${label} redirects somewhere`).toBeTruthy();
    const target = new URL(location!, url);
    const base = new URL(url);
    expect(target.origin, `${label} redirects within the site`).toBe(base.origin);
    const followed = await request.get(target.toString(), { failOnStatusCode: false });
    expect(followed.status(), `${label} redirects to ${target} which must be a real page`).toBe(200);
  } else {
    expect(status, `${label} answers 404`).toBe(404);
  }
}

test.describe('what readers must not see', () => {
  test('the demo has one hidden article of each kind', () => {
    expect(draft, 'a DRAFT').toBeDefined();
    expect(inReview, 'an IN_REVIEW article').toBeDefined();
    expect(scheduled, 'a SCHEDULED article in the future').toBeDefined();
    expect(archived, 'an ARCHIVED article').toBeDefined();
    expect(bodyText(draft!)).toContain('zephyrine');
    expect(bodyText(scheduled!)).toContain('quillwort');
  });

  for (const [kind, pick] of [
    ['draft', () => draft],
    ['in-review', () => inReview],
    ['scheduled-for-later', () => scheduled],
    ['archived', () => archived],
  ] as const) {
    test(`a ${kind} article answers 404 by its URL`, async ({ page, request }) => {
      const article = pick()!;
      const raw = await request.get(`/articles/${article.slug}`, { maxRedirects: 0, failOnStatusCode: false });
      expect(raw.status()).toBe(404);
      const html = await raw.text();
      expect(html).not.toContain(article.lead);
      for (const word of secretWords) expect(html.toLowerCase()).not.toContain(word);

      const response = await page.goto(`/articles/${article.slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page.getByText(article.title, { exact: true })).toHaveCount(0);
      await expect(page.getByText(article.lead, { exact: true })).toHaveCount(0);
    });
  }

  test('hidden articles are absent from the home page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Lead story', exact: true })).toBeVisible();
    await expectNoHiddenArticles(page, 'the home page');
  });

  test('hidden articles are absent from every page of /articles', async ({ page }) => {
    const pageCount = Math.max(1, Math.ceil(visibleArticles.length / ARTICLES_PER_PAGE));
    for (let number = 1; number <= pageCount; number += 1) {
      const response = await page.goto(number === 1 ? '/articles' : `/articles?page=${number}`);
      expect(response?.status()).toBe(200);
      await expectNoHiddenArticles(page, `/articles page ${number}`);
    }
    await expect(page.getByText(`${visibleArticles.length} articles`, { exact: true })).toBeVisible();
  });

  test('hidden articles are absent from the pages of their authors', async ({ page }) => {
    const authors = [...new Set(hiddenArticles.flatMap((article) => article.authors))];
    expect(authors.length).toBeGreaterThan(0);
    for (const slug of authors) {
      const author = demoAuthors.find((candidate) => candidate.slug === slug)!;
      const response = await page.goto(`/authors/${slug}`);
      expect(response?.status()).toBe(200);
      const expected = visibleArticles.filter((article) => article.authors.includes(slug)).map((article) => article.title);
      await expect(page.getByRole('region', { name: `Articles by ${author.name}`, exact: true }).getByRole('heading', { level: 3 })).toHaveText(
        expected.slice(0, ARTICLES_PER_PAGE),
      );
      await expectNoHiddenArticles(page, `the author page of ${author.name}`);
    }
  });

  test('hidden articles are absent from the pages of their topics', async ({ page }) => {
    const topics = [...new Set(hiddenArticles.flatMap((article) => article.topics))];
    expect(topics.length).toBeGreaterThan(0);
    for (const slug of topics) {
      const topic = demoTopics.find((candidate) => candidate.slug === slug)!;
      const response = await page.goto(`/topics/${slug}`);
      expect(response?.status()).toBe(200);
      const expected = visibleArticles.filter((article) => article.topics.includes(slug)).map((article) => article.title);
      await expect(page.getByRole('region', { name: 'Articles', exact: true }).getByRole('heading', { level: 3 })).toHaveText(
        expected.slice(0, ARTICLES_PER_PAGE),
      );
      await expectNoHiddenArticles(page, `the topic page of ${topic.name}`);
    }
  });

  test('hidden articles are absent from the related articles of visible ones', async ({ page }) => {
    // The visible articles that share a topic or an author with a hidden one are where a leak would show.
    const neighbours = visibleArticles.filter((article) =>
      hiddenArticles.some(
        (hidden) => hidden.topics.some((topic) => article.topics.includes(topic)) || hidden.authors.some((author) => article.authors.includes(author)),
      ),
    );
    for (const article of neighbours.slice(0, 4)) {
      await page.goto(`/articles/${article.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      await expectNoHiddenArticles(page, `the article ${article.slug}`);
    }
  });
});

test.describe('unknown and malformed addresses', () => {
  const longSlug = 'a'.repeat(2000);
  const cases: [label: string, path: string][] = [
    ['an unknown article slug', '/articles/no-such-article-here'],
    ['an unknown article slug in capitals', '/articles/The-Middle-Corridor'],
    ['a 2000-character article slug', `/articles/${longSlug}`],
    ['an encoded slash in an article slug', '/articles/a%2Fb'],
    ['a double slash', '//'],
    ['page 0 of /articles', '/articles?page=0'],
    ['a non-numeric page of /articles', '/articles?page=abc'],
    ['a page far beyond the last', '/articles?page=99999'],
    ['a negative page', '/articles?page=-1'],
    ['a fractional page', '/articles?page=1.5'],
    ['a repeated page parameter', '/articles?page=1&page=2'],
    ['an unknown author', '/authors/unknown'],
    ['a 2000-character author slug', `/authors/${longSlug}`],
    ['an unknown topic', '/topics/unknown'],
    ['a page beyond the last of a topic', '/topics/energy?page=99999'],
    ['a non-numeric page of an author', '/authors/aigerim-sadykova?page=abc'],
    ['an unknown path', '/no-such-section/anything'],
  ];

  for (const [label, path] of cases) {
    test(`${label} (${path.length > 60 ? `${path.slice(0, 40)}…` : path}) answers 404 or redirects to a real page`, async ({ request, baseURL }) => {
      // Built by hand: `//` resolved against the base URL would turn into a protocol-relative address.
      const origin = new URL(baseURL!).origin;
      await expectNotFoundOrRedirect(request, `${origin}${path}`, label);
    });
  }

  // Malformed percent-encoding is a client error: 400 or 404, never a 500.
  for (const path of ['/articles/%E0%A4%A', '/authors/%ZZ', '/topics/%']) {
    test(`malformed percent-encoding (${path}) is a client error, not a server error`, async ({ request, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const response = await request.get(`${origin}${path}`, { maxRedirects: 0, failOnStatusCode: false });
      expect([400, 404], `${path} answered ${response.status()}`).toContain(response.status());
    });
  }

  test('the 404 page helps the reader on', async ({ page }) => {
    const response = await page.goto('/articles/no-such-article-here');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('main').getByRole('link', { name: 'All articles', exact: true }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All articles');
  });
});

test.describe('the article list', () => {
  test('pages through every published article, newest first', async ({ page }) => {
    expect(visibleArticles.length, 'the demo has more than one page of articles').toBeGreaterThan(ARTICLES_PER_PAGE);
    const pageCount = Math.ceil(visibleArticles.length / ARTICLES_PER_PAGE);

    await page.goto('/articles');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All articles');
    await expect(page.getByText(`${visibleArticles.length} articles`, { exact: true })).toBeVisible();

    const seen: string[] = [];
    for (let number = 1; number <= pageCount; number += 1) {
      const pagination = page.getByRole('navigation', { name: 'Pagination' });
      await expect(pagination.getByText(`Page ${number} of ${pageCount}`, { exact: true })).toBeVisible();
      const expected = visibleArticles.slice((number - 1) * ARTICLES_PER_PAGE, number * ARTICLES_PER_PAGE).map((article) => article.title);
      await expect(page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 })).toHaveText(expected);
      seen.push(...(await listedTitles(page, 2)));

      await expect(pagination.getByRole('link', { name: '← Newer' })).toHaveCount(number > 1 ? 1 : 0);
      const older = pagination.getByRole('link', { name: 'Older →' });
      if (number < pageCount) {
        await older.click();
        await expect(page).toHaveURL(new RegExp(`/articles\\?page=${number + 1}$`));
      } else {
        await expect(older).toHaveCount(0);
      }
    }
    expect(seen).toEqual(visibleArticles.map((article) => article.title));

    // And back again.
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: '← Newer' }).click();
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByText(`Page ${pageCount - 1} of ${pageCount}`, { exact: true })).toBeVisible();

    // One past the last page does not exist.
    const beyond = await page.goto(`/articles?page=${pageCount + 1}`);
    expect(beyond?.status()).toBe(404);
  });

  test('the topic filter narrows the list to that topic', async ({ page }) => {
    // A topic that has both visible and hidden articles, so the filter is also checked for leaks.
    const topic =
      demoTopics.find(
        (candidate) =>
          visibleArticles.some((article) => article.topics.includes(candidate.slug)) &&
          hiddenArticles.some((article) => article.topics.includes(candidate.slug)),
      ) ?? demoTopics[0]!;
    const expected = visibleArticles.filter((article) => article.topics.includes(topic.slug));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(visibleArticles.length);

    await page.goto('/articles');
    await page.getByRole('combobox', { name: 'Topic', exact: true }).selectOption({ label: topic.name });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/articles\\?topic=${topic.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Articles on ${topic.name}`);
    await expect(page.getByRole('combobox', { name: 'Topic', exact: true })).toHaveValue(topic.slug);
    await expect(page.getByText(`${expected.length} articles`, { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 })).toHaveText(
      expected.slice(0, ARTICLES_PER_PAGE).map((article) => article.title),
    );
    await expectNoHiddenArticles(page, `/articles?topic=${topic.slug}`);

    // Back to all topics.
    await page.getByRole('combobox', { name: 'Topic', exact: true }).selectOption({ label: 'All topics' });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All articles');
    await expect(page.getByText(`${visibleArticles.length} articles`, { exact: true })).toBeVisible();
  });
});
