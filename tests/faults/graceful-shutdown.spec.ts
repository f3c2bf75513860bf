import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { clusterState, DispatchProcess, embeddedDatabaseUrl, makeDataDir, removeDataDir, sleep, waitForBlockedStatement, withClient } from './support/dispatch-process';
import { articleState, bodyField, expectSaved, revisionsContaining, signedInEditor, startArticle } from './support/editor';
import { findFreePort } from '../../scripts/lib/free-port';

// SIGTERM to `npm start` while a save is in flight (held up by a lock the test holds): the save finishes and is
// acknowledged, new requests are refused, PostgreSQL stops cleanly, and after a restart the save is there.

test('SIGTERM finishes a slow save in flight, refuses new requests and stops PostgreSQL cleanly', async ({ browser }) => {
  const dataDir = makeDataDir('sigterm');
  const port = await findFreePort();
  let app = await DispatchProcess.start({ dataDir, port });
  try {
    const page = await signedInEditor(browser, app.url);
    const articleId = await startArticle(page, 'Shutdown drill on the Danube', 'Barges wait for the locks. ');
    const sentence = 'This sentence was saved while the server was stopping.';

    const locker = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Revision" IN EXCLUSIVE MODE');
    await bodyField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(sentence);
    await waitForBlockedStatement(locker);

    app.terminate();
    const newRequest = () => fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(2000) }).then((response) => response.status, () => 'refused');
    await expect.poll(newRequest, { timeout: 5_000 }).toMatch(/^(refused|503)$/);
    // The save is still waiting; the stop must wait for it, well within its 10 s limit.
    await sleep(1_500);
    await locker.query('COMMIT');
    await locker.end();

    await expectSaved(page);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.output()).toContain('[dispatch] Stopped.');
    expect(clusterState(path.join(dataDir, 'postgres'))).toBe('shut down');
    expect(app.output()).not.toMatch(/Stopped with requests still in flight/);

    app = await DispatchProcess.start({ dataDir, port });
    await withClient(embeddedDatabaseUrl(dataDir), async (client) => {
      expect((await articleState(client, articleId)).body).toContain(sentence);
      expect(await revisionsContaining(client, articleId, sentence)).toBe(1);
    });
    await page.context().close();
  } finally {
    await app.stop();
    removeDataDir(dataDir);
  }
});
