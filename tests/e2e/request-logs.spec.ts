import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { demoAccounts } from '../../prisma/demo/content';
import { startAppInstance, type AppInstance } from './support/instances';

// The production server's structured logs, read from its own output: one JSON line per request and one per
// event inside it, all carrying the request's id (echoed in X-Request-ID), and no password, cookie or token.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const editor = demoAccounts.find((account) => account.role === 'EDITOR')!;
const INSTANCE = 'request-logs';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let instance: AppInstance | undefined;
let http: APIRequestContext;
const logFile = () => instance!.logFile;

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };

function logLines(): LogLine[] {
  return fs
    .readFileSync(logFile(), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The lines of one request, once its access-log line (written when the response closes) is there. */
async function linesOf(requestId: string): Promise<LogLine[]> {
  await expect.poll(() => logLines().some((line) => line.requestId === requestId && line.msg === 'request'), { timeout: 10_000 }).toBe(true);
  return logLines().filter((line) => line.requestId === requestId);
}

/** Signs in through next-auth's credentials endpoint as the form does, with the given request id. */
async function signInWith(email: string, password: string, requestId: string, clientAddress: string) {
  const context = await playwrightRequest.newContext({ baseURL: instance!.url });
  try {
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const cookies = (await context.storageState()).cookies.map((cookie) => cookie.value);
    const response = await context.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, callbackUrl: '/editor', json: 'true' },
      headers: { 'x-request-id': requestId, 'x-forwarded-for': clientAddress },
      maxRedirects: 0,
    });
    return { response, secrets: [csrfToken, ...cookies, ...(await context.storageState()).cookies.map((cookie) => cookie.value)] };
  } finally {
    await context.dispose();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const secret = crypto.randomBytes(32).toString('base64url');
  instance = await startAppInstance(INSTANCE, { AUTH_SECRET: secret, NEXTAUTH_SECRET: secret });
  http = await playwrightRequest.newContext({ baseURL: instance.url });
});

test.afterAll(async () => {
  await http?.dispose();
  await instance?.stop();
});

test('every response names its request: a sane incoming id is kept, anything else replaced', async () => {
  const sane = `trace-${crypto.randomBytes(6).toString('hex')}`;
  expect((await http.get('/', { headers: { 'x-request-id': sane } })).headers()['x-request-id']).toBe(sane);
  for (const hostile of ['two words', '<script>alert(1)</script>', 'x'.repeat(200)]) {
    expect((await http.get('/', { headers: { 'x-request-id': hostile } })).headers()['x-request-id']).toMatch(UUID);
  }
  // The same page twice: the second answer may come from the micro-cache, but names its own request.
  const first = (await http.get('/articles')).headers()['x-request-id'];
  const second = (await http.get('/articles')).headers()['x-request-id'];
  expect(first).toMatch(UUID);
  expect(second).toMatch(UUID);
  expect(second).not.toBe(first);
});

test('one request’s log lines share its id, and no password, cookie or token is ever logged', async () => {
  const refusedId = `refused-${crypto.randomBytes(6).toString('hex')}`;
  const wrongPassword = `wrong-${crypto.randomBytes(9).toString('hex')}`;
  // An unknown account, so that no real account's failed-sign-in counter moves.
  const refused = await signInWith(`nobody-${crypto.randomBytes(4).toString('hex')}@example.test`, wrongPassword, refusedId, '198.51.100.71');
  expect(refused.response.headers()['x-request-id']).toBe(refusedId);
  const refusedLines = await linesOf(refusedId);
  expect(refusedLines.map((line) => line.msg).sort()).toEqual(['request', 'sign-in refused']);
  expect(refusedLines.find((line) => line.msg === 'request')).toMatchObject({ method: 'POST', path: '/api/auth/callback/credentials', status: refused.response.status(), level: 'info' });
  expect(refusedLines.find((line) => line.msg === 'sign-in refused')).toMatchObject({ level: 'warn', reason: 'invalid credentials' });

  const signedInId = `signed-in-${crypto.randomBytes(6).toString('hex')}`;
  const signedIn = await signInWith(editor.email, editor.password, signedInId, '198.51.100.72');
  expect(signedIn.response.status()).toBe(200);
  expect((await linesOf(signedInId)).map((line) => line.msg).sort()).toEqual(['request', 'signed in']);

  const everything = fs.readFileSync(logFile(), 'utf8');
  for (const secret of [wrongPassword, editor.password, ...refused.secrets, ...signedIn.secrets]) expect(everything).not.toContain(secret);
  const accessLines = logLines().filter((line) => line.msg === 'request');
  expect(accessLines.length).toBeGreaterThanOrEqual(8);
  for (const line of accessLines) {
    expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['durationMs', 'method', 'path', 'requestId', 'status', 'time']));
  }
});
