import crypto from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors } from '../../prisma/demo/content';
import { createTestUser, e2eDatabaseForThisFile } from './support/database';

// Signing in and out at /login, as each role of the demo newsroom, and what each role then sees.
// Everything is driven through the browser; the database (E2E_DATABASE_URL) is used only to create this
// file's own users and to clean up the sign-in throttle counters its failed attempts leave behind.

test.describe.configure({ mode: 'parallel', timeout: 60_000 });

function demoAccount(role: 'ADMIN' | 'EDITOR' | 'FELLOW') {
  const account = demoAccounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`The demo content has no ${role} account`);
  return account;
}

const admin = demoAccount('ADMIN');
const editor = demoAccount('EDITOR');
const fellow = demoAccount('FELLOW');
const fellowAuthor = demoAuthors.find((author) => author.slug === fellow.authorSlug);
if (!fellowAuthor) throw new Error('The demo fellow has no author profile');
const fellowArticles = demoArticles.filter((article) => article.authors.includes(fellowAuthor.slug));
const otherArticles = demoArticles.filter((article) => !article.authors.includes(fellowAuthor.slug));

// ---------------------------------------------------------------------------------------------------------
// Database helpers (setup and cleanup only)

const db = e2eDatabaseForThisFile();

const suffix = () => crypto.randomBytes(5).toString('hex');


const createUser = (role: 'ADMIN' | 'EDITOR' | 'FELLOW', label: string) => createTestUser(db(), role, 'auth', label);

/**
 * A client address of this test's own (TEST-NET-2). The app takes the last X-Forwarded-For entry as the
 * client address, so failed attempts here are counted against this address and not against 127.0.0.1,
 * which every other test signs in from.
 */
function ownAddress(): string {
  const bytes = crypto.randomBytes(2);
  return `198.51.100.${1 + (bytes[0]! % 254)}`;
}

async function clearThrottle(keys: string[]): Promise<void> {
  await db().query(`DELETE FROM "LoginThrottle" WHERE "key" = ANY($1::text[])`, [keys]);
}

// ---------------------------------------------------------------------------------------------------------
// Browser helpers

/** Navigations and sign-ins wait on a server that may be busy with the other worker's tests. */
const NAVIGATION = { timeout: 20_000 };

/** Waits until React has hydrated the element, so a click or typing goes through the app's own handler. */
async function hydrated(element: Locator): Promise<Locator> {
  await expect(element).toBeVisible();
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), {
      message: 'the page is hydrated',
      ...NAVIGATION,
    })
    .toBe(true);
  return element;
}

async function waitForSignInForm(page: Page): Promise<void> {
  await expect(await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }))).toBeEnabled();
}

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await waitForSignInForm(page);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await fillSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login(\?|$)/, NAVIGATION);
}

const newsroomNav = (page: Page) => page.getByRole('navigation', { name: 'Newsroom', exact: true });

async function expectRefused(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} status`).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All users' })).toHaveCount(0);
  await expect(page.getByText(admin.email)).toHaveCount(0);
}

// ---------------------------------------------------------------------------------------------------------
// Roles

test('an administrator signs in, sees "Users" in the newsroom nav and opens /editor/users', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/editor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(newsroomNav(page).getByText(`${admin.name} (Administrator)`)).toBeVisible();

  await (await hydrated(newsroomNav(page).getByRole('link', { name: 'Users', exact: true }))).click();
  await expect(page).toHaveURL(/\/editor\/users$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const users = page.getByRole('table');
  for (const account of demoAccounts) await expect(users.getByText(account.email, { exact: true })).toBeVisible();

  const response = await page.goto('/editor/users');
  expect(response?.status()).toBe(200);
});

test('an editor sees the newsroom with every article, but /editor/users is refused (not found)', async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(/\/editor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(newsroomNav(page).getByText(`${editor.name} (Editor)`)).toBeVisible();
  await expect(newsroomNav(page).getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  // Staff see articles the demo fellow has no part in, including unpublished ones.
  const inReview = otherArticles.find((article) => article.status === 'IN_REVIEW');
  if (!inReview) throw new Error('The demo content has no article in review by other authors');
  await expect(page.getByRole('table').getByRole('cell', { name: inReview.title, exact: true })).toBeVisible();

  await expectRefused(page, '/editor/users');
});

test('a fellow lands on /profile, sees only the articles they co-author under "My articles", and /editor/users is refused', async ({ page }) => {
  await signIn(page, fellow.email, fellow.password);
  // A fellow lands on their own profile; their articles are under "Articles" in the newsroom nav.
  await expect(page).toHaveURL(/\/profile$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await newsroomNav(page).getByRole('link', { name: 'Articles', exact: true }).click();
  await expect(page).toHaveURL(/\/editor$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'My articles' })).toBeVisible();
  await expect(newsroomNav(page).getByText(`${fellow.name} (Fellow)`)).toBeVisible();
  await expect(newsroomNav(page).getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  await expect(newsroomNav(page).getByRole('link', { name: 'My profile', exact: true })).toBeVisible();

  const table = page.getByRole('table');
  expect(fellowArticles.length).toBeGreaterThan(0);
  for (const article of fellowArticles) {
    await expect(table.getByRole('cell', { name: article.title, exact: true }), `${article.slug} is listed`).toBeVisible();
  }
  for (const article of otherArticles) {
    await expect(table.getByRole('cell', { name: article.title, exact: true }), `${article.slug} is not listed`).toHaveCount(0);
  }
  // Whatever else the table holds, every row is one of the fellow's own articles.
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).not.toHaveCount(0);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').nth(2)).toContainText(fellowAuthor.name);
  }

  await expectRefused(page, '/editor/users');
});

// ---------------------------------------------------------------------------------------------------------
// Redirects

test('an anonymous visit to /editor/users goes to /login and, after sign-in, lands back on /editor/users', async ({ page }) => {
  await page.goto('/editor/users');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Fusers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(admin.email)).toHaveCount(0);

  await fillSignIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/editor\/users$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});

for (const callbackUrl of ['https://evil.example/', '//evil.example/editor', '/\\evil.example/editor']) {
  test(`a callbackUrl to another origin (${callbackUrl}) lands on /editor after sign-in`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await fillSignIn(page, editor.email, editor.password);
    await expect(page).toHaveURL(`${origin}/editor`, NAVIGATION);
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  });
}

test('a signed-in visit to /login with an off-site callbackUrl stays on this site', async ({ page, baseURL }) => {
  await signIn(page, editor.email, editor.password);
  await page.goto(`/login?callbackUrl=${encodeURIComponent('https://evil.example/')}`);
  await expect(page).toHaveURL(`${new URL(baseURL!).origin}/editor`);
});

// ---------------------------------------------------------------------------------------------------------
// Failed sign-in

test('a wrong password shows "Invalid email or password" as an alert and keeps the typed email', async ({ page }) => {
  const user = await createUser('EDITOR', 'wrongpw');
  const address = ownAddress();
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  try {
    await page.goto('/login');
    await fillSignIn(page, user.email, `${user.password}-wrong`);
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible(NAVIGATION);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
    // The password never ends up in the address bar.
    expect(page.url()).not.toContain('password');

    // The right password still works afterwards: one failure locks nothing.
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/editor$/, NAVIGATION);
    await expect(newsroomNav(page).getByText(`${user.name} (Editor)`)).toBeVisible();
  } finally {
    await clearThrottle([`account:${user.email}`, `ip:${address}`]);
  }
});

test('an unknown email shows the same "Invalid email or password" message', async ({ page }) => {
  const email = `e2e-auth-nobody-${suffix()}@example.test`;
  const address = ownAddress();
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  try {
    await page.goto('/login');
    await fillSignIn(page, email, 'not-the-password-of-anyone');
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible(NAVIGATION);
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
    await expect(page).toHaveURL(/\/login$/);
  } finally {
    await clearThrottle([`account:${email}`, `ip:${address}`]);
  }
});

// ---------------------------------------------------------------------------------------------------------
// Sign-out

test('Sign out signs out: the newsroom then sends the visitor to /login; a GET of /logout signs nobody out', async ({ page, context }) => {
  await signIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(/\/editor$/);

  // What a link or an image on another site could do.
  await page.goto('/logout');
  await expect(page).toHaveURL(/\/editor$/);
  await expect(newsroomNav(page).getByText(`(Editor)`)).toBeVisible();

  await newsroomNav(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/, NAVIGATION);
  await expect(page.getByRole('status').filter({ hasText: 'You have been signed out.' })).toBeVisible();
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('next-auth.session-token');

  await page.goto('/editor');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
