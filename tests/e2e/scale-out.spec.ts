import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoAccounts } from '../../prisma/demo/content';
import { startRedisServer, type RedisServerHandle } from '../../scripts/lib/redis-server';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { startAppInstance, type AppInstance } from './support/instances';

// Two production instances of the same build behind an imaginary load balancer: one PostgreSQL, one Redis
// (started here), one AUTH_SECRET. What one instance does, the other knows: a publish through A is on B's
// pages within a second, and a reader signed in on A is signed in on B.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
let redis: RedisServerHandle | undefined;
let instanceA: AppInstance | undefined;
let instanceB: AppInstance | undefined;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  redis = await startRedisServer();
  const shared = { REDIS_URL: redis.url, AUTH_SECRET: crypto.randomBytes(32).toString('base64url') };
  [instanceA, instanceB] = await Promise.all([
    startAppInstance('instance-a', { ...shared, NEXTAUTH_SECRET: shared.AUTH_SECRET }),
    startAppInstance('instance-b', { ...shared, NEXTAUTH_SECRET: shared.AUTH_SECRET }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
  await redis?.stop();
});

const a = () => instanceA!.url;
const b = () => instanceB!.url;
const homeOf = (base: string) => fetch(`${base}/`).then((response) => response.text());

async function writeDraft(page: Page, title: string): Promise<void> {
  await page.goto(`${a()}/editor/articles/new`);
  await hydrated(page.getByLabel('Title', { exact: true }));
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Lead', { exact: true }).fill('Two instances, one newsroom.');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('Written on one server, read on another.');
  await page.getByLabel('Authors', { exact: true }).selectOption({ label: 'Aigerim Sadykova' });
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved at /, NAVIGATION);
}

test('an article published through instance A is on instance B within one second', async ({ page, browser }) => {
  const title = `Ferry subsidies across the Gulf of Finland ${crypto.randomBytes(4).toString('hex')}`;
  await page.goto(`${a()}/login`);
  await signIn(page, editor.email, editor.password);
  await writeDraft(page, title);

  // B has the home page in its caches (data cache, micro-cache) from before the publish.
  for (let visit = 0; visit < 3; visit++) expect(await homeOf(b())).not.toContain(title);

  await hydrated(page.getByRole('button', { name: 'Publish', exact: true }));
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible(NAVIGATION);
  const publishedAt = Date.now();
  let visibleAfterMs: number | null = null;
  while (visibleAfterMs === null && Date.now() - publishedAt < 1000) {
    if ((await homeOf(b())).includes(title)) visibleAfterMs = Date.now() - publishedAt;
  }
  test.info().annotations.push({ type: 'visible on B after (ms)', description: String(visibleAfterMs) });
  expect(visibleAfterMs, 'the article is on B’s home page within one second of the publish on A').not.toBeNull();
  expect(visibleAfterMs!).toBeLessThanOrEqual(1000);

  // A reader sent to B by the load balancer finds it and reads it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${b()}/`);
  await reader.getByRole('link', { name: title }).first().click();
  await expect(reader).toHaveURL(new RegExp(`^${b()}/articles/`), NAVIGATION);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a sign-in on instance A is recognised on instance B', async ({ page }) => {
  await page.goto(`${a()}/login`);
  await signIn(page, editor.email, editor.password);

  // Cookies belong to the host, not the port: B receives A's session cookie, as behind one public address.
  await page.goto(`${b()}/editor`);
  await expect(page).toHaveURL(`${b()}/editor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible(NAVIGATION);
});
