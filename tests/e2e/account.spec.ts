import crypto from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, NAVIGATION, signIn } from './support/browser';
import { createTestUser, e2eDatabaseForThisFile, strongPassword, type TestUser } from './support/database';

// A signed-in user manages their own account at /editor/account: password, email, and signing out everywhere.
// Each test signs the same user in from two browsers: the one making the change stays signed in (except for
// "Sign out everywhere"), the other is signed out on its next request. The database (E2E_DATABASE_URL) is used
// only to create this file's users and to clear the throttle counters their failed sign-ins leave behind.

test.describe.configure({ mode: 'parallel', timeout: 120_000 });

const db = e2eDatabaseForThisFile();

type Session = { user: TestUser; address: string; browserA: Page; browserB: Page };

/**
 * A fresh fellow signed in from two browser contexts, both acting from a client address of this test's own
 * (IPv6 documentation range), so its failed sign-ins count against nobody else's address.
 */
async function signedInTwice(browser: Browser, label: string): Promise<Session> {
  const user = await createTestUser(db(), 'FELLOW', 'account', label);
  const address = `2001:db8::acc:${crypto.randomBytes(2).toString('hex')}`;
  const open = async () => (await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } })).newPage();
  const [browserA, browserB] = await Promise.all([open(), open()]);
  await signIn(browserA, user.email, user.password);
  await signIn(browserB, user.email, user.password);
  return { user, address, browserA, browserB };
}

async function endSession({ user, address, browserA, browserB }: Session, ...emails: string[]): Promise<void> {
  await Promise.all([browserA.context().close(), browserB.context().close()]);
  const keys = [user.email, ...emails].map((email) => `account:${email}`).concat(`ip:${address}`);
  await db().query(`DELETE FROM "LoginThrottle" WHERE "key" = ANY($1::text[])`, [keys]);
}

async function openAccountPage(page: Page): Promise<void> {
  await (await hydrated(page.getByRole('navigation', { name: 'Newsroom', exact: true }).getByRole('link', { name: 'Account', exact: true }))).click();
  await expect(page).toHaveURL(/\/editor\/account$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto('/editor/account');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Faccount$/, NAVIGATION);
}

async function expectSignInRefused(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible(NAVIGATION);
}

test('changing the password keeps this browser signed in and signs the other one out', async ({ browser }) => {
  const session = await signedInTwice(browser, 'password');
  const { user, browserA, browserB } = session;
  const newPassword = strongPassword();
  try {
    await openAccountPage(browserA);
    const form = section(browserA, 'Change password');
    await hydrated(form.getByRole('button', { name: 'Change password', exact: true }));

    // A wrong current password is refused next to the field, and nothing changes.
    await form.getByLabel('Current password', { exact: true }).fill(`${user.password}-wrong`);
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await form.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('Your current password is not correct.', NAVIGATION);
    await expect(form.getByLabel('Current password', { exact: true })).toHaveAccessibleDescription('The current password is not correct.');

    await form.getByLabel('Current password', { exact: true }).fill(user.password);
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await form.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('Password changed. Every other session has been signed out.', NAVIGATION);
    // Passwords are never put back into the form.
    await expect(form.getByLabel('Current password', { exact: true })).toHaveValue('');

    await browserA.reload();
    await expect(browserA.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible(NAVIGATION);
    await expect(browserA).toHaveURL(/\/editor\/account$/);

    await expectSignedOut(browserB);
    await expectSignInRefused(browserB, user.email, user.password);
    await signIn(browserB, user.email, newPassword);
  } finally {
    await endSession(session);
  }
});

test('changing the email keeps this browser signed in, signs the other one out and moves sign-in to the new email', async ({ browser }) => {
  const session = await signedInTwice(browser, 'email');
  const { user, browserA, browserB } = session;
  const newEmail = `e2e-account-renamed-${crypto.randomBytes(5).toString('hex')}@example.test`;
  try {
    await openAccountPage(browserA);
    const form = section(browserA, 'Change email');
    await hydrated(form.getByRole('button', { name: 'Change email', exact: true }));
    await form.getByLabel('New email', { exact: true }).fill(newEmail.toUpperCase());
    await form.getByLabel('Current password', { exact: true }).fill(user.password);
    await form.getByRole('button', { name: 'Change email', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Your email is now ${newEmail}; sign in with it from now on. Every other session has been signed out.`,
      NAVIGATION,
    );

    await browserA.reload();
    await expect(browserA).toHaveURL(/\/editor\/account$/, NAVIGATION);
    await expect(browserA.getByRole('main').getByText(newEmail, { exact: true })).toBeVisible();

    await expectSignedOut(browserB);
    await expectSignInRefused(browserB, user.email, user.password);
    await signIn(browserB, newEmail, user.password);
  } finally {
    await endSession(session, newEmail);
  }
});

test('"Sign out everywhere" ends the session in every browser, this one included', async ({ browser }) => {
  const session = await signedInTwice(browser, 'everywhere');
  const { browserA, browserB } = session;
  try {
    await openAccountPage(browserA);
    await (await hydrated(section(browserA, 'Sign out everywhere').getByRole('button', { name: 'Sign out everywhere', exact: true }))).click();
    await expect(browserA).toHaveURL(/\/login\?signedOut=1$/, NAVIGATION);
    await expect(browserA.getByRole('status').filter({ hasText: 'You have been signed out.' })).toBeVisible();
    expect((await browserA.context().cookies()).map((cookie) => cookie.name)).not.toContain('next-auth.session-token');

    await expectSignedOut(browserA);
    await expectSignedOut(browserB);
  } finally {
    await endSession(session);
  }
});
