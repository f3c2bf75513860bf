// The pages to bench, chosen from the database the benched server reads: the demo content of a fresh DATA_DIR, or
// the scale data set (`--data-dir`, filled by `npm run cli -- demo bulk`).
import pg from 'pg';

export type BenchPage = { name: string; path: string; note?: string };

// /articles shows 12 a page (lib/data/articles.ts ARTICLES_PER_PAGE); page 200 needs 2,400 visible articles.
const ARTICLES_PER_PAGE = 12;
const DEEP_PAGE = 200;

// lib/data/visibility.ts in SQL.
const VISIBLE = `a.status IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= now()`;

async function one<T>(client: pg.Client, sql: string): Promise<T> {
  const { rows } = await client.query<T & pg.QueryResultRow>(sql);
  if (!rows[0]) throw new Error(`The benched database has nothing for: ${sql}`);
  return rows[0];
}

export async function pickPages(databaseUrl: string): Promise<BenchPage[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const visible = Number((await one<{ count: string }>(client, `SELECT count(*) FROM "Article" a WHERE ${VISIBLE}`)).count);
    // The visible article with the most co-authors, the newest among equals.
    const article = await one<{ slug: string }>(client, `
      SELECT a.slug FROM "Article" a JOIN "ArticleAuthor" l ON l."articleId" = a.id WHERE ${VISIBLE}
      GROUP BY a.id ORDER BY count(*) DESC, a."publishedAt" DESC LIMIT 1`);
    const author = await one<{ slug: string; articles: string }>(client, `
      SELECT au.slug, count(*) AS articles FROM "Author" au JOIN "ArticleAuthor" l ON l."authorId" = au.id
      JOIN "Article" a ON a.id = l."articleId" WHERE ${VISIBLE} GROUP BY au.slug ORDER BY count(*) DESC, au.slug LIMIT 1`);
    const topic = await one<{ slug: string; name: string; articles: string }>(client, `
      SELECT t.slug, t.name, count(*) AS articles FROM "Topic" t JOIN "ArticleTopic" l ON l."topicId" = t.id
      JOIN "Article" a ON a.id = l."articleId" WHERE ${VISIBLE} GROUP BY t.slug, t.name ORDER BY count(*) DESC, t.slug LIMIT 1`);
    const deepPage = visible >= DEEP_PAGE * ARTICLES_PER_PAGE ? DEEP_PAGE : 2;
    return [
      { name: 'home', path: '/' },
      { name: 'article', path: `/articles/${article.slug}`, note: 'the most co-authors' },
      { name: 'author', path: `/authors/${author.slug}`, note: `${Number(author.articles).toLocaleString('en')} articles` },
      { name: 'topic', path: `/topics/${topic.slug}`, note: `${Number(topic.articles).toLocaleString('en')} articles` },
      { name: `articles p${deepPage}`, path: `/articles?page=${deepPage}`, note: `of ${visible.toLocaleString('en')} visible articles` },
      { name: 'search', path: `/search?q=${encodeURIComponent(topic.name.toLowerCase())}`, note: 'the busiest topic as words' },
      { name: 'site feed', path: '/feed.xml' },
      { name: 'author feed', path: `/authors/${author.slug}/feed.xml` },
      { name: 'health', path: '/api/health' },
    ];
  } finally {
    await client.end();
  }
}
