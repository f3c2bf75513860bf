import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { demoAccounts, demoArticles, demoAuthors, demoTopics } from '../../prisma/demo/content';

// Security headers on every kind of page: the baseline headers everywhere, a Content Security Policy with the
// strict directives everywhere, and on the signed-in pages (which are never cached) a script policy with a
// fresh nonce per request instead of 'unsafe-inline'. In a real browser: no CSP violation on /login and
// /editor, the sign-in still works (its scripts run by nonce), and the session cookie is HttpOnly and Lax.

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
const now = Date.now();
const published = demoArticles.find(
  (article) => article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now,
)!;
const topic = demoTopics.find((candidate) => demoArticles.some((article) => article.topics.includes(candidate.slug)))!;

const PUBLIC_PAGES = [
  { path: '/', status: 200 },
  { path: '/articles', status: 200 },
  { path: `/articles/${published.slug}`, status: 200 },
  { path: '/authors', status: 200 },
  { path: `/authors/${demoAuthors[0]!.slug}`, status: 200 },
  { path: `/topics/${topic.slug}`, status: 200 },
  { path: '/articles/no-such-article-here', status: 404 },
  { path: '/no-such-section', status: 404 },
];

/** Pages under the signed-in prefixes that anyone can request (sign-in, and the token pages' 404s). */
const ANONYMOUS_SIGNED_IN_PAGES = [
  { path: '/login', status: 200 },
  { path: '/setup', status: 404 },
  { path: '/invite/not-a-real-invitation-token-at-all', status: 404 },
  { path: '/reset/not-a-real-reset-token-at-all-here', status: 404 },
];

const SESSION_PAGES = ['/editor', '/editor/users', '/profile'];

const NAVIGATION = { timeout: 20_000 };

// ---------------------------------------------------------------------------------------------------------

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The headers every response carries, and the CSP directives every page has, signed in or not. */
function expectBaseline(response: APIResponse, where: string): Map<string, string[]> {
  const headers = response.headers();
  expect(headers['x-content-type-options'], `${where}: X-Content-Type-Options`).toBe('nosniff');
  expect(headers['referrer-policy'], `${where}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  const permissions = headers['permissions-policy'] ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions, `${where}: Permissions-Policy`).toContain(feature);

  const policy = headers['content-security-policy'];
  expect(policy, `${where}: Content-Security-Policy`).toBeTruthy();
  // Exactly one policy: a second header would be combined with the first by the browser.
  expect(response.headersArray().filter((header) => header.name.toLowerCase() === 'content-security-policy'), `${where}: one CSP header`).toHaveLength(1);
  const directives = parsePolicy(policy!);
  expect(directives.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  expect(directives.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(directives.get('base-uri'), `${where}: base-uri`).toEqual(["'self'"]);
  expect(directives.get('form-action'), `${where}: form-action`).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  return directives;
}

/** Signed-in pages: scripts only by this response's nonce, never 'unsafe-inline'. Returns the nonce. */
function expectNonceScriptPolicy(directives: Map<string, string[]>, where: string): string {
  const scriptSrc = directives.get('script-src') ?? [];
  expect(scriptSrc, `${where}: script-src has no 'unsafe-inline'`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, `${where}: script-src has no 'unsafe-eval' in production`).not.toContain("'unsafe-eval'");
  const nonces = scriptSrc.filter((value) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(value));
  expect(nonces, `${where}: script-src has one nonce (${scriptSrc.join(' ')})`).toHaveLength(1);
  return nonces[0]!.slice("'nonce-".length, -1);
}

/** Every script element of the page carries the response's nonce. */
function expectScriptsCarryNonce(html: string, nonce: string, where: string): void {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: the page has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${where}: script carries the nonce`).toContain(`nonce="${nonce}"`);
}

async function waitForSignInForm(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  await expect(button).toBeVisible(NAVIGATION);
  await expect
    .poll(() => button.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), {
      message: 'the sign-in form is hydrated (its scripts ran)',
      ...NAVIGATION,
    })
    .toBe(true);
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await waitForSignInForm(page);
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/editor$/, NAVIGATION);
}

// ---------------------------------------------------------------------------------------------------------

test('every public page sends the baseline headers and the strict CSP directives', async ({ request }) => {
  for (const { path, status } of PUBLIC_PAGES) {
    const response = await request.get(path);
    expect(response.status(), `${path} status`).toBe(status);
    const directives = expectBaseline(response, path);
    // Public pages are shared from the cache, so they cannot carry a nonce; their scripts stay on this origin.
    expect(directives.get('script-src'), `${path}: script-src`).toContain("'self'");
  }
});

test('sign-in, setup and token pages send the headers and a per-request nonce instead of unsafe-inline', async ({ request }) => {
  for (const { path, status } of ANONYMOUS_SIGNED_IN_PAGES) {
    const first = await request.get(path);
    expect(first.status(), `${path} status`).toBe(status);
    const firstNonce = expectNonceScriptPolicy(expectBaseline(first, path), path);
    const second = await request.get(path);
    const secondNonce = expectNonceScriptPolicy(expectBaseline(second, `${path} (again)`), `${path} (again)`);
    expect(secondNonce, `${path}: a new nonce for every request`).not.toBe(firstNonce);
    expectScriptsCarryNonce(await second.text(), secondNonce, path);
  }
});

test('the signed-in pages send the headers and a per-request nonce; the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page);

  const session = (await context.cookies()).find((cookie) => cookie.name === 'next-auth.session-token');
  expect(session, 'the session cookie is set').toBeTruthy();
  expect(session!.httpOnly, 'the session cookie is HttpOnly').toBe(true);
  expect(session!.sameSite, 'the session cookie is SameSite=Lax').toBe('Lax');
  expect(session!.path).toBe('/');

  // The same browser context's HTTP client, with the session cookie.
  for (const path of SESSION_PAGES) {
    const first = await page.request.get(path, { maxRedirects: 0 });
    expect(first.status(), `${path} status (signed in)`).toBe(200);
    const firstNonce = expectNonceScriptPolicy(expectBaseline(first, path), path);
    const second = await page.request.get(path, { maxRedirects: 0 });
    const secondNonce = expectNonceScriptPolicy(expectBaseline(second, `${path} (again)`), `${path} (again)`);
    expect(secondNonce, `${path}: a new nonce for every request`).not.toBe(firstNonce);
    expectScriptsCarryNonce(await second.text(), secondNonce, path);
  }
});

test('in the browser no CSP violation is reported on /login and /editor, and the sign-in works', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content[- ]Security[- ]Policy/i.test(error.message)) violations.push(`page error: ${error.message}`);
  });
  // Also the DOM's own report of each violation (init scripts are not subject to the page's CSP).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const reported = () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

  const login = await page.goto('/login');
  expect(login?.status()).toBe(200);
  await waitForSignInForm(page);
  expect(await reported(), 'violations reported on /login').toEqual([]);

  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/editor$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();

  // The newsroom's scripts run too: a client-side navigation to the users page works.
  const users = page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Users', exact: true });
  await expect
    .poll(() => users.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), { message: '/editor is hydrated', ...NAVIGATION })
    .toBe(true);
  expect(await reported(), 'violations reported on /editor').toEqual([]);
  await users.click();
  await expect(page).toHaveURL(/\/editor\/users$/, NAVIGATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  expect(await reported(), 'violations reported after navigating to /editor/users').toEqual([]);

  expect(violations, 'CSP violations in the console').toEqual([]);
});
