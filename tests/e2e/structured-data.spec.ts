import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { HtmlValidate, type Report } from 'html-validate';
import { structuredDataTest, type StructuredDataFailure, type StructuredDataResult, type StructuredDataTestCase } from 'structured-data-testing-tool';
import sdttPresets from 'structured-data-testing-tool/presets.js';
import { demoArticles, demoAuthors, demoTopics, featuredArticleSlug, type DemoArticle } from '../../prisma/demo/content';
import { NAVIGATION } from './support/browser';
import { e2eDatabaseForThisFile } from './support/database';

// What search engines, social networks and citation managers read from the public pages: JSON-LD checked with
// structured-data-testing-tool (Google preset), valid HTML on every public page type (html-validate), canonical,
// hreflang, Open Graph and Twitter tags, the generated sharing image, "How to cite" and the print stylesheet.
// Only reads the demo content, except the hreflang test, which inserts its own pair of articles dated 2001.

test.describe.configure({ mode: 'parallel' });

const now = Date.now();
const isVisible = (article: DemoArticle) => article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo content has no ${what}`);
  return value;
}

const featured = required(demoArticles.find((article) => article.slug === featuredArticleSlug), 'featured article');
const republished = required(demoArticles.find((article) => article.republication?.canonicalPolicy === 'ORIGINAL' && isVisible(article)), 'republication canonical to its original');
const russian = required(demoArticles.find((article) => article.language === 'ru' && isVisible(article)), 'visible Russian article');
// Not the demo fellow, whose profile other specs edit while this one runs.
const author = required(demoAuthors.find((candidate) => candidate.hasPhoto && candidate.website && candidate.slug !== 'aigerim-sadykova'), 'author with a photo and a website');
const topic = required(demoTopics.find((candidate) => demoArticles.some((article) => isVisible(article) && article.topics.includes(candidate.slug))), 'topic with articles');
const demoAuthorName = (slug: string) => required(demoAuthors.find((candidate) => candidate.slug === slug), `author ${slug}`).name;

const db = e2eDatabaseForThisFile();

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function fetchHtml(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), `${path} status`).toBe(status);
  expect(response.headers()['content-type']).toContain('text/html');
  return response.text();
}

/** The tool's result whether every test passed (it resolves) or some failed (it rejects with the result). */
async function testStructuredData(html: string, options: Parameters<typeof structuredDataTest>[1]): Promise<StructuredDataResult> {
  try {
    return await structuredDataTest(html, options);
  } catch (error) {
    const failure = error as StructuredDataFailure;
    if (failure.type === 'VALIDATION_FAILED' && failure.res) return failure.res;
    throw error;
  }
}

const describeTests = (tests: StructuredDataTestCase[]) => tests.map((entry) => `${entry.test}: ${entry.error?.message ?? 'failed'}`);

function expectStructuredDataValid(result: StructuredDataResult, where: string): void {
  expect(result.passed.length, `${where}: tests run`).toBeGreaterThan(0);
  expect(describeTests(result.failed), `${where}: failed structured-data tests`).toEqual([]);
  expect(describeTests(result.warnings), `${where}: structured-data warnings`).toEqual([]);
}

type JsonLdObject = Record<string, unknown> & { '@type': string };

async function jsonLdOf(page: Page): Promise<JsonLdObject[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((text) => JSON.parse(text) as JsonLdObject);
}

function ofType<T = JsonLdObject>(objects: JsonLdObject[], type: string): T {
  const found = objects.filter((object) => object['@type'] === type);
  expect(found, `one ${type} in the page's JSON-LD`).toHaveLength(1);
  return found[0] as T;
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

async function metaContent(page: Page, selector: string): Promise<string> {
  const content = await page.locator(`head ${selector}`).first().getAttribute('content');
  expect(content, `${selector} in <head>`).toBeTruthy();
  return content ?? '';
}

// ---------------------------------------------------------------------------------------------------------
// JSON-LD

test.describe('JSON-LD', () => {
  test(`an article's NewsArticle and BreadcrumbList pass the Google preset`, async ({ request, page }) => {
    const path = `/articles/${featured.slug}`;
    const result = await testStructuredData(await fetchHtml(request, path), {
      presets: [sdttPresets.Google],
      schemas: ['jsonld:NewsArticle', 'jsonld:BreadcrumbList'],
      tests: [
        { test: 'NewsArticle[*].headline', expect: featured.title, type: 'jsonld' },
        { test: 'NewsArticle[*].author[*].url', type: 'jsonld' },
        { test: 'NewsArticle[*].mainEntityOfPage', type: 'jsonld' },
        { test: 'BreadcrumbList[*].itemListElement', type: 'jsonld' },
      ],
    });
    expectStructuredDataValid(result, path);

    await page.goto(path);
    const objects = await jsonLdOf(page);
    const article = ofType<{ author: { name: string; url: string }[]; image: (string | { url: string })[]; publisher: { logo: { url: string } }; datePublished: string }>(objects, 'NewsArticle');
    expect(article.author.map((person) => [person.name, pathOf(person.url)])).toEqual(featured.authors.map((slug) => [demoAuthorName(slug), `/authors/${slug}`]));
    expect(Date.parse(article.datePublished)).toBe(Date.parse(featured.publishedAt as string));
    // The generated sharing image stands in for a cover image, and is the one the og:image tag names.
    const ogImage = await metaContent(page, 'meta[property="og:image"]');
    expect(article.image.map((image) => pathOf(typeof image === 'string' ? image : image.url))).toContain(new URL(ogImage).pathname);
    const logo = await request.get(pathOf(article.publisher.logo.url));
    expect(logo.status()).toBe(200);
    expect(logo.headers()['content-type']).toBe('image/png');

    const breadcrumb = ofType<{ itemListElement: { position: number; item: string }[] }>(objects, 'BreadcrumbList');
    expect(breadcrumb.itemListElement.map((crumb) => crumb.position)).toEqual([1, 2, 3]);
    expect(pathOf(breadcrumb.itemListElement.at(-1)!.item)).toBe(path);
  });

  test('a republication names its original in isBasedOn', async ({ request }) => {
    const path = `/articles/${republished.slug}`;
    const result = await testStructuredData(await fetchHtml(request, path), {
      presets: [sdttPresets.Google],
      schemas: ['jsonld:NewsArticle'],
      tests: [{ test: 'NewsArticle[*].isBasedOn.url', expect: republished.republication!.url, type: 'jsonld' }],
    });
    expectStructuredDataValid(result, path);
  });

  test(`an author's ProfilePage has the author as a Person, and a BreadcrumbList`, async ({ request }) => {
    const path = `/authors/${author.slug}`;
    const result = await testStructuredData(await fetchHtml(request, path), {
      presets: [sdttPresets.Google],
      schemas: ['jsonld:ProfilePage', 'jsonld:BreadcrumbList'],
      tests: [
        { test: 'ProfilePage[*].mainEntity."@type"', expect: 'Person', type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.name', expect: author.name, type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.jobTitle', expect: author.position, type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.homeLocation.name', expect: author.location, type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.knowsAbout[*].name', type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.sameAs[]', expect: new RegExp(author.website!.replace(/[.]/g, '\\.')), type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.image.url', type: 'jsonld' },
        { test: 'ProfilePage[*].mainEntity.url', expect: new RegExp(`/authors/${author.slug}$`), type: 'jsonld' },
      ],
    });
    expectStructuredDataValid(result, path);
  });

  test('a topic page has a BreadcrumbList', async ({ request }) => {
    const path = `/topics/${topic.slug}`;
    const result = await testStructuredData(await fetchHtml(request, path), {
      presets: [sdttPresets.Google],
      schemas: ['jsonld:BreadcrumbList'],
      tests: [{ test: 'BreadcrumbList[*].itemListElement[-1].name', expect: topic.name, type: 'jsonld' }],
    });
    expectStructuredDataValid(result, path);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Valid HTML

// The recommended rules, with the style rules set to the markup React writes and two rules off for choices the
// site makes on purpose.
const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // React writes a few attributes in camelCase (charSet, dateTime, fetchPriority); HTML attribute names ignore case.
    'attr-case': ['error', { style: ['lowercase', 'camelcase'] }],
    // React closes void elements as <meta />.
    'void-style': ['error', { style: 'selfclose' }],
    // React writes boolean and empty attributes as async="" and crossorigin="".
    'attribute-boolean-style': ['error', { style: 'empty' }],
    'attribute-empty-style': ['error', { style: 'empty' }],
    // React's useId gives ids like "_R_"; any id without spaces is valid HTML.
    'valid-id': ['error', { relaxed: true }],
    // Topic lists are named for screen readers (TopicLinks); ARIA allows a name on any list.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // next/image sets color:transparent, and the initials avatar its size; the CSP allows inline styles.
    'no-inline-style': ['error', { allowedProperties: ['color', 'width', 'height', 'font-size'] }],
    // The layout names its landmarks explicitly (header role="banner", footer role="contentinfo").
    'no-redundant-role': 'off',
    // A title is the editors' headline or SEO title; its length is an editorial choice, not an HTML error.
    'long-title': 'off',
  },
});

function describeReport(report: Report): string[] {
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId} at ${message.line}:${message.column} (${message.selector ?? 'document'}): ${message.message}`));
}

const searchRouteExists = fs.existsSync('app/(site)/search/page.tsx');
const validatedPages = [
  { name: 'home page', path: '/' },
  { name: 'article list', path: '/articles' },
  { name: 'article', path: `/articles/${featured.slug}` },
  { name: 'republished article', path: `/articles/${republished.slug}` },
  { name: 'Russian article', path: `/articles/${russian.slug}` },
  { name: 'expert directory', path: '/authors' },
  { name: 'author', path: `/authors/${author.slug}` },
  { name: 'topic', path: `/topics/${topic.slug}` },
  { name: 'unknown page (404)', path: '/no-such-section', status: 404 },
  ...(searchRouteExists ? [{ name: 'search results', path: '/search?q=corridor' }] : []),
];

test.describe('valid HTML (html-validate)', () => {
  for (const target of validatedPages) {
    test(`${target.name} (${target.path})`, async ({ request }) => {
      const html = await fetchHtml(request, target.path, target.status);
      const report = await htmlValidate.validateString(html, target.path);
      expect(describeReport(report), `${target.path}: html-validate`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// Head: canonical, hreflang, Open Graph, Twitter, sharing image

test.describe('metadata', () => {
  test('an article has its canonical URL, Open Graph and Twitter cards and a generated PNG sharing image', async ({ page, request }) => {
    const path = `/articles/${featured.slug}`;
    await page.goto(path);
    expect(pathOf(await page.locator('head link[rel="canonical"]').getAttribute('href') ?? '')).toBe(path);
    expect(await metaContent(page, 'meta[name="description"]')).toBe(featured.lead);
    expect(await metaContent(page, 'meta[property="og:type"]')).toBe('article');
    expect(await metaContent(page, 'meta[property="og:title"]')).toBe(featured.title);
    expect(pathOf(await metaContent(page, 'meta[property="og:url"]'))).toBe(path);
    expect(await metaContent(page, 'meta[property="og:site_name"]')).toBeTruthy();
    expect(Date.parse(await metaContent(page, 'meta[property="article:published_time"]'))).toBe(Date.parse(featured.publishedAt as string));
    expect(await metaContent(page, 'meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await metaContent(page, 'meta[name="twitter:title"]')).toBe(featured.title);
    expect(await metaContent(page, 'meta[property="og:image:width"]')).toBe('1200');

    const ogImage = await metaContent(page, 'meta[property="og:image"]');
    expect(await metaContent(page, 'meta[name="twitter:image"]')).toBe(ogImage);
    const image = await request.get(pathOf(ogImage));
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    const png = await image.body();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'width and height').toEqual([1200, 630]);

    const unknown = await request.get(new URL(ogImage).pathname.replace(featured.slug, 'no-such-article-here'));
    expect(unknown.status()).toBe(404);
  });

  test('a republication is canonical to its original publication', async ({ page }) => {
    await page.goto(`/articles/${republished.slug}`);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', republished.republication!.url);
  });

  test('list, author and topic pages have a description, a canonical URL and Open Graph and Twitter cards', async ({ page }) => {
    for (const path of ['/', '/articles', '/authors', `/authors/${author.slug}`, `/topics/${topic.slug}`]) {
      await page.goto(path);
      expect(pathOf(await page.locator('head link[rel="canonical"]').getAttribute('href') ?? ''), `${path} canonical`).toBe(path);
      for (const selector of ['meta[name="description"]', 'meta[property="og:title"]', 'meta[property="og:url"]', 'meta[property="og:site_name"]', 'meta[name="twitter:card"]']) {
        expect(await metaContent(page, selector), `${path}: ${selector}`).toBeTruthy();
      }
    }
  });

  test('language versions of an article point at each other with hreflang', async ({ page }) => {
    const tag = crypto.randomBytes(5).toString('hex');
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Written by the structured-data spec.' }] }] };
    const english = { id: `e2eseo${tag}en`, slug: `e2e-seo-${tag}-en`, language: 'en', translationOfId: null as string | null };
    const russianVersion = { id: `e2eseo${tag}ru`, slug: `e2e-seo-${tag}-ru`, language: 'ru', translationOfId: english.id };
    try {
      for (const [index, version] of [english, russianVersion].entries()) {
        await db().query(
          `INSERT INTO "Article" ("id", "slug", "status", "title", "body", "bodyText", "language", "translationOfId", "publishedAt", "firstPublishedAt", "updatedAt")
           VALUES ($1, $2, 'PUBLISHED', $3, $4, $5, $6, $7, $8, $8, now())`,
          // Dated 2001, so they sit at the very end of the public lists while they exist.
          [version.id, version.slug, `E2E hreflang ${tag} ${version.language}`, body, 'Written by the structured-data spec.', version.language, version.translationOfId, new Date(Date.UTC(2001, 0, 1 + index))],
        );
      }
      for (const version of [english, russianVersion]) {
        await page.goto(`/articles/${version.slug}`);
        const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) =>
          links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')] as const),
        );
        expect(alternates.map(([language, href]) => [language, href ? pathOf(href) : null]).sort(), `${version.slug} hreflang`).toEqual([
          ['en', `/articles/${english.slug}`],
          ['ru', `/articles/${russianVersion.slug}`],
        ]);
      }
      await page.goto(`/articles/${featured.slug}`);
      await expect(page.locator('head link[rel="alternate"][hreflang]')).toHaveCount(0);
    } finally {
      await db().query(`UPDATE "Article" SET "status" = 'ARCHIVED', "updatedAt" = now() WHERE "id" = ANY($1::text[])`, [[english.id, russianVersion.id]]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// How to cite, and print

test.describe('how to cite', () => {
  test('each style is shown with the permanent URL and date, and its Copy button copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const path = `/articles/${featured.slug}`;
    await page.goto(path);
    const section = page.getByRole('region', { name: 'How to cite' });
    await expect(section).toBeVisible();
    await expect(section).toContainText(`${path}`);
    await expect(section).toContainText('October 14, 2026');
    await expect(section).toContainText('@misc{');

    for (const style of ['Chicago', 'APA', 'BibTeX']) {
      // Its name becomes "Copied … citation" once clicked.
      const button = section.getByRole('button', { name: new RegExp(`^Cop(y|ied) ${style} citation$`) });
      await expect(button).toBeVisible(NAVIGATION);
      await button.click();
      await expect(button).toHaveText(/^Copied/);
      await expect(page.getByRole('status').filter({ hasText: `${style} citation copied` })).toBeAttached();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, `${style} on the clipboard`).toContain(path);
      expect(copied).toContain(style === 'BibTeX' ? `{{${featured.title}}}` : featured.title);
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the citations are plain selectable text, with no buttons that cannot work', async ({ page }) => {
      await page.goto(`/articles/${featured.slug}`);
      const section = page.getByRole('region', { name: 'How to cite' });
      await expect(section).toContainText('Chicago');
      await expect(section).toContainText(`/articles/${featured.slug}`);
      await expect(section.getByRole('button')).toHaveCount(0);
    });
  });

  test('an article prints without navigation, footer, related articles or buttons, with its source address and citation', async ({ page }) => {
    await page.goto(`/articles/${republished.slug}`);
    // Located by CSS rather than by role: hidden elements leave the accessibility tree, and a role query would
    // then find nothing and pass for the wrong reason.
    const screenOnly = [page.locator('header[role="banner"]'), page.locator('footer[role="contentinfo"]'), page.locator('#related-heading'), page.locator('#cite-heading ~ div button').first()];
    for (const element of screenOnly) await expect(element).toBeVisible(NAVIGATION);

    await page.emulateMedia({ media: 'print' });
    for (const element of screenOnly) await expect(element).toBeHidden();
    for (const button of await page.locator('main button').all()) await expect(button).toBeHidden();
    await expect(page.locator('#cite-heading')).toBeVisible();
    const original = page.getByRole('link', { name: republished.republication!.outlet });
    expect(await original.evaluate((link) => getComputedStyle(link, '::after').content)).toContain(republished.republication!.url);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Source Serif 4');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/);
  });
});
