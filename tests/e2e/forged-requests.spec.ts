import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from '@playwright/test';
import { demoAccounts, demoArticles } from '../../prisma/demo/content';
import { createTestUser, e2eDatabaseForThisFile } from './support/database';

// Requests a browser would never send, made with Playwright's HTTP client: a forged `x-middleware-subrequest`
// header (the trick that once let requests skip Next's middleware), tampered, garbage and unsigned session
// cookies, the cookie of a user disabled after signing in, and server-action POSTs carrying all of these or
// coming from another origin. None may read protected data or change anything. Every attack has a positive
// control (the same request with a valid admin session works), so a test cannot pass because the request
// was malformed. The database (E2E_DATABASE_URL) is used for setup and to check that nothing changed.

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const SESSION_COOKIE = 'next-auth.session-token';
const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const draft = demoArticles.find((article) => article.status === 'DRAFT')!;
const inReview = demoArticles.find((article) => article.status === 'IN_REVIEW')!;

const ROUTES = ['/editor', '/editor/users', '/profile'] as const;

/** What only a signed-in viewer may see: users' emails, the users table, unpublished articles, the dashboard. */
const PROTECTED_MARKERS = [
  admin.email,
  editor.email,
  admin.name,
  'All users',
  'Invite a user',
  'Articles by status',
  'Recently updated articles',
  draft.title,
  inReview.title,
];

const FORGED_SUBREQUEST_HEADERS = [
  'middleware',
  'proxy',
  'src/middleware',
  'src/proxy',
  'pages/_middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'src/middleware:middleware:middleware:middleware:middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
];

// ---------------------------------------------------------------------------------------------------------
// Database helpers (setup and assertions only)

const db = e2eDatabaseForThisFile();

const suffix = () => crypto.randomBytes(5).toString('hex');


const createUser = (role: 'ADMIN' | 'EDITOR' | 'FELLOW', label: string) => createTestUser(db(), role, 'forged', label);

async function invitationExists(email: string): Promise<boolean> {
  const { rowCount } = await db().query(`SELECT 1 FROM "UserToken" WHERE "kind" = 'invitation' AND "email" = $1`, [email]);
  return (rowCount ?? 0) > 0;
}

async function userState(id: string): Promise<{ disabled: boolean; sessionVersion: number; role: string }> {
  const { rows } = await db().query<{ disabled: boolean; sessionVersion: number; role: string }>(
    `SELECT "disabled", "sessionVersion", "role" FROM "User" WHERE "id" = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`No user ${id}`);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers

/** Signs in through next-auth's credentials endpoint, as the sign-in form does, and returns the session cookie. */
async function signInCookie(playwright: PlaywrightWorkerArgs['playwright'], email: string, password: string): Promise<string> {
  const context = await playwright.request.newContext();
  try {
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await context.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, callbackUrl: '/editor', json: 'true' },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${email}`).toBe(200);
    const cookie = (await context.storageState()).cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`Signing in as ${email} set no session cookie`);
    return cookie.value;
  } finally {
    await context.dispose();
  }
}

const withSession = (value: string) => ({ cookie: `${SESSION_COOKIE}=${value}` });

/**
 * A GET without following redirects, except Next's own redirect of an RSC request to the same path with the
 * `_rsc` cache-busting parameter added (what the browser's router sends anyway).
 */
async function get(request: APIRequestContext, path: string, headers: Record<string, string> = {}): Promise<{ response: APIResponse; body: string }> {
  let target = path;
  for (let hop = 0; ; hop++) {
    const response = await request.get(target, { headers, maxRedirects: 0 });
    const location = response.headers().location;
    if (hop < 2 && location && [307, 308].includes(response.status())) {
      const next = new URL(location, 'http://placeholder.invalid');
      if (next.pathname === new URL(target, 'http://placeholder.invalid').pathname && next.searchParams.has('_rsc')) {
        target = `${next.pathname}${next.search}`;
        continue;
      }
    }
    return { response, body: await response.text() };
  }
}

/** Refused: a redirect to the sign-in page or not found, and nothing only a signed-in viewer may see. */
async function expectNoProtectedData(request: APIRequestContext, path: string, headers: Record<string, string>, what: string): Promise<void> {
  const { response, body } = await get(request, path, headers);
  const status = response.status();
  const where = `${what}: GET ${path} answered ${status}`;
  for (const marker of PROTECTED_MARKERS) expect(body, `${where} and must not contain "${marker}"`).not.toContain(marker);
  if (status === 404) return;
  if (status === 200 && headers.RSC === '1') {
    // An RSC answer carries the page's redirect (or not-found) as an instruction to the client router.
    expect(body, `${where}; expected the RSC answer to redirect to /login or be not found`).toMatch(/NEXT_REDIRECT;\w+;\/login\?|NEXT_HTTP_ERROR_FALLBACK;404/);
    return;
  }
  expect([302, 303, 307, 308], `${where}; expected a redirect to /login or 404`).toContain(status);
  const location = new URL(response.headers().location ?? '', 'http://placeholder.invalid');
  expect(location.pathname, `${where} redirects to ${response.headers().location}`).toBe('/login');
}

/** The positive control: with a valid session the same request does get the page. */
async function expectProtectedData(request: APIRequestContext, path: string, headers: Record<string, string>, marker: string): Promise<void> {
  const { response, body } = await get(request, path, headers);
  expect(response.status(), `GET ${path} with a valid session`).toBe(200);
  expect(body).toContain(marker);
}

// A real action ID, read from the admin's /editor/users page the way the browser gets it: each form of a
// server action carries hidden `$ACTION_…` inputs naming the action's ID.
type ActionIds = { invite: string; disable: string };

function actionIdOfForm(html: string, fieldName: string): string {
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(`name="${fieldName}"`)) continue;
    const inputNames = [...form.matchAll(/name="(\$ACTION_[^"]+)"(?:[^>]*?value="([^"]*)")?/g)];
    for (const [, name, value] of inputNames) {
      const direct = /^\$ACTION_ID_([0-9a-f]+)$/.exec(name!);
      if (direct) return direct[1]!;
      const decoded = (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
      const bound = /"id":"([0-9a-f]+)"/.exec(decoded);
      if (bound) return bound[1]!;
    }
  }
  throw new Error(`No server action form with a "${fieldName}" field on /editor/users`);
}

async function findActionIds(request: APIRequestContext, adminCookie: string): Promise<ActionIds> {
  const { response, body } = await get(request, '/editor/users', withSession(adminCookie));
  expect(response.status()).toBe(200);
  return { invite: actionIdOfForm(body, 'authorSlug'), disable: actionIdOfForm(body, 'disabled') };
}

/**
 * Calls a `useActionState` server action the way the browser does: POST to the page with the `Next-Action`
 * header and the arguments (previous state, form data) encoded as React's reply format, where the form's
 * fields come first and the root argument list ("0") last.
 */
async function callAction(
  request: APIRequestContext,
  actionId: string,
  fields: Record<string, string>,
  headers: Record<string, string>,
  origin: string,
): Promise<APIResponse> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  return request.post('/editor/users', {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component', Origin: origin, ...headers },
    multipart: body,
    maxRedirects: 0,
  });
}

/** A different base64url character at the middle of the segment, changing the decoded bytes for sure. */
function flipMiddle(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const index = Math.floor(segment.length / 2);
  const replacement = alphabet[alphabet.indexOf(segment[index]!) ^ 0b100000]!;
  return `${segment.slice(0, index)}${replacement}${segment.slice(index + 1)}`;
}

function tamperedVariants(cookie: string): Record<string, string> {
  const parts = cookie.split('.');
  expect(parts, 'the session cookie is a compact JWE (header..iv.ciphertext.tag)').toHaveLength(5);
  const variant = (index: number) => parts.map((part, i) => (i === index ? flipMiddle(part) : part)).join('.');
  return {
    'a character flipped in the header': variant(0),
    'a character flipped in the IV': variant(2),
    'a character flipped in the encrypted payload': variant(3),
    'a character flipped in the authentication tag': variant(4),
    'the authentication tag cut off': parts.slice(0, 4).join('.'),
    'the payload cut short': [parts[0], parts[1], parts[2], parts[3]!.slice(0, -8), parts[4]].join('.'),
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function garbageVariants(adminId: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { uid: adminId, sv: 1, name: admin.name, email: admin.email };
  const hs256 = (payload: object) => {
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
    return `${unsigned}.${crypto.createHmac('sha256', 'not-the-secret').update(unsigned).digest('base64url')}`;
  };
  return {
    'plain garbage': 'garbage',
    'an empty value': '',
    'an unsigned JWT (alg none) claiming to be the admin': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, iat: now, exp: now + 3600 })}.`,
    'an expired JWT signed with another key': hs256({ ...claims, iat: now - 7200, exp: now - 3600 }),
    'a JWT signed with another key': hs256({ ...claims, iat: now, exp: now + 3600 }),
    'an expired JWE-shaped token of random bytes': [
      base64url({ alg: 'dir', enc: 'A256GCM', exp: now - 3600 }),
      '',
      crypto.randomBytes(12).toString('base64url'),
      crypto.randomBytes(96).toString('base64url'),
      crypto.randomBytes(16).toString('base64url'),
    ].join('.'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Per worker: a real admin session and the real action IDs.

let adminCookie = '';
let adminId = '';
let actions: ActionIds;

test.beforeAll(async ({ playwright }) => {
  adminCookie = await signInCookie(playwright, admin.email, admin.password);
  const { rows } = await db().query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [admin.email]);
  adminId = rows[0]!.id;
  const request = await playwright.request.newContext();
  try {
    actions = await findActionIds(request, adminCookie);
  } finally {
    await request.dispose();
  }
});

// ---------------------------------------------------------------------------------------------------------
// Pages

test('positive control: a valid admin session reads every signed-in route', async ({ request }) => {
  await expectProtectedData(request, '/editor', withSession(adminCookie), draft.title);
  await expectProtectedData(request, '/editor/users', withSession(adminCookie), editor.email);
  await expectProtectedData(request, '/profile', withSession(adminCookie), admin.email);
});

for (const path of ROUTES) {
  test(`a forged x-middleware-subrequest header gets no protected data from ${path}`, async ({ request }) => {
    for (const forged of FORGED_SUBREQUEST_HEADERS) {
      const headers = { 'x-middleware-subrequest': forged };
      await expectNoProtectedData(request, path, headers, `x-middleware-subrequest: ${forged}`);
      // The same, as a client-side navigation (RSC) request.
      await expectNoProtectedData(request, path, { ...headers, RSC: '1' }, `x-middleware-subrequest: ${forged} (RSC)`);
      // And with a session cookie that is no session.
      await expectNoProtectedData(request, path, { ...headers, ...withSession('garbage') }, `x-middleware-subrequest: ${forged} with a garbage cookie`);
    }
  });

  test(`a tampered session cookie gets no protected data from ${path}`, async ({ request }) => {
    for (const [what, value] of Object.entries(tamperedVariants(adminCookie))) {
      await expectNoProtectedData(request, path, withSession(value), `admin cookie with ${what}`);
      await expectNoProtectedData(request, path, { ...withSession(value), RSC: '1' }, `admin cookie with ${what} (RSC)`);
      await expectNoProtectedData(
        request,
        path,
        { ...withSession(value), 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
        `admin cookie with ${what} and a forged x-middleware-subrequest`,
      );
    }
  });

  test(`a garbage, unsigned or expired JWT gets no protected data from ${path}`, async ({ request }) => {
    for (const [what, value] of Object.entries(garbageVariants(adminId))) {
      await expectNoProtectedData(request, path, withSession(value), what);
    }
  });
}

test('the cookie of a user disabled after signing in gets no protected data', async ({ request, playwright }) => {
  const user = await createUser('ADMIN', 'disabled');
  const cookie = await signInCookie(playwright, user.email, user.password);
  // Positive control: the session works while the user is enabled.
  await expectProtectedData(request, '/editor/users', withSession(cookie), user.email);
  await expectProtectedData(request, '/profile', withSession(cookie), user.email);

  await db().query(`UPDATE "User" SET "disabled" = true, "updatedAt" = now() WHERE "id" = $1`, [user.id]);
  for (const path of ROUTES) {
    await expectNoProtectedData(request, path, withSession(cookie), `the session of disabled user ${user.email}`);
    await expectNoProtectedData(request, path, { ...withSession(cookie), RSC: '1' }, `the session of disabled user ${user.email} (RSC)`);
  }
});

// ---------------------------------------------------------------------------------------------------------
// Server actions

test('server actions refuse forged headers, tampered or garbage cookies and disabled users\' sessions', async ({ request, playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const victim = await createUser('EDITOR', 'victim');
  const controlVictim = await createUser('EDITOR', 'control');
  const disabledAdmin = await createUser('ADMIN', 'disabled-admin');
  const disabledCookie = await signInCookie(playwright, disabledAdmin.email, disabledAdmin.password);
  await db().query(`UPDATE "User" SET "disabled" = true, "updatedAt" = now() WHERE "id" = $1`, [disabledAdmin.id]);

  const inviteFields = (email: string) => ({ email, name: `E2E Forged invitee ${suffix()}`, role: 'ADMIN', authorSlug: '' });
  const disableFields = (userId: string) => ({ userId, disabled: 'true' });

  // Positive controls: with the admin's valid session, the very same requests do their work.
  const controlEmail = `e2e-forged-control-${suffix()}@example.test`;
  const controlInvite = await callAction(request, actions.invite, inviteFields(controlEmail), withSession(adminCookie), origin);
  expect(controlInvite.status()).toBe(200);
  expect(await controlInvite.text()).toContain('Invitation created for');
  expect(await invitationExists(controlEmail), 'the control invitation was created').toBe(true);
  const controlDisable = await callAction(request, actions.disable, disableFields(controlVictim.id), withSession(adminCookie), origin);
  expect(controlDisable.status()).toBe(200);
  expect((await userState(controlVictim.id)).disabled, 'the control user was disabled').toBe(true);

  const before = await userState(victim.id);
  const attacks: Record<string, Record<string, string>> = { 'no session at all': {} };
  for (const forged of FORGED_SUBREQUEST_HEADERS) attacks[`x-middleware-subrequest: ${forged}`] = { 'x-middleware-subrequest': forged };
  for (const [what, value] of Object.entries(tamperedVariants(adminCookie))) attacks[`admin cookie with ${what}`] = withSession(value);
  for (const [what, value] of Object.entries(garbageVariants(adminId))) attacks[what] = withSession(value);
  attacks['a disabled admin\'s session'] = withSession(disabledCookie);
  attacks['a tampered cookie and a forged x-middleware-subrequest'] = {
    ...withSession(tamperedVariants(adminCookie)['a character flipped in the encrypted payload']!),
    'x-middleware-subrequest': 'src/middleware:middleware:middleware:middleware:middleware',
  };

  for (const [what, headers] of Object.entries(attacks)) {
    const email = `e2e-forged-attack-${suffix()}@example.test`;
    const invite = await callAction(request, actions.invite, inviteFields(email), headers, origin);
    const inviteBody = await invite.text();
    expect(inviteBody, `${what}: no invitation link in the answer`).not.toContain('/invite/');
    expect(inviteBody, `${what}: no invitation link in the answer`).not.toContain('Invitation created');
    expect(await invitationExists(email), `${what}: no invitation was created`).toBe(false);

    const disable = await callAction(request, actions.disable, disableFields(victim.id), headers, origin);
    expect(await disable.text(), `${what}: the disable action did not report success`).not.toContain('User disabled');
    expect(await userState(victim.id), `${what}: the user is unchanged`).toEqual(before);
  }

  // An editor's real session is refused too: inviting and disabling are for admins.
  const editorCookie = await signInCookie(playwright, editor.email, editor.password);
  const editorEmail = `e2e-forged-editor-${suffix()}@example.test`;
  const byEditor = await callAction(request, actions.invite, inviteFields(editorEmail), withSession(editorCookie), origin);
  expect(await byEditor.text()).toContain('You are not allowed to do that.');
  expect(await invitationExists(editorEmail)).toBe(false);
  await callAction(request, actions.disable, disableFields(victim.id), withSession(editorCookie), origin);
  expect(await userState(victim.id)).toEqual(before);
});

test('a cross-origin server action POST is rejected, even with a valid admin session', async ({ request }) => {
  const victim = await createUser('EDITOR', 'crossorigin');
  const before = await userState(victim.id);
  for (const origin of ['https://evil.example', 'http://evil.example', 'null']) {
    const email = `e2e-forged-crossorigin-${suffix()}@example.test`;
    const invite = await callAction(request, actions.invite, { email, name: 'E2E Cross-origin', role: 'ADMIN', authorSlug: '' }, withSession(adminCookie), origin);
    expect(invite.status(), `Origin: ${origin} is rejected`).toBeGreaterThanOrEqual(400);
    expect(await invite.text()).not.toContain('/invite/');
    expect(await invitationExists(email), `Origin: ${origin} created no invitation`).toBe(false);

    const disable = await callAction(request, actions.disable, { userId: victim.id, disabled: 'true' }, withSession(adminCookie), origin);
    expect(disable.status(), `Origin: ${origin} is rejected`).toBeGreaterThanOrEqual(400);
    expect(await userState(victim.id), `Origin: ${origin} changed nothing`).toEqual(before);
  }
});
