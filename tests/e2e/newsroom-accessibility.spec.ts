import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoAccounts, demoArticles } from '../../prisma/demo/content';
import { e2eDatabaseForThisFile } from './support/database';
import { NAVIGATION, signIn } from './support/browser';

// WCAG 2.1 A/AA with axe on the signed-in screens people work in all day, in light and dark colour schemes.

// Each test walks several signed-in pages, each rendered per request.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const fellow = demoAccounts.find((account) => account.role === 'FELLOW')!;
const draft = demoArticles.find((article) => article.status === 'DRAFT')!;
const db = e2eDatabaseForThisFile();

async function draftId(): Promise<string> {
  const { rows } = await db().query<{ id: string }>(`SELECT "id" FROM "Article" WHERE "slug" = $1`, [draft.slug]);
  return rows[0]!.id;
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the editor's screens have no WCAG A/AA violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await signIn(page, editor.email, editor.password);
    const id = await draftId();
    const screens: [string, string, string][] = [
      ['dashboard', '/editor', 'Articles'],
      ['new article', '/editor/articles/new', 'New article'],
      ['article editor', `/editor/articles/${id}`, 'Edit article'],
      ['history', `/editor/articles/${id}/history`, `History of “${draft.title}”`],
      ['import', '/editor/import', 'Import a legacy document'],
      ['roster', '/editor/authors', 'Authors'],
      ['account', '/editor/account', 'Account'],
    ];
    for (const [name, path, heading] of screens) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible(NAVIGATION);
      // The body editor mounts on the client; check the page with it in place.
      if (path.startsWith('/editor/articles/')) await expect(page.getByRole('textbox', { name: 'Body' }).or(page.getByRole('list', { name: 'Revisions, newest first' }))).toBeVisible(NAVIGATION);
      await expectNoViolations(page, `${name} (${colorScheme})`);
    }
  });
}

test('a fellow’s profile screen has no WCAG A/AA violations', async ({ page }) => {
  await signIn(page, fellow.email, fellow.password);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(NAVIGATION);
  await expectNoViolations(page, 'profile');
});
