import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eDatabaseForThisFile } from './support/database';

// Sign-in throttling: 10 failed attempts lock the account, and then even the right password is refused with a
// clear message. Throttling counts failures per account AND per client address. Every test signs in from
// 127.0.0.1, so this test must never lock that address: it uses an account of its own and, through the
// X-Forwarded-For header the app takes the client address from, a client address of its own; afterwards it
// deletes the throttle rows it created. Serial, in a file of its own, so nothing else shares its window.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const LIMIT = 10;
const LOCAL_ADDRESS_KEY = 'ip:127.0.0.1';
const NAVIGATION = { timeout: 20_000 };

const db = e2eDatabaseForThisFile();

type ThrottleRow = { key: string; failures: number; lockedUntil: Date | null };

async function throttleRows(keys: string[]): Promise<Map<string, ThrottleRow>> {
  const { rows } = await db().query<ThrottleRow>(`SELECT "key", "failures", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ANY($1::text[])`, [keys]);
  return new Map(rows.map((row) => [row.key, row]));
}

async function hydrated(element: Locator): Promise<Locator> {
  await expect(element).toBeVisible(NAVIGATION);
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), {
      message: 'the sign-in form is hydrated',
      ...NAVIGATION,
    })
    .toBe(true);
  return element;
}

async function attempt(page: Page, password: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  await page.getByLabel('Password', { exact: true }).fill(password);
  await expect(button).toBeEnabled(NAVIGATION);
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/auth/callback/credentials',
    NAVIGATION,
  );
  await button.click();
  await answered;
  // The form is busy ("Signing in…") until it has shown the answer.
  await expect(button).toBeEnabled(NAVIGATION);
}

const invalidAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'Invalid email or password' });
const throttledAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'Too many failed sign-in attempts' });

test('after 10 failed sign-ins the account is locked: the 11th attempt, even with the right password, is refused', async ({ page }) => {
  const tag = crypto.randomBytes(5).toString('hex');
  const user = { id: `e2elock${tag}`, email: `e2e-lockout-${tag}@example.test`, name: `E2E Lockout ${tag}`, password: `e2e-${crypto.randomBytes(12).toString('base64url')}` };
  // TEST-NET-3, random per run: an address no other test uses.
  const address = `203.0.113.${1 + crypto.randomInt(254)}`;
  const accountKey = `account:${user.email}`;
  const addressKey = `ip:${address}`;
  let ownAddressHonoured = false;

  await db().query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, 'EDITOR'::"Role", now())`,
    [user.id, user.email, user.name, await hash(user.password)],
  );
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  try {
    await page.goto('/login');
    await hydrated(page.getByRole('button', { name: 'Sign in', exact: true }));
    await page.getByLabel('Email', { exact: true }).fill(user.email);

    // First failure: check it was counted against this test's own address, not against 127.0.0.1. If the
    // app ever stops taking the address from X-Forwarded-For, 9 more failures here would lock 127.0.0.1 for
    // every other test, so the test stops instead.
    await attempt(page, 'wrong-password-1');
    await expect(invalidAlert(page)).toBeVisible();
    const counted = await throttleRows([accountKey, addressKey]);
    expect(counted.get(accountKey)?.failures, 'the failure is counted against the account').toBe(1);
    expect(
      counted.get(addressKey)?.failures,
      `the failure is counted against the test's own address ${address}; if not, the app no longer reads X-Forwarded-For and this test must lock the account another way`,
    ).toBe(1);
    ownAddressHonoured = true;

    for (let failure = 2; failure < LIMIT; failure++) {
      await attempt(page, `wrong-password-${failure}`);
      await expect(invalidAlert(page), `failure ${failure} is still an ordinary "invalid" answer`).toBeVisible();
      await expect(throttledAlert(page)).toHaveCount(0);
    }
    expect((await throttleRows([accountKey])).get(accountKey)).toMatchObject({ failures: LIMIT - 1, lockedUntil: null });

    // The 10th failure locks the account; the form says so at once.
    await attempt(page, `wrong-password-${LIMIT}`);
    await expect(throttledAlert(page)).toBeVisible();
    const locked = (await throttleRows([accountKey])).get(accountKey);
    expect(locked?.failures).toBe(LIMIT);
    expect(locked?.lockedUntil?.getTime() ?? 0, 'the account is locked for a while').toBeGreaterThan(Date.now() + 10 * 60 * 1000);

    // The 11th attempt, with the right password, is refused with the clear message and signs nobody in.
    await attempt(page, user.password);
    await expect(throttledAlert(page)).toHaveText('Too many failed sign-in attempts. Please wait 15 minutes and try again.');
    await expect(invalidAlert(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('next-auth.session-token');
    await page.goto('/editor');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor$/);

    const refused = await db().query(`SELECT 1 FROM "AuditEvent" WHERE "action" = 'auth.refused' AND "targetId" = $1`, [user.id]);
    expect(refused.rowCount, 'the refused attempt is audited').toBe(1);
    const lockout = await db().query(`SELECT 1 FROM "AuditEvent" WHERE "action" = 'auth.lockout' AND "targetId" = $1`, [user.id]);
    expect(lockout.rowCount, 'the lockout is audited').toBe(1);
  } finally {
    await db().query(`DELETE FROM "LoginThrottle" WHERE "key" = ANY($1::text[])`, [[accountKey, addressKey]]);
    // Had the first failure landed on 127.0.0.1 after all (the test then stopped), take it back so that it
    // cannot add up with other tests' failures to a lock of the address everybody signs in from.
    if (!ownAddressHonoured) {
      await db().query(
        `UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0),
           "lockedUntil" = CASE WHEN "failures" - 1 < $2 THEN NULL ELSE "lockedUntil" END
         WHERE "key" = $1`,
        [LOCAL_ADDRESS_KEY, LIMIT],
      );
    }
  }
});
