import { expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { demoAccounts } from '../../../prisma/demo/content';
import { hydrated, NAVIGATION, signIn } from '../../e2e/support/browser';

// The editor as a person uses it, on a server a fault test started itself.

export const editorAccount = demoAccounts.find((account) => account.role === 'EDITOR')!;
/** Long enough for the autosave's retry backoff to reach a server that was down for a while. */
export const RECOVERY = { timeout: 75_000 };

export const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
export const bodyField = (page: Page) => page.getByRole('textbox', { name: 'Body' });

export async function expectSaved(page: Page, options = NAVIGATION): Promise<void> {
  await expect(saveStatus(page)).toHaveText(/^Saved at \d{1,2}:\d{2}/, options);
}

export async function signedInEditor(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, editorAccount.email, editorAccount.password);
  return page;
}

/** Starts a publishable article (title, lead, body, an author) and waits until it is saved; returns its id. */
export async function startArticle(page: Page, title: string, paragraph: string): Promise<string> {
  await page.goto('/editor/articles/new');
  await hydrated(page.getByLabel('Title', { exact: true }));
  await expect(bodyField(page)).toBeVisible(NAVIGATION);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill(`The lead of ${title}.`);
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Aigerim Sadykova' });
  await bodyField(page).click();
  await page.keyboard.type(paragraph);
  await expectSaved(page);
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/, NAVIGATION);
  return new URL(page.url()).pathname.split('/').pop()!;
}

export type ArticleState = { status: string; version: number; slug: string; body: string; firstPublishedAt: Date | null };

export async function articleState(client: pg.Client, articleId: string): Promise<ArticleState> {
  const { rows } = await client.query<ArticleState>(
    `SELECT "status", "version", "slug", "body"::text AS "body", "firstPublishedAt" FROM "Article" WHERE "id" = $1`,
    [articleId],
  );
  return rows[0]!;
}

export async function revisionKinds(client: pg.Client, articleId: string): Promise<string[]> {
  const { rows } = await client.query<{ kind: string }>(`SELECT "kind" FROM "Revision" WHERE "articleId" = $1 ORDER BY "createdAt"`, [articleId]);
  return rows.map((row) => row.kind);
}

/** Revisions whose draft contains `text`. */
export async function revisionsContaining(client: pg.Client, articleId: string, text: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Revision" WHERE "articleId" = $1 AND "data"::text LIKE $2`, [
    articleId,
    `%${text}%`,
  ]);
  return rows[0]!.count;
}
