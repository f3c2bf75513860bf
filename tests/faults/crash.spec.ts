import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { hydrated, NAVIGATION } from '../e2e/support/browser';
import { DispatchProcess, embeddedDatabaseUrl, makeDataDir, removeDataDir, waitForBlockedStatement, withClient } from './support/dispatch-process';
import { articleState, bodyField, expectSaved, RECOVERY, revisionKinds, revisionsContaining, saveStatus, signedInEditor, startArticle } from './support/editor';
import { findFreePort } from '../../scripts/lib/free-port';

// kill -9 of the whole `npm start` process group (launcher, Next, embedded PostgreSQL) in the middle of a write.
// The test holds a table lock so the app's transaction has written part of its change and waits; the crash
// lands exactly there. After a restart nothing of that transaction may be visible, and redoing it works once.

test.describe.configure({ mode: 'parallel' });

/** Starts `npm start`, with the editor signed in on a fresh article. */
async function crashScene(browser: import('@playwright/test').Browser, label: string, title: string) {
  const dataDir = makeDataDir(label);
  const port = await findFreePort();
  const app = await DispatchProcess.start({ dataDir, port });
  const page = await signedInEditor(browser, app.url);
  const articleId = await startArticle(page, title, 'The first paragraph, saved before anything breaks. ');
  return { dataDir, port, app, page, articleId };
}

/** Holds `table` locked against writes from a connection of the test's own, until the crash ends it. */
async function lockTable(dataDir: string, table: string): Promise<pg.Client> {
  const locker = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
  locker.on('error', () => {});
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
  return locker;
}

async function publicStatus(baseUrl: string, slug: string): Promise<number> {
  return (await fetch(`${baseUrl}/articles/${slug}`)).status;
}

async function publish(page: Page): Promise<void> {
  await hydrated(page.getByRole('button', { name: 'Publish', exact: true }));
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
}

test('a crash while publishing leaves the article unpublished, and publishing again works once', async ({ browser }) => {
  const scene = await crashScene(browser, 'crash-publish', 'Grain convoys under fire');
  const { dataDir, port, page, articleId } = scene;
  let { app } = scene;
  try {
    // Publishing updates the article and writes its revision, then waits to write its audit event.
    const locker = await lockTable(dataDir, 'AuditEvent');
    await publish(page);
    await waitForBlockedStatement(locker);
    await app.crash();

    app = await DispatchProcess.start({ dataDir, port });
    const url = embeddedDatabaseUrl(dataDir);
    const before = await withClient(url, async (client) => ({ article: await articleState(client, articleId), kinds: await revisionKinds(client, articleId) }));
    expect(before.article.status).toBe('DRAFT');
    expect(before.article.firstPublishedAt).toBeNull();
    expect(before.kinds).not.toContain('publish');
    expect(await publicStatus(app.url, before.article.slug)).toBe(404);

    await page.reload();
    await publish(page);
    await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);
    const after = await withClient(url, async (client) => ({ article: await articleState(client, articleId), kinds: await revisionKinds(client, articleId) }));
    expect(after.article.status).toBe('PUBLISHED');
    expect(after.kinds.filter((kind) => kind === 'publish')).toHaveLength(1);
    expect(await publicStatus(app.url, after.article.slug)).toBe(200);
    await page.context().close();
  } finally {
    await app.stop();
    removeDataDir(dataDir);
  }
});

test('a crash while saving loses no text: the editor keeps it, retries after the restart, and it lands once', async ({ browser }) => {
  const scene = await crashScene(browser, 'crash-save', 'Pipeline politics in the Caucasus');
  const { dataDir, port, page, articleId } = scene;
  let { app } = scene;
  try {
    const saved = await withClient(embeddedDatabaseUrl(dataDir), (client) => articleState(client, articleId));
    const sentence = 'This sentence was being saved when the server died.';

    // The save updates the article, then waits to write its revision.
    const locker = await lockTable(dataDir, 'Revision');
    await bodyField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(sentence);
    await waitForBlockedStatement(locker);
    await app.crash();

    await expect(saveStatus(page)).toContainText('Not saved: connection lost', NAVIGATION);
    const kept = await page.evaluate((key) => window.localStorage.getItem(key), `dispatch:draft:${articleId}`);
    expect(kept).toContain(sentence);

    app = await DispatchProcess.start({ dataDir, port });
    // The embedded PostgreSQL listens on a new port after each start.
    const url = embeddedDatabaseUrl(dataDir);
    const afterCrash = await withClient(url, (client) => articleState(client, articleId));
    expect(afterCrash.version).toBe(saved.version);
    expect(afterCrash.body).not.toContain(sentence);

    await expectSaved(page, RECOVERY);
    await withClient(url, async (client) => {
      const landed = await articleState(client, articleId);
      expect(landed.body).toContain(sentence);
      expect(landed.version).toBe(saved.version + 1);
      expect(await revisionsContaining(client, articleId, sentence)).toBe(1);
      expect(await revisionKinds(client, articleId)).not.toContain('conflict');
    });
    await page.context().close();
  } finally {
    await app.stop();
    removeDataDir(dataDir);
  }
});
