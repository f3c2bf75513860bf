import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors } from '../../prisma/demo/content';
import { NAVIGATION, signIn } from './support/browser';

// A reader searching the demo publication. Other specs publish articles on this server while these run, so
// every check is about demo articles and words only they contain, never about exact result lists.

test.describe.configure({ mode: 'parallel' });

function titleOf(slug: string): string {
  const article = demoArticles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`No demo article ${slug}`);
  return article.title;
}

const FERGANA = titleOf('fergana-valley-shared-water-ledger');
const BALTIC = titleOf('baltic-seabed-limits-of-deterrence');
const GULF = titleOf('gulf-solar-exports-grid-math');

const articleResults = (page: Page) => page.getByRole('main').getByRole('region', { name: 'Articles' });
const resultLink = (page: Page, title: string) => articleResults(page).getByRole('link', { name: title, exact: true });
const resultItem = (page: Page, title: string): Locator =>
  articleResults(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** Types the query into the search form and submits it, as a reader does. */
async function search(page: Page, q: string, region?: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/search')) await page.goto('/search');
  await page.getByLabel('Search', { exact: true }).fill(q);
  if (region) await page.getByLabel('Region', { exact: true }).selectOption({ label: region });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=/, NAVIGATION);
}

test('the header leads to a labelled search form', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  for (const label of ['Search', 'Region', 'Theme', 'Author', 'From', 'To']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('Type a word or a phrase to search our articles and experts.')).toBeVisible();
});

test('finds a word that only one article has in its body, highlighted in the snippet', async ({ page }) => {
  await search(page, 'spreadsheet');
  await expect(page).toHaveTitle(/spreadsheet/);
  await expect(resultLink(page, FERGANA)).toBeVisible();
  await expect(articleResults(page).getByText('1 article matches “spreadsheet”.')).toBeVisible();
  await expect(resultItem(page, FERGANA).locator('mark')).toHaveText(['spreadsheet']);
  await resultLink(page, FERGANA).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FERGANA, NAVIGATION);
});

test('a quoted phrase needs its words side by side', async ({ page }) => {
  await search(page, 'water sharing');
  await expect(resultLink(page, FERGANA)).toBeVisible();
  await expect(resultLink(page, BALTIC)).toBeVisible();
  await search(page, '"water sharing"');
  await expect(resultLink(page, FERGANA)).toBeVisible();
  await expect(resultLink(page, BALTIC)).toHaveCount(0);
});

test('a minus sign leaves out articles with that word', async ({ page }) => {
  await search(page, 'water -sharing');
  await expect(resultLink(page, GULF)).toBeVisible();
  await expect(resultLink(page, FERGANA)).toHaveCount(0);
  await expect(resultLink(page, BALTIC)).toHaveCount(0);
});

test('a region filter narrows the results and stays in the URL', async ({ page }) => {
  await search(page, 'water');
  await expect(resultLink(page, FERGANA)).toBeVisible();
  await search(page, 'water', 'Middle East');
  await expect(page).toHaveURL(/[?&]region=middle-east(&|$)/);
  await expect(resultLink(page, GULF)).toBeVisible();
  await expect(resultLink(page, FERGANA)).toHaveCount(0);
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('middle-east');
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('water');
});

test('an author typed by name narrows the results to their articles', async ({ page }) => {
  const author = demoAuthors.find((candidate) => candidate.slug === 'julian-whitcombe');
  if (!author) throw new Error('No demo author julian-whitcombe');
  await search(page, 'water sharing');
  await expect(resultLink(page, FERGANA)).toBeVisible();
  await page.getByLabel('Author', { exact: true }).fill(author.name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]author=/, NAVIGATION);
  await expect(resultLink(page, BALTIC)).toBeVisible();
  await expect(resultLink(page, FERGANA)).toHaveCount(0);
  // The field shows the name as typed, not the address form the search used.
  await expect(page.getByLabel('Author', { exact: true })).toHaveValue(author.name);
});

test('never finds a draft or an article scheduled for later', async ({ page }) => {
  for (const word of ['zephyrine', 'quillwort']) {
    await search(page, word);
    await expect(page.getByText(`No articles match “${word}”.`, { exact: false })).toBeVisible();
    await expect(articleResults(page).getByRole('listitem')).toHaveCount(0);
  }
});

test('finds experts by name', async ({ page }) => {
  const author = demoAuthors.find((candidate) => candidate.slug === 'leila-haddad');
  if (!author) throw new Error('No demo author leila-haddad');
  await search(page, 'Haddad');
  const experts = page.getByRole('main').getByRole('region', { name: 'Experts' });
  await expect(experts.getByRole('link', { name: author.name, exact: true })).toBeVisible();
});

test('answers hostile and overlong queries with a helpful page', async ({ page }) => {
  const operatorsOnly = await page.goto(`/search?q=${encodeURIComponent('"&|!():*')}`);
  expect(operatorsOnly?.status()).toBe(200);
  await expect(page.getByText('has no words to search for')).toBeVisible();

  const withNul = await page.goto('/search?q=%00zephyrine%00&from=not-a-date&page=-1&region=%27%3B--');
  expect(withNul?.status()).toBe(200);
  await expect(page.getByText('No articles match “zephyrine”.', { exact: false })).toBeVisible();

  const overlong = await page.goto(`/search?q=${'spreadsheet '.repeat(800)}`);
  expect(overlong?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/limited to 200 characters/);
  await expect(resultLink(page, FERGANA)).toBeVisible();
});

test('staff search in the newsroom finds a draft by a word in its body', async ({ page }) => {
  const editor = demoAccounts.find((account) => account.role === 'EDITOR');
  const draft = demoArticles.find((article) => article.status === 'DRAFT');
  if (!editor || !draft) throw new Error('The demo has an editor and a draft');
  await signIn(page, editor.email, editor.password);
  await page.goto('/editor/search');
  await page.getByLabel('Search', { exact: true }).fill('zephyrine');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hit = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: draft.title, exact: true }) });
  await expect(hit.locator('mark')).toHaveText(['zephyrine'], NAVIGATION);
  await expect(hit).toContainText('Draft');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`results with highlights meet WCAG 2.1 AA at 320 px (${colorScheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.emulateMedia({ colorScheme });
    await page.goto('/search?q=water+sharing&region=central-asia');
    await expect(resultItem(page, FERGANA).locator('mark').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(320);
  });
}
