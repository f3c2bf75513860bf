import { expect, test } from '@playwright/test';
import { demoArticles, demoAuthors, demoTopics } from '../../prisma/demo/content';
import { hydrated, NAVIGATION } from './support/browser';

// Reading pages are complete HTML and leave the server without the framework's JavaScript
// (scripts/reading-pages.mjs): a reader's browser fetches and runs only /enhance.js. The newsroom keeps its scripts.

const now = Date.now();
const article = demoArticles.find((candidate) => candidate.status === 'PUBLISHED' && Date.parse(String(candidate.publishedAt)) <= now)!;
const NOT_FOUND = ['/no-such-section', '/articles/no-such-article-here'];
const READING_PAGES = ['/', '/articles', `/articles/${article.slug}`, '/authors', `/authors/${demoAuthors[0]!.slug}`, `/topics/${demoTopics[0]!.slug}`, '/search?q=water', ...NOT_FOUND];

test('reading pages load no script but /enhance.js, and show everything', async ({ page }) => {
  for (const path of READING_PAGES) {
    const scripts: string[] = [];
    const onRequest = (request: { resourceType(): string; url(): string }) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    };
    page.on('request', onRequest);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(NOT_FOUND.includes(path) ? 404 : 200);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeAttached();
    // Every page, a not-found one too, lets the reader go on through the site's own navigation.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }), path).toBeVisible();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    expect(scripts.filter((script) => script !== '/enhance.js'), path).toEqual([]);
    const html = await response!.text();
    expect(html, path).not.toMatch(/<script[^>]+src="\/_next\//);
    expect(html, path).not.toContain('__next_f');
  }
});

test('an article page still has its structured data and its Copy buttons work from /enhance.js', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const response = await page.goto(`/articles/${article.slug}`);
  expect(await response!.text()).toContain('application/ld+json');
  const button = page.getByRole('button', { name: 'Copy APA citation' });
  await button.click();
  await expect(page.getByRole('button', { name: 'Copied APA citation' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(article.title);
});

test('the newsroom keeps the framework: the sign-in form is hydrated', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }));
  await expect(page.getByLabel('Email', { exact: true })).toBeVisible(NAVIGATION);
});
