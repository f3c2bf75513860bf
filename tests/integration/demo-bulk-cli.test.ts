import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';

// `npm run cli -- demo bulk` as an operator runs it: a real process against a real database.

let env: NodeJS.ProcessEnv;
let dataDir: string;
let db: pg.Client;

function cli(args: string[]) {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function titlesInCreationOrder(): Promise<string[]> {
  return (await db.query<{ title: string }>('SELECT title FROM "Article" ORDER BY id')).rows.map((row) => row.title);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bulk-cli-'));
  const url = await useIsolatedDatabase();
  env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir };
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run cli -- demo bulk', () => {
  it('refuses bad counts before touching the database', async () => {
    for (const [args, message] of [
      [['--articles', '0'], '--articles must be at least 1'],
      [['--authors', 'many'], '--authors must be a number'],
      [['--seed', '1.5'], '--seed must be a whole number'],
      [['--bogus', '1'], 'Unknown option'],
    ] as const) {
      const result = cli(['demo', 'bulk', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect((await db.query('SELECT 1 FROM "Article"')).rowCount).toBe(0);
  }, 120_000);

  it('generates authors and articles with bylines and topics, reporting progress and a summary', async () => {
    const result = cli(['demo', 'bulk', '--articles', '300', '--authors', '20', '--seed', '5']);
    expect(result.stderr).toContain('articles 300/300 (100%)');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Generated 300 articles and 20 authors \(seed 5\) in [\d.]+ s/);
    expect(result.stdout).toMatch(/Busiest authors: \/authors\/[a-z-]+ \(\d+\)/);

    const { rows } = await db.query<{ articles: number; unlinked: number; untopical: number; authors: number; public: number }>(`
      SELECT (SELECT count(*)::int FROM "Article") AS articles,
             (SELECT count(*)::int FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "ArticleAuthor" l WHERE l."articleId" = a.id)) AS unlinked,
             (SELECT count(*)::int FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "ArticleTopic" l WHERE l."articleId" = a.id)) AS untopical,
             (SELECT count(*)::int FROM "Author") AS authors,
             (SELECT count(*)::int FROM "Article" WHERE status IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= now()) AS public`);
    expect(rows[0]).toMatchObject({ articles: 300, unlinked: 0, untopical: 0, authors: 20 });
    expect(rows[0]!.public).toBeGreaterThan(270);
  }, 120_000);

  it('adds the same content again on top of existing rows, with fresh slugs', async () => {
    const first = await titlesInCreationOrder();
    const result = cli(['demo', 'bulk', '--articles', '300', '--authors', '20', '--seed', '5']);
    expect(result.code).toBe(0);
    const both = await titlesInCreationOrder();
    expect(both.slice(300)).toEqual(first);
    const { rows } = await db.query<{ slugs: number }>('SELECT count(DISTINCT slug)::int AS slugs FROM "Article"');
    expect(rows[0]!.slugs).toBe(600);
  }, 120_000);
});
