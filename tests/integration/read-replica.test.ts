import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma } from '../../scripts/lib/prisma';

// DATABASE_READ_URL: public reads go to the replica, everything else (and every write) to the primary. The
// "replica" is a copy of the primary taken before one more article was published, so a read shows where it went.

process.env.PUBLIC_CACHE = 'off';
let primaryUrl: string;
let replicaUrl: string;
let data: {
  db: typeof import('@/lib/db');
  articles: typeof import('@/lib/data/articles');
  throttle: typeof import('@/lib/data/login-throttle');
};

const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] };

async function publish(url: string, slug: string) {
  const prisma = createScriptPrisma(url);
  try {
    const author = await prisma.author.upsert({ where: { slug: 'replica-author' }, update: {}, create: { slug: 'replica-author', name: 'Replica Author', sortName: 'Author, Replica' } });
    await prisma.article.create({
      data: { slug, status: 'PUBLISHED', title: `Title ${slug}`, lead: 'Lead', body, publishedAt: new Date(Date.now() - 60_000), authors: { create: [{ authorId: author.id, position: 0 }] } },
    });
  } finally {
    await prisma.$disconnect();
  }
}

async function copyDatabase(sourceUrl: string, name: string): Promise<string> {
  const source = new URL(sourceUrl);
  const admin = new pg.Client({ connectionString: sourceUrl.replace(source.pathname, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(source.pathname.slice(1))}`);
  } finally {
    await admin.end();
  }
  source.pathname = `/${name}`;
  return source.toString();
}

async function countIn(url: string, sql: string, values: unknown[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(sql, values);
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  primaryUrl = await useIsolatedDatabase();
  await publish(primaryUrl, 'on-both');
  replicaUrl = await copyDatabase(primaryUrl, `${new URL(primaryUrl).pathname.slice(1)}_replica`);
  await publish(primaryUrl, 'primary-only');
  process.env.DATABASE_READ_URL = replicaUrl;
  data = {
    db: await import('@/lib/db'),
    articles: await import('@/lib/data/articles'),
    throttle: await import('@/lib/data/login-throttle'),
  };
});

afterAll(async () => {
  delete process.env.DATABASE_READ_URL;
});

describe('with DATABASE_READ_URL', () => {
  it('public reads are answered by the replica', async () => {
    expect(await data.articles.getPublishedArticleBySlug('on-both')).toMatchObject({ article: { slug: 'on-both' } });
    // Published on the primary after the replica was copied: the replica has not "replayed" it.
    expect(await data.articles.getPublishedArticleBySlug('primary-only')).toBeNull();
  });

  it('other reads and every write go to the primary', async () => {
    expect(await data.db.getDb().article.count({ where: { slug: 'primary-only' } })).toBe(1);
    const key = `account:replica-${Date.now()}@example.test`;
    await data.throttle.recordLoginFailure([key]);
    expect(await countIn(primaryUrl, 'SELECT count(*) FROM "LoginThrottle" WHERE "key" = $1', [key])).toBe(1);
    expect(await countIn(replicaUrl, 'SELECT count(*) FROM "LoginThrottle" WHERE "key" = $1', [key])).toBe(0);
  });

  it('a write attempted inside a public read is refused by the replica connection itself', async () => {
    await expect(
      data.db.onReadReplica(() => data.db.getDb().topic.create({ data: { slug: 'misrouted', name: 'Misrouted', kind: 'THEME' } })),
    ).rejects.toThrow(/read-only transaction/);
    expect(await countIn(primaryUrl, 'SELECT count(*) FROM "Topic" WHERE "slug" = $1', ['misrouted'])).toBe(0);
    expect(await countIn(replicaUrl, 'SELECT count(*) FROM "Topic" WHERE "slug" = $1', ['misrouted'])).toBe(0);
  });
});
