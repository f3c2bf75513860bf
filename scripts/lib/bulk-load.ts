import pg from 'pg';
import { BULK_TOPICS, BulkContentGenerator, type BulkArticle, type BulkArticleStatus, type BulkAuthor, type BulkTopic } from './bulk-content';

// Writes generated authors and articles to PostgreSQL fast: one multi-row INSERT per table and batch (arrays
// unnested server-side, so a batch is a handful of statements whatever its size), one transaction per batch, two
// batches in flight so both cores work. The search triggers (ArticleSearch rows) run as for any insert.

export type BulkLoadOptions = {
  articles: number;
  authors: number;
  seed: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (phase: 'authors' | 'articles', done: number, total: number) => void;
};

export type BulkLoadSummary = {
  topicsCreated: number;
  authors: number;
  articles: number;
  bylines: number;
  topicLinks: number;
  byStatus: Record<BulkArticleStatus, number>;
  russian: number;
  republished: number;
  translations: number;
  /** The authors with the most generated articles, most first. */
  busiestAuthors: { slug: string; articles: number }[];
  seconds: { authors: number; articles: number; analyze: number };
};

const DEFAULT_BATCH_SIZE = 1000;
const BATCHES_IN_FLIGHT = 2;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Inserts `authors` new authors, then `articles` articles by them, on top of whatever the database holds. */
export async function loadBulkContent(connectionString: string, options: BulkLoadOptions): Promise<BulkLoadSummary> {
  const pool = new pg.Pool({ connectionString, max: BATCHES_IN_FLIGHT });
  try {
    return await load(pool, options);
  } finally {
    await pool.end();
  }
}

async function load(pool: pg.Pool, options: BulkLoadOptions): Promise<BulkLoadSummary> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report = options.onProgress ?? (() => {});
  const topicsCreated = await ensureTopics(pool);
  const generator = new BulkContentGenerator({
    seed: options.seed,
    now,
    topics: await readApprovedTopics(pool),
    takenArticleSlugs: await readSlugs(pool, 'SELECT slug FROM "Article" UNION ALL SELECT slug FROM "SlugRedirect"'),
    takenAuthorSlugs: await readSlugs(pool, 'SELECT slug FROM "Author" UNION ALL SELECT slug FROM "AuthorSlugRedirect"'),
  });

  const authorsStarted = performance.now();
  const authorIds: string[] = [];
  report('authors', 0, options.authors);
  for (let done = 0; done < options.authors; ) {
    const batch = Array.from({ length: Math.min(batchSize, options.authors - done) }, () => generator.author());
    await inTransaction(pool, (client) => insertAuthors(client, batch));
    authorIds.push(...batch.map((author) => author.id));
    done += batch.length;
    report('authors', done, options.authors);
  }
  generator.useAuthors(authorIds);
  const authorSeconds = (performance.now() - authorsStarted) / 1000;

  const articlesStarted = performance.now();
  const tally = { bylines: 0, topicLinks: 0, russian: 0, republished: 0, translations: 0, byStatus: emptyStatusCounts() };
  // Linked once every batch is in: a batch in flight may not see the other one's rows yet.
  const translations: { id: string; originalId: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let inserted = 0;
  report('articles', 0, options.articles);
  try {
    for (let generated = 0; generated < options.articles; ) {
      // The next batch is generated while PostgreSQL still writes the previous ones.
      const batch = Array.from({ length: Math.min(batchSize, options.articles - generated) }, () => generator.article());
      generated += batch.length;
      countArticles(batch, tally);
      for (const article of batch) if (article.translationOfId) translations.push({ id: article.id, originalId: article.translationOfId });
      if (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight);
      const insertion: Promise<void> = inTransaction(pool, (client) => insertArticles(client, batch)).then(() => {
        inFlight.delete(insertion);
        inserted += batch.length;
        report('articles', inserted, options.articles);
      });
      inFlight.add(insertion);
    }
    await Promise.all(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    throw error;
  }
  await linkTranslations(pool, translations);
  const articleSeconds = (performance.now() - articlesStarted) / 1000;

  const analyzeStarted = performance.now();
  // Bulk inserts (and the search triggers' updates) leave the planner's statistics stale and dead row versions behind.
  await pool.query('VACUUM (ANALYZE) "Author", "AuthorTopic", "Article", "ArticleAuthor", "ArticleTopic", "ArticleSearch"');
  // Grown row by row through its pending list, the search index ends up half empty; rebuilt it is 35% smaller and
  // a common word's lookup 3 times faster (27 to 9 ms at 100,000 articles).
  await pool.query('REINDEX INDEX "ArticleSearch_document_idx"');
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

  return {
    topicsCreated,
    authors: authorIds.length,
    articles: options.articles,
    ...tally,
    busiestAuthors: await readBusiestAuthors(pool, authorIds),
    seconds: { authors: authorSeconds, articles: articleSeconds, analyze: analyzeSeconds },
  };
}

function emptyStatusCounts(): Record<BulkArticleStatus, number> {
  return { PUBLISHED: 0, SCHEDULED: 0, ARCHIVED: 0, IN_REVIEW: 0, DRAFT: 0 };
}

type Tally = Omit<BulkLoadSummary, 'topicsCreated' | 'authors' | 'articles' | 'busiestAuthors' | 'seconds'>;

function countArticles(batch: BulkArticle[], tally: Tally): void {
  for (const article of batch) {
    tally.bylines += article.authorIds.length;
    tally.topicLinks += article.topicIds.length;
    tally.byStatus[article.status] += 1;
    if (article.language === 'ru') tally.russian += 1;
    if (article.originalOutlet) tally.republished += 1;
    if (article.translationOfId) tally.translations += 1;
  }
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function readSlugs(pool: pg.Pool, sql: string): Promise<string[]> {
  const { rows } = await pool.query<{ slug: string }>(sql);
  return rows.map((row) => row.slug);
}

/** Adds the generator's regions and themes that are missing; returns how many were created. */
async function ensureTopics(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query(
    `INSERT INTO "Topic" (id, slug, name, kind, description)
     SELECT 'c' || substr(md5(random()::text || slug), 1, 24), slug, name, kind, description
       FROM unnest($1::text[], $2::text[], $3::"TopicKind"[], $4::text[]) AS t(slug, name, kind, description)
     ON CONFLICT (slug) DO NOTHING`,
    [BULK_TOPICS.map((t) => t.slug), BULK_TOPICS.map((t) => t.name), BULK_TOPICS.map((t) => t.kind), BULK_TOPICS.map((t) => t.description)],
  );
  return rowCount ?? 0;
}

// Ordered by slug so the same seed files articles under the same topics whatever order they were created in.
async function readApprovedTopics(pool: pg.Pool): Promise<BulkTopic[]> {
  const { rows } = await pool.query<BulkTopic>(`SELECT id, kind FROM "Topic" WHERE status = 'APPROVED' ORDER BY slug`);
  return rows;
}

async function insertAuthors(client: pg.PoolClient, authors: BulkAuthor[]): Promise<void> {
  const column = <K extends keyof BulkAuthor>(key: K) => authors.map((author) => author[key]);
  await client.query(
    `INSERT INTO "Author" (id, slug, name, "sortName", "position", location, "fieldOfExpertise", "workExperience", biography,
                           languages, retired, "createdAt", "updatedAt")
     SELECT id, slug, name, sort_name, position, location, field, work, biography, string_to_array(languages, ','), retired, created, created
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::boolean[], $12::timestamp(3)[])
         AS t(id, slug, name, sort_name, position, location, field, work, biography, languages, retired, created)`,
    [
      column('id'), column('slug'), column('name'), column('sortName'), column('position'), column('location'),
      column('fieldOfExpertise'), column('workExperience'), column('biography'),
      authors.map((author) => author.languages.join(',')), column('retired'), authors.map((author) => iso(author.createdAt)),
    ],
  );
  const competences = authors.flatMap((author) => author.competenceTopicIds.map((topicId, position) => ({ authorId: author.id, topicId, position })));
  await client.query(
    `INSERT INTO "AuthorTopic" ("authorId", "topicId", "position") SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
    [competences.map((c) => c.authorId), competences.map((c) => c.topicId), competences.map((c) => c.position)],
  );
}

// Timestamps travel as ISO strings in UTC and are stored as timestamp(3) without zone, as Prisma stores them.
async function insertArticles(client: pg.PoolClient, articles: BulkArticle[]): Promise<void> {
  const column = <K extends keyof BulkArticle>(key: K) => articles.map((article) => article[key]);
  const dates = (key: 'publishedAt' | 'firstPublishedAt' | 'contentUpdatedAt' | 'originalPublishedAt' | 'createdAt' | 'updatedAt') =>
    articles.map((article) => iso(article[key]));
  await client.query(
    `INSERT INTO "Article" (id, slug, status, title, lead, body, "bodyText", language, featured, "publishedAt", "firstPublishedAt",
                            "contentUpdatedAt", "originalOutlet", "originalUrl", "originalPublishedAt", "canonicalPolicy",
                            "createdAt", "updatedAt")
     SELECT * FROM unnest($1::text[], $2::text[], $3::"ArticleStatus"[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[],
                          $9::boolean[], $10::timestamp(3)[], $11::timestamp(3)[], $12::timestamp(3)[], $13::text[], $14::text[],
                          $15::timestamp(3)[], $16::"CanonicalPolicy"[], $17::timestamp(3)[], $18::timestamp(3)[])`,
    [
      column('id'), column('slug'), column('status'), column('title'), column('lead'), articles.map((article) => JSON.stringify(article.body)),
      column('bodyText'), column('language'), column('featured'), dates('publishedAt'), dates('firstPublishedAt'), dates('contentUpdatedAt'),
      column('originalOutlet'), column('originalUrl'), dates('originalPublishedAt'), column('canonicalPolicy'), dates('createdAt'), dates('updatedAt'),
    ],
  );
  const bylines = articles.flatMap((article) => article.authorIds.map((authorId, position) => ({ articleId: article.id, authorId, position })));
  await client.query(
    `INSERT INTO "ArticleAuthor" ("articleId", "authorId", "position") SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
    [bylines.map((b) => b.articleId), bylines.map((b) => b.authorId), bylines.map((b) => b.position)],
  );
  const topicLinks = articles.flatMap((article) => article.topicIds.map((topicId) => ({ articleId: article.id, topicId })));
  await client.query(`INSERT INTO "ArticleTopic" ("articleId", "topicId") SELECT * FROM unnest($1::text[], $2::text[])`, [
    topicLinks.map((link) => link.articleId),
    topicLinks.map((link) => link.topicId),
  ]);
}

async function linkTranslations(pool: pg.Pool, translations: { id: string; originalId: string }[]): Promise<void> {
  await pool.query(
    `UPDATE "Article" article SET "translationOfId" = link.original_id
       FROM unnest($1::text[], $2::text[]) AS link(id, original_id) WHERE article.id = link.id`,
    [translations.map((t) => t.id), translations.map((t) => t.originalId)],
  );
}

async function readBusiestAuthors(pool: pg.Pool, authorIds: string[]): Promise<{ slug: string; articles: number }[]> {
  const { rows } = await pool.query<{ slug: string; articles: number }>(
    `SELECT author.slug, count(*)::int AS articles
       FROM "ArticleAuthor" byline JOIN "Author" author ON author.id = byline."authorId"
      WHERE byline."authorId" = ANY($1::text[])
      GROUP BY author.slug ORDER BY articles DESC, author.slug LIMIT 3`,
    [authorIds],
  );
  return rows;
}
