import { expect, test } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors } from '../../prisma/demo/content';
import { signIn } from './support/browser';

// What a CDN in front may keep (docs/DEPLOYMENT.md): public pages and feeds for one second, through the
// targeted headers CDNs read (CDN-Cache-Control, Surrogate-Control); signed-in pages, share previews and the
// API never.

const now = Date.now();
const published = demoArticles.find(
  (article) => article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now,
)!;
const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;

const SHARED_FOR_ONE_SECOND = ['/', '/articles', `/articles/${published.slug}`, '/authors', `/authors/${demoAuthors[0]!.slug}`, '/feed.xml', '/sitemap.xml'];
const NEVER_SHARED = ['/login', '/api/health', '/preview/not-a-real-preview-token-at-all-here'];

test('public pages and feeds may be kept by a CDN for one second', async ({ request }) => {
  for (const path of SHARED_FOR_ONE_SECOND) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cdn-cache-control'], `${path}: CDN-Cache-Control`).toBe('max-age=1');
    expect(response.headers()['surrogate-control'], `${path}: Surrogate-Control`).toBe('max-age=1');
  }
});

test('signed-in pages, share previews and the API are never kept by a CDN', async ({ request }) => {
  for (const path of NEVER_SHARED) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers['cdn-cache-control'], `${path}: CDN-Cache-Control`).toBeUndefined();
    expect(headers['surrogate-control'], `${path}: Surrogate-Control`).toBeUndefined();
    expect(headers['cache-control'] ?? '', `${path}: Cache-Control`).not.toMatch(/public|s-maxage/);
  }
});

test('the editor, signed in, is never kept by a CDN', async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  const response = await page.goto('/editor');
  const headers = response!.headers();
  expect(headers['cdn-cache-control']).toBeUndefined();
  expect(headers['surrogate-control']).toBeUndefined();
  expect(headers['cache-control']).toMatch(/private|no-store/);
});
