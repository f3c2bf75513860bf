import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { NAVIGATION } from '../e2e/support/browser';
import { DispatchProcess, makeDataDir, removeDataDir, sleep, withClient } from './support/dispatch-process';
import { articleState, bodyField, expectSaved, RECOVERY, revisionKinds, revisionsContaining, saveStatus, signedInEditor, startArticle } from './support/editor';
import { OwnPostgres } from './support/own-postgres';
import { findFreePort } from '../../scripts/lib/free-port';

// PostgreSQL stops while a reader reads and an editor writes, then comes back. The app is never restarted.

async function expectUnavailablePage(request: APIRequestContext, path: string): Promise<void> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(503);
  expect(response.headers()['retry-after'], path).toBe('5');
  const html = await response.text();
  expect(html).toContain('temporarily unavailable');
  expect(html).not.toMatch(/\bat .+:\d+:\d+|Error:|prisma|ECONNREFUSED/i);
}

/** Lets the first save that succeeds reach the server and commit, then loses its answer, as a dropped connection would. */
async function loseFirstSuccessfulSaveAnswer(page: Page): Promise<() => boolean> {
  let lost = false;
  await page.route(
    (url) => url.pathname.startsWith('/editor/articles/'),
    async (route) => {
      const request = route.request();
      if (lost || request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
      const response = await route.fetch();
      if (response.status() !== 200) return route.fulfill({ response });
      lost = true;
      return route.abort('connectionreset');
    },
  );
  return () => lost;
}

test('a database outage: cached pages keep serving, the rest says 503, the editor keeps its text, all recovers', async ({ browser }) => {
  const dataDir = makeDataDir('outage');
  const database = await OwnPostgres.create(dataDir, await findFreePort());
  let app: DispatchProcess | null = null;
  try {
    database.loadDemo(dataDir);
    app = await DispatchProcess.start({ dataDir, port: await findFreePort(), databaseUrl: database.url });
    const { slug, title } = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ slug: string; title: string }>(
        `SELECT "slug", "title" FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" <= now() ORDER BY "publishedAt" DESC LIMIT 1`,
      );
      return rows[0]!;
    });
    const reader = await browser.newContext({ baseURL: app.url });
    for (let visit = 0; visit < 2; visit++) expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(200);

    const editor = await signedInEditor(browser, app.url);
    const articleId = await startArticle(editor, 'Water rights on the Amu Darya', 'Upstream dams change everything. ');
    const before = await withClient(database.url, (client) => articleState(client, articleId));

    await database.stop();
    // Past the micro-cache's second: the page is rendered again, from the data cache, without the database.
    await sleep(1_500);
    for (let visit = 0; visit < 2; visit++) {
      const cached = await reader.request.get(`/articles/${slug}`);
      expect(cached.status()).toBe(200);
      expect(await cached.text()).toContain(title);
    }
    const health = await reader.request.get('/api/health');
    expect(health.status()).toBe(503);
    expect(health.headers()['retry-after']).toBe('5');
    await expectUnavailablePage(reader.request, `/articles/never-cached-${crypto.randomBytes(4).toString('hex')}`);
    await expectUnavailablePage(reader.request, `/search?q=${crypto.randomBytes(4).toString('hex')}`);
    await expectUnavailablePage(editor.context().request, '/editor');

    const sentence = 'Written while the database was down.';
    await bodyField(editor).click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(sentence);
    await expect(saveStatus(editor)).toContainText('Not saved: connection lost', NAVIGATION);
    const kept = await editor.evaluate((key) => window.localStorage.getItem(key), `dispatch:draft:${articleId}`);
    expect(kept).toContain(sentence);

    const answerWasLost = await loseFirstSuccessfulSaveAnswer(editor);
    await database.start();

    await expectSaved(editor, RECOVERY);
    expect(answerWasLost()).toBe(true);
    await expect.poll(async () => (await reader.request.get('/api/health')).status(), NAVIGATION).toBe(200);
    expect((await editor.context().request.get('/editor')).status()).toBe(200);
    expect((await reader.request.get(`/articles/never-cached-${crypto.randomBytes(4).toString('hex')}`)).status()).toBe(404);
    await withClient(database.url, async (client) => {
      const after = await articleState(client, articleId);
      expect(after.body).toContain(sentence);
      expect(after.version).toBe(before.version + 1);
      expect(await revisionsContaining(client, articleId, sentence)).toBe(1);
      expect(await revisionKinds(client, articleId)).not.toContain('conflict');
    });
    await reader.close();
    await editor.context().close();
  } finally {
    await app?.stop();
    await database.stop();
    removeDataDir(dataDir);
  }
});
