import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { findFreePort } from '../../scripts/lib/free-port';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';
import { useIsolatedDatabase } from '../support/test-database';
import { createViewer } from '../support/viewers';

// docs/DEPLOYMENT.md says the app works through PgBouncer in transaction mode. Here a real PgBouncer (Debian's
// package; .ci/run installs it) stands between the app and PostgreSQL with three server connections for the app's
// ten: concurrent autosaves, conflicts, publishing, lists and search all go through it.

process.env.PUBLIC_CACHE = 'off';
const SERVER_CONNECTIONS = 3;
const PGBOUNCER = '/usr/sbin/pgbouncer';

let directUrl: string;
let bouncer: ChildProcess | undefined;
let workDir: string;
let bouncerOutput = '';
let prisma: ScriptPrisma;
let data: {
  drafts: typeof import('@/lib/data/article-drafts');
  workflow: typeof import('@/lib/data/article-workflow');
  articles: typeof import('@/lib/data/articles');
  search: typeof import('@/lib/data/search');
  validation: typeof import('@/lib/validation/search');
};
let editor: Viewer;
let otherEditor: Viewer;
let authorId: string;
let saveKeys = 0;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const key = () => `pgbouncer-save-${String(saveKeys++).padStart(6, '0')}`;

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: `${directUrl.replace(/@[^/]+\//, `@127.0.0.1:${port}/`)}` });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PgBouncer did not answer on ${port}: ${(error as Error).message}\n${bouncerOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts PgBouncer in transaction mode in front of the test database; returns the URL the app should use. */
async function startPgBouncer(): Promise<string> {
  if (!fs.existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} is missing: apt-get install pgbouncer (.ci/run does)`);
  const direct = new URL(directUrl);
  const port = await findFreePort();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-pgbouncer-'));
  fs.chmodSync(workDir, 0o755);
  const user = decodeURIComponent(direct.username);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  fs.writeFileSync(path.join(workDir, 'users.txt'), `${quote(user)} ${quote(decodeURIComponent(direct.password))}\n`, { mode: 0o644 });
  fs.writeFileSync(
    path.join(workDir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${direct.hostname} port=${direct.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${path.join(workDir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${SERVER_CONNECTIONS}`,
      'max_client_conn = 200',
      `logfile = ${path.join(workDir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root; as root it is told to become the postgres user, who writes its log here.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0) throw new Error('running as root needs a postgres user for PgBouncer');
    fs.chownSync(workDir, Number(ids.stdout.trim()), -1);
  }
  bouncer = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), path.join(workDir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  bouncer.stderr!.setEncoding('utf8').on('data', (chunk: string) => (bouncerOutput += chunk));
  await waitForPort(port);
  const through = new URL(directUrl);
  through.port = String(port);
  return through.toString();
}

async function serverConnections(): Promise<number> {
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  directUrl = await useIsolatedDatabase();
  prisma = createScriptPrisma(directUrl);
  process.env.DATABASE_URL = await startPgBouncer();
  data = {
    drafts: await import('@/lib/data/article-drafts'),
    workflow: await import('@/lib/data/article-workflow'),
    articles: await import('@/lib/data/articles'),
    search: await import('@/lib/data/search'),
    validation: await import('@/lib/validation/search'),
  };
  editor = await createViewer(prisma, 'bouncer-editor@example.test');
  otherEditor = await createViewer(prisma, 'bouncer-other@example.test');
  authorId = (await prisma.author.create({ data: { slug: 'pooled-writer', name: 'Pooled Writer', sortName: 'Writer, Pooled' } })).id;
}, 60_000);

afterAll(async () => {
  const { getDb } = await import('@/lib/db');
  await getDb().$disconnect();
  bouncer?.kill('SIGTERM');
  await prisma.$disconnect();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('through PgBouncer in transaction mode', () => {
  it('saves twelve drafts concurrently three times each, publishes them, and lists and finds them', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const article = await data.drafts.createArticle(editor, { title: `Pooled note ${index}`, body: doc('first') });
        if (!article.ok) throw new Error(JSON.stringify(article.errors));
        return article;
      }),
    );
    const versions = await Promise.all(
      created.map(async (article, index) => {
        let version = article.version;
        for (const round of [1, 2, 3]) {
          const draft = { title: `Pooled note ${index}`, lead: `Round ${round}.`, body: doc(`kittiwake colony round ${round} of ${index}`), authorIds: [authorId] };
          const saved = await data.drafts.saveArticleDraft(editor, article.id, version, draft, 'autosave', key());
          if (!saved.ok) throw new Error(`save ${index}/${round}: ${JSON.stringify(saved)}`);
          version = saved.version;
        }
        return version;
      }),
    );
    const published = await Promise.all(created.map((article, index) => data.workflow.publishArticle(editor, article.id, versions[index]!, null)));
    expect(published.map((result) => result.ok)).toEqual(Array(12).fill(true));

    const listing = await data.articles.listPublishedArticles(1);
    expect(listing.items.filter((item) => item.title.startsWith('Pooled note')).length).toBe(12);
    const found = await data.search.searchArticles(data.validation.parseSearchParams({ q: 'kittiwake' }).query);
    expect(found.total).toBe(12);
    expect(found.items[0]?.snippet.some((run) => run.highlighted && /kittiwake/i.test(run.text))).toBe(true);
    // The app's connections shared three server connections (this file's own direct client closed first).
    await prisma.$disconnect();
    expect(await serverConnections()).toBeLessThanOrEqual(SERVER_CONNECTIONS);
  }, 60_000);

  it('still refuses the second of two concurrent saves on the same version', async () => {
    const article = await data.drafts.createArticle(editor, { title: 'Two hands, one pool', body: doc('start') });
    if (!article.ok) throw new Error('create failed');
    const [mine, theirs] = await Promise.all([
      data.drafts.saveArticleDraft(editor, article.id, article.version, { title: 'Two hands, one pool', body: doc('mine') }, 'save', key()),
      data.drafts.saveArticleDraft(otherEditor, article.id, article.version, { title: 'Two hands, one pool', body: doc('theirs') }, 'save', key()),
    ]);
    expect([mine.ok, theirs.ok].sort()).toEqual([false, true]);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.version).toBe(article.version + 1);
  });
});
