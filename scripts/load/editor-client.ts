// An editor working over plain HTTP, as the browser's editor does: signed in through next-auth's credentials
// endpoint, calling the editor's server actions with the `Next-Action` header and React's reply encoding.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type ActionIds = { create: string; save: string; transition: string };

const ACTIONS_FILE = 'lib/actions/article-actions.ts';

/** The build's ids of the article actions, from its server-reference manifest. */
export function readActionIds(distDir: string): ActionIds {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const idOf = (name: string) => {
    const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === ACTIONS_FILE && entry.exportedName === name);
    if (!found) throw new Error(`The build in ${distDir} has no server action ${name} of ${ACTIONS_FILE}.`);
    return found[0];
  };
  return { create: idOf('createArticleAction'), save: idOf('saveArticleAction'), transition: idOf('articleTransitionAction') };
}

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);

/** Signs in as the sign-in form does; returns the Cookie header of the new session. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiePairs(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/editor', json: 'true' }),
  });
  const session = cookiePairs(response).filter((pair) => /next-auth\.session-token/.test(pair));
  if (session.length === 0) throw new Error(`Signing in as ${email} failed: HTTP ${response.status}`);
  return session.join('; ');
}

export type ActionCall<T> = { status: number; result: T | null; ms: number };

/** A server action's reply is React's flight format; the action's return value is the row with id 1. */
function actionResult<T>(text: string): T | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith('1:'));
  return line ? (JSON.parse(line.slice(2)) as T) : null;
}

export class EditorConnection {
  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    readonly actions: ActionIds,
  ) {}

  async call<T>(actionId: string, args: unknown[], pagePath = '/editor'): Promise<ActionCall<T>> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${pagePath}`, {
      method: 'POST',
      headers: {
        'Next-Action': actionId,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: this.baseUrl,
        Cookie: this.cookie,
      },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    return { status: response.status, result: response.ok ? actionResult<T>(text) : null, ms: performance.now() - started };
  }
}

/** The id the editor sends with each save, so that a retried save is recognised (see lib/actions). */
export const newSaveKey = () => crypto.randomBytes(18).toString('base64url');
