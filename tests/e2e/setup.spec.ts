import { expect, test } from '@playwright/test';
import pg from 'pg';

// First-run setup (/setup creates the first administrator) exists only while there are no users. The demo
// database has users, so there the page must be gone; `npm test` also runs a second server on an empty
// database (E2E_FIRST_RUN_BASE_URL) where a visitor creates the first administrator. Two concurrent attempts
// are covered by the integration tests (tests/integration/accounts.test.ts).

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

test('the first visitor of an empty installation creates the administrator, once', async ({ browser }) => {
  const baseURL = process.env.E2E_FIRST_RUN_BASE_URL;
  if (!baseURL) throw new Error('E2E_FIRST_RUN_BASE_URL is not set: run the end-to-end tests with `npm test -- --only e2e`.');
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    await page.goto('/setup');
    await expect(page.getByRole('heading', { name: 'Set up Dispatch' })).toBeVisible();
    const create = page.getByRole('button', { name: 'Create administrator' });
    await expect
      .poll(() => create.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), { timeout: 20_000 })
      .toBe(true);
    await page.getByLabel('Name').fill('First Admin');
    await page.getByLabel('Email').fill('first-admin@example.test');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await create.click();
    await expect(page.getByText('Password must be at least 12 characters long.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('Email')).toHaveValue('first-admin@example.test');

    await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase');
    await page.getByLabel('Confirm password').fill('a long and unusual passphrase');
    await create.click();
    await expect(page).toHaveURL(/\/login/, { timeout: 20_000 });

    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await expect
      .poll(() => signIn.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), { timeout: 20_000 })
      .toBe(true);
    await page.getByLabel('Email', { exact: true }).fill('first-admin@example.test');
    await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase');
    await signIn.click();
    await expect(page).toHaveURL(/\/editor\/users$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expect(page.getByText('first-admin@example.test')).toBeVisible();

    expect((await page.goto('/setup'))?.status()).toBe(404);
  } finally {
    await context.close();
  }
});
