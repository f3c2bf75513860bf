import crypto from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors } from '../../prisma/demo/content';
import { createTestUser, e2eDatabaseForThisFile } from './support/database';

// An administrator manages users at /editor/users: invitations, disabling, password resets and role changes,
// each seen from both sides (the admin's browser and the affected user's own browser context). The database
// (E2E_DATABASE_URL) is used only to create this file's users, to pick a free author profile and to check
// the audit trail; every feature is driven through the browser.

// Each test walks several pages in two browsers against a server shared with the other worker.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;

// ---------------------------------------------------------------------------------------------------------
// Database helpers (setup, cleanup and assertions only)

const db = e2eDatabaseForThisFile();

const suffix = () => crypto.randomBytes(5).toString('hex');
const strongPassword = () => `e2e-${crypto.randomBytes(12).toString('base64url')}`;


const createUser = (role: 'ADMIN' | 'EDITOR' | 'FELLOW', label: string) => createTestUser(db(), role, 'users', label);

async function userIdOf(email: string): Promise<string> {
  const { rows } = await db().query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
  if (!rows[0]) throw new Error(`No user ${email}`);
  return rows[0].id;
}

type AuditRow = { action: string; actorId: string | null; targetType: string; targetId: string | null; detail: Record<string, unknown> | null };

async function auditEvents(action: string, where: { targetId?: string; email?: string }): Promise<AuditRow[]> {
  const { rows } = await db().query<AuditRow>(
    `SELECT "action", "actorId", "targetType", "targetId", "detail" FROM "AuditEvent"
     WHERE "action" = $1 AND ($2::text IS NULL OR "targetId" = $2) AND ($3::text IS NULL OR "detail"->>'email' = $3)`,
    [action, where.targetId ?? null, where.email ?? null],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Browser helpers

const NAVIGATION = { timeout: 20_000 };

/** Waits until React has hydrated the element, so a click or typing goes through the app's own handler. */
async function hydrated(element: Locator): Promise<Locator> {
  await expect(element).toBeVisible(NAVIGATION);
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), {
      message: 'the page is hydrated',
      ...NAVIGATION,
    })
    .toBe(true);
  return element;
}

async function signIn(page: Page, email: string, password: string, expectedPath: RegExp = /\/editor$/): Promise<void> {
  if (!/\/login(\?|$)/.test(page.url())) await page.goto('/login');
  await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(expectedPath, NAVIGATION);
}

async function openUsersAsAdmin(page: Page): Promise<void> {
  await signIn(page, admin.email, admin.password);
  await page.goto('/editor/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
}

/** The row of the users table for this email. */
function userRow(page: Page, email: string): Locator {
  return page.getByRole('table').getByRole('row').filter({ hasText: email });
}

/** A browser context of the user's own: a separate cookie jar, like a second browser. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext();
}

/** The path of a one-time link the admin is shown (its origin is the configured SITE_URL). */
async function oneTimeLinkPath(field: Locator, kind: 'invite' | 'reset'): Promise<string> {
  await expect(field).toBeVisible(NAVIGATION);
  const href = await field.inputValue();
  const url = new URL(href);
  expect(url.pathname).toMatch(new RegExp(`^/${kind}/[A-Za-z0-9_-]{20,}$`));
  return url.pathname;
}

// ---------------------------------------------------------------------------------------------------------

test('an admin invites a new fellow, who chooses a password once and then works as that fellow', async ({ page, browser }) => {
  // An author profile from the demo content that no account owns yet (several fellows have none).
  const demoSlugs = demoAuthors.map((author) => author.slug);
  const { rows: free } = await db().query<{ id: string; slug: string; name: string }>(
    `SELECT a."id", a."slug", a."name" FROM "Author" a
     WHERE a."slug" = ANY($1::text[]) AND a."retired" = false AND a."mergedIntoId" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."authorId" = a."id")
       AND NOT EXISTS (SELECT 1 FROM "UserToken" t WHERE t."authorId" = a."id" AND t."usedAt" IS NULL AND t."expiresAt" > now())`,
    [demoSlugs],
  );
  const withArticles = free.filter((author) => demoArticles.some((article) => article.authors.includes(author.slug)));
  expect(withArticles.length, 'a demo author profile without an account').toBeGreaterThan(0);
  // Chosen at random so that another test inviting a demo fellow at the same time is unlikely to pick the same.
  const author = withArticles[crypto.randomInt(withArticles.length)]!;
  const ownArticles = demoArticles.filter((article) => article.authors.includes(author.slug));
  const otherArticle = demoArticles.find((article) => !article.authors.includes(author.slug))!;

  const tag = suffix();
  const invitee = { email: `e2e-invitee-${tag}@example.test`, name: `E2E Invitee ${tag}`, password: strongPassword() };
  const inviteeContext = await freshContext(browser);
  try {
    await openUsersAsAdmin(page);
    const form = page.getByRole('region', { name: 'Invite a user' });
    await hydrated(form.getByRole('button', { name: 'Invite user', exact: true }));
    await form.getByLabel('Email', { exact: true }).fill(invitee.email);
    await form.getByLabel('Name', { exact: true }).fill(invitee.name);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Fellow' });
    await form.getByLabel('Author profile (for a fellow)', { exact: true }).selectOption({ label: author.name });
    await form.getByRole('button', { name: 'Invite user', exact: true }).click();

    await expect(form.getByRole('status')).toContainText(`Invitation created for ${invitee.email}`, NAVIGATION);
    const invitationPath = await oneTimeLinkPath(form.getByLabel('Invitation link', { exact: true }), 'invite');

    const invited = await auditEvents('user.invite', { email: invitee.email });
    expect(invited, 'an audit event for the invitation').toHaveLength(1);
    expect(invited[0]).toMatchObject({ actorId: await userIdOf(admin.email), targetType: 'invitation', detail: { email: invitee.email, role: 'FELLOW' } });

    // The invitee, in a browser of their own.
    const inviteePage = await inviteeContext.newPage();
    const opened = await inviteePage.goto(invitationPath);
    expect(opened?.status()).toBe(200);
    await expect(inviteePage.getByRole('heading', { level: 1, name: `Welcome, ${invitee.name}` })).toBeVisible();
    await expect(inviteePage.getByText(invitee.email)).toBeVisible();

    const password = inviteePage.getByLabel('Password', { exact: true });
    const confirm = inviteePage.getByLabel('Confirm password', { exact: true });
    const accept = inviteePage.getByRole('button', { name: 'Accept invitation', exact: true });
    await hydrated(accept);

    await password.fill('short-pw');
    await confirm.fill('short-pw');
    await accept.click();
    await expect(inviteePage.getByText('Password must be at least 12 characters long.')).toBeVisible(NAVIGATION);
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(inviteePage.getByRole('alert').filter({ hasText: 'Please correct the fields below.' })).toBeVisible();

    await password.fill('Password12345');
    await confirm.fill('Password12345');
    await accept.click();
    await expect(inviteePage.getByText(/Password is too common/)).toBeVisible(NAVIGATION);
    await expect(inviteePage.getByText('Password must be at least 12 characters long.')).toHaveCount(0);
    expect(await db().query(`SELECT 1 FROM "User" WHERE "email" = $1`, [invitee.email]).then((result) => result.rowCount)).toBe(0);

    await password.fill(invitee.password);
    await confirm.fill(invitee.password);
    await accept.click();
    await expect(inviteePage).toHaveURL(/\/login\?callbackUrl=(%2F|\/)editor$/, NAVIGATION);

    await signIn(inviteePage, invitee.email, invitee.password);
    await expect(inviteePage.getByRole('heading', { level: 1, name: 'My articles' })).toBeVisible();
    const nav = inviteePage.getByRole('navigation', { name: 'Newsroom', exact: true });
    await expect(nav.getByText(`${invitee.name} (Fellow)`)).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
    const table = inviteePage.getByRole('table');
    for (const article of ownArticles) await expect(table.getByRole('cell', { name: article.title, exact: true })).toBeVisible();
    await expect(table.getByRole('cell', { name: otherArticle.title, exact: true })).toHaveCount(0);

    // The link was for one use only.
    const again = await inviteePage.goto(invitationPath);
    expect(again?.status()).toBe(404);
    await expect(inviteePage.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
    const anonymous = await (await freshContext(browser)).newPage();
    expect((await anonymous.goto(invitationPath))?.status()).toBe(404);
    await anonymous.context().close();
  } finally {
    await inviteeContext.close();
    // Frees the demo author profile again (and retires the account), so that the next run finds it free.
    await db().query(`UPDATE "User" SET "authorId" = NULL, "disabled" = true, "updatedAt" = now() WHERE "email" = $1`, [invitee.email]);
  }
});

test('disabling a user ends their open session in another browser at their next navigation', async ({ page, browser }) => {
  const user = await createUser('EDITOR', 'disable');
  const userContext = await freshContext(browser);
  try {
    const userPage = await userContext.newPage();
    await signIn(userPage, user.email, user.password);
    await userPage.goto('/profile');
    await expect(userPage.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
    const myArticles = await hydrated(userPage.getByRole('main').getByRole('link', { name: 'My articles', exact: true }));

    await openUsersAsAdmin(page);
    const row = userRow(page, user.email);
    await (await hydrated(row.getByRole('button', { name: `Disable ${user.name}`, exact: true }))).click();
    await expect(row.getByRole('status')).toHaveText('User disabled. Their sessions have ended.', NAVIGATION);
    await expect(row.getByRole('cell', { name: 'Disabled', exact: true })).toBeVisible();

    // The user's next click is refused: they end up on the sign-in page, with nothing of the newsroom.
    await myArticles.click();
    await expect(userPage).toHaveURL(/\/login\?callbackUrl=%2Feditor$/, NAVIGATION);
    await expect(userPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    // And so is every later navigation.
    await userPage.goto('/profile');
    await expect(userPage).toHaveURL(/\/login\?callbackUrl=%2Fprofile$/);
    await expect(userPage.getByText(user.email)).toHaveCount(0);

    const disabled = await auditEvents('user.disable', { targetId: user.id });
    expect(disabled, 'an audit event for the disabling').toHaveLength(1);
    expect(disabled[0]).toMatchObject({ actorId: await userIdOf(admin.email), targetType: 'user' });
  } finally {
    await userContext.close();
  }
});

test('a password reset link lets the user choose a new password, once', async ({ page, browser }) => {
  const user = await createUser('EDITOR', 'reset');
  const userContext = await freshContext(browser);
  try {
    await openUsersAsAdmin(page);
    const row = userRow(page, user.email);
    await (await hydrated(row.getByRole('button', { name: `Reset password of ${user.name}`, exact: true }))).click();
    await expect(row.getByRole('status')).toContainText('Send this one-time link to the user', NAVIGATION);
    const resetPath = await oneTimeLinkPath(row.getByLabel(`Password reset link for ${user.name}`, { exact: true }), 'reset');

    const linkCreated = await auditEvents('user.passwordResetLink', { targetId: user.id });
    expect(linkCreated, 'an audit event for the reset link').toHaveLength(1);
    expect(linkCreated[0]).toMatchObject({ actorId: await userIdOf(admin.email), targetType: 'user' });

    const userPage = await userContext.newPage();
    expect((await userPage.goto(resetPath))?.status()).toBe(200);
    await expect(userPage.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(userPage.getByText(`For ${user.email}.`)).toBeVisible();
    const newPassword = strongPassword();
    const submit = await hydrated(userPage.getByRole('button', { name: 'Set password', exact: true }));
    await userPage.getByLabel('Password', { exact: true }).fill(newPassword);
    await userPage.getByLabel('Confirm password', { exact: true }).fill(newPassword);
    await submit.click();
    await expect(userPage).toHaveURL(/\/login\?callbackUrl=(%2F|\/)editor$/, NAVIGATION);

    await signIn(userPage, user.email, newPassword);
    await expect(userPage.getByRole('navigation', { name: 'Newsroom' }).getByText(`${user.name} (Editor)`)).toBeVisible();

    expect((await auditEvents('user.passwordReset', { targetId: user.id })).length).toBe(1);

    // The link worked once; now it is gone.
    const again = await userPage.goto(resetPath);
    expect(again?.status()).toBe(404);
    await expect(userPage.getByRole('button', { name: 'Set password' })).toHaveCount(0);
  } finally {
    await userContext.close();
  }
});

test('changing a user\'s role ends their session; they sign in again with the new role', async ({ page, browser }) => {
  const user = await createUser('EDITOR', 'role');
  const userContext = await freshContext(browser);
  try {
    const userPage = await userContext.newPage();
    await signIn(userPage, user.email, user.password);
    await userPage.goto('/profile');
    const myArticles = await hydrated(userPage.getByRole('main').getByRole('link', { name: 'My articles', exact: true }));

    await openUsersAsAdmin(page);
    const row = userRow(page, user.email);
    await hydrated(row.getByRole('button', { name: 'Change role', exact: true }));
    // The select's accessible name is its label followed by the selected role.
    await row.getByRole('combobox', { name: `Role for ${user.name}` }).selectOption({ label: 'Fellow' });
    await row.getByRole('button', { name: 'Change role', exact: true }).click();
    await expect(row.getByRole('status')).toContainText('Role changed.', NAVIGATION);
    await expect(row.getByRole('cell', { name: 'Fellow', exact: true })).toBeVisible();

    await myArticles.click();
    await expect(userPage).toHaveURL(/\/login\?callbackUrl=(%2F|\/)editor$/, NAVIGATION);

    await signIn(userPage, user.email, user.password);
    await expect(userPage.getByRole('heading', { level: 1, name: 'My articles' })).toBeVisible();
    await expect(userPage.getByRole('navigation', { name: 'Newsroom' }).getByText(`${user.name} (Fellow)`)).toBeVisible();

    const changed = await auditEvents('user.changeRole', { targetId: user.id });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actorId: await userIdOf(admin.email), detail: { role: 'FELLOW' } });
  } finally {
    await userContext.close();
  }
});
