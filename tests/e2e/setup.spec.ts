import { expect, test } from '@playwright/test';
import pg from 'pg';

// First-run setup (/setup creates the first administrator) exists only while there are no users. The demo
// database has users, so here the page must be gone. Setup on an empty database, including two concurrent
// attempts, is covered by the integration tests (tests/integration/accounts.test.ts), which own an empty
// database; this shared server's database is never emptied.

test.describe.configure({ mode: 'parallel', timeout: 60_000 });

test('/setup is not found once users exist', async ({ page }) => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test -- --only e2e`.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "User"`);
    expect(Number(rows[0]?.count), 'the demo database has users').toBeGreaterThan(0);
  } finally {
    await client.end();
  }

  const response = await page.goto('/setup');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Set up Dispatch' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create administrator' })).toHaveCount(0);
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
});

test('/setup is not found for a signed-in administrator either', async ({ page }) => {
  await page.goto('/login');
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  await expect
    .poll(() => button.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), { timeout: 20_000 })
    .toBe(true);
  await page.getByLabel('Email', { exact: true }).fill('admin@dispatch.test');
  await page.getByLabel('Password', { exact: true }).fill('demo-admin-password');
  await button.click();
  await expect(page).toHaveURL(/\/editor$/, { timeout: 20_000 });

  const response = await page.goto('/setup');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('button', { name: 'Create administrator' })).toHaveCount(0);
});
