import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ParagraphNode } from '../../lib/content/document';
import { demoArticles, demoAuthors, demoTopics, featuredArticleSlug, type DemoArticle } from '../../prisma/demo/content';

// WCAG 2.1 A/AA with axe on every kind of public page, in light and dark colour schemes and at a 320 px
// viewport (WCAG 1.4.10 reflow: no horizontal scrolling), and the pages read in full without JavaScript.

// Every test opens its own pages and only reads, so they can share the two workers.
test.describe.configure({ mode: 'parallel' });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const now = Date.now();

function isVisible(article: DemoArticle): boolean {
  return article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo content has no ${what}`);
  return value;
}

const featured = required(demoArticles.find((article) => article.slug === featuredArticleSlug), 'featured article');
const russian = required(demoArticles.find((article) => article.language === 'ru' && isVisible(article)), 'visible Russian article');
const withPhoto = required(demoAuthors.find((author) => author.hasPhoto), 'author with a photo');
const withoutPhoto = required(demoAuthors.find((author) => !author.hasPhoto), 'author without a photo');
const topic = required(
  demoTopics.find((candidate) => demoArticles.some((article) => isVisible(article) && article.topics.includes(candidate.slug))),
  'topic with articles',
);

type Target = { name: string; path: string; status: number };

const targets: Target[] = [
  { name: 'home page', path: '/', status: 200 },
  { name: 'article list', path: '/articles', status: 200 },
  { name: 'article', path: `/articles/${featured.slug}`, status: 200 },
  { name: 'Russian article', path: `/articles/${russian.slug}`, status: 200 },
  { name: 'expert directory', path: '/authors', status: 200 },
  { name: 'author with a photo', path: `/authors/${withPhoto.slug}`, status: 200 },
  { name: 'author without a photo', path: `/authors/${withoutPhoto.slug}`, status: 200 },
  { name: 'topic page', path: `/topics/${topic.slug}`, status: 200 },
  { name: '404 page (unknown article)', path: '/articles/no-such-article-here', status: 404 },
  { name: '404 page (unknown path)', path: '/no-such-section', status: 404 },
];

type Mode = { name: string; colorScheme: 'light' | 'dark'; width: number; height: number };

const modes: Mode[] = [
  { name: 'light', colorScheme: 'light', width: 1280, height: 900 },
  { name: 'dark', colorScheme: 'dark', width: 1280, height: 900 },
  { name: '320 px light', colorScheme: 'light', width: 320, height: 720 },
  { name: '320 px dark', colorScheme: 'dark', width: 320, height: 720 },
];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** Violations as a reader of a test report wants them: rule, impact, why, where, and how to fix. */
function formatViolations(violations: AxeResults['violations'], where: string): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} accessibility violation(s)`];
  for (const violation of violations) {
    lines.push('', `• [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`, `  ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 8)) {
      lines.push(`  - element: ${node.target.join(' ')}`, `    html: ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((line) => `    ${line}`));
    }
    if (violation.nodes.length > 8) lines.push(`  … and ${violation.nodes.length - 8} more element(s)`);
  }
  return lines.join('\n');
}

async function open(page: Page, target: Target, mode: Mode): Promise<void> {
  await page.setViewportSize({ width: mode.width, height: mode.height });
  await page.emulateMedia({ colorScheme: mode.colorScheme });
  const response = await page.goto(target.path, { waitUntil: 'load' });
  expect(response?.status(), `${target.path} status`).toBe(target.status);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const mode of modes) {
  test.describe(`accessibility, ${mode.name}`, () => {
    for (const target of targets) {
      test(`${target.name} (${target.path}) has no WCAG 2.1 AA violations`, async ({ page }) => {
        await open(page, target, mode);
        const matches = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
        expect(matches, 'the colour scheme is emulated').toBe(mode.colorScheme === 'dark');

        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const where = `${target.path} (${mode.name})`;
        // Compared as one line per violation so a failure reads as a list, not as a dump of axe's objects.
        const found = results.violations.map((violation) => `${violation.id} (${violation.nodes.length} element(s))`);
        expect(found, formatViolations(results.violations, where)).toEqual([]);

        if (mode.width <= 320) {
          const widths = await page.evaluate(() => ({
            scroll: document.scrollingElement?.scrollWidth ?? 0,
            client: document.scrollingElement?.clientWidth ?? 0,
          }));
          expect(widths.scroll, `${where} scrolls horizontally (content is ${widths.scroll} px wide)`).toBeLessThanOrEqual(320);
        }
      });
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article shows its headline, lead, body and authors', async ({ page }) => {
    const response = await page.goto(`/articles/${featured.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(featured.title);
    await expect(page.getByText(featured.lead, { exact: true })).toBeVisible();
    const paragraphs = featured.body.content
      .filter((block): block is ParagraphNode => block.type === 'paragraph')
      .map((block) => (block.content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('').replace(/\s+/g, ' ').trim());
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const text of paragraphs) {
      await expect(page.getByRole('paragraph').filter({ hasText: text }).first()).toBeVisible();
    }
    await expect(page.getByRole('blockquote').first()).toBeVisible();
    for (const slug of featured.authors) {
      const author = demoAuthors.find((candidate) => candidate.slug === slug)!;
      await expect(page.getByRole('region', { name: author.name, exact: true })).toBeVisible();
    }
  });

  test('the Russian article reads in full', async ({ page }) => {
    await page.goto(`/articles/${russian.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(russian.title);
    await expect(page.getByText(russian.lead, { exact: true })).toBeVisible();
    await expect(page.getByRole('blockquote')).toBeVisible();
  });

  test('home, author and topic pages render, and links work', async ({ page }) => {
    await page.goto('/');
    const lead = page.getByRole('region', { name: 'Lead story', exact: true });
    await expect(lead.getByRole('heading', { name: featured.title, exact: true })).toBeVisible();

    await page.goto(`/authors/${withPhoto.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withPhoto.name);
    const photo = page.getByRole('main').getByRole('img', { name: `Portrait of ${withPhoto.name}`, exact: true });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const competence = demoTopics.find((candidate) => candidate.slug === withPhoto.competence[0])!;
    await page.getByRole('list', { name: 'Competence', exact: true }).getByRole('link', { name: competence.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/topics/${competence.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(competence.name);
  });

  test('the topic filter on /articles works as a plain form', async ({ page }) => {
    await page.goto('/articles');
    await page.getByRole('combobox', { name: 'Topic', exact: true }).selectOption({ label: topic.name });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/articles\\?topic=${topic.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Articles on ${topic.name}`);
  });
});
