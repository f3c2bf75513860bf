import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { useIsolatedDatabase } from '../support/test-database';
import { loadBulkContent } from '../../scripts/lib/bulk-load';

// Every public read of lib/data runs for real against generated content while the SQL Prisma sends is captured;
// each statement is then run again under EXPLAIN ANALYZE with its own parameters.
// A few thousand rows are too few for the planner to prefer an index over a sequential scan, so plans are made
// with enable_seqscan = off: a Seq Scan that remains means no index can serve the statement at all.
// Small lookup tables (Topic, Media, User, Correction, the slug redirects) may be scanned.

const GROWING_TABLES = ['Article', 'ArticleAuthor', 'ArticleTopic', 'Author', 'AuthorTopic'];
// Using an index is not enough: a read of a fixed number of articles that examines a large share of the archive
// through an index still grows with it. Reading all of it is what a missing index looks like.
const BOUNDED_SHARE_OF_ARCHIVE = 0.2;
const SITEMAP_PAGE_SIZE = 500;

type Statement = { query: string; params: string };
type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};
type ExplainedStatement = { query: string; nodes: PlanNode[] };

const capture = vi.hoisted(() => ({ client: null as unknown, statements: [] as Statement[] }));
vi.mock('@/lib/db', () => ({ getDb: () => capture.client, onReadReplica: <T>(read: () => Promise<T>) => read() }));
process.env.PUBLIC_CACHE = 'off';

/** A client that records every statement it sends, with its parameters, for the data layer to use. */
function createRecordingClient(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => capture.statements.push({ query: event.query, params: event.params }));
  return client;
}

let prisma: ReturnType<typeof createRecordingClient>;
let explainer: pg.Client;
let data: {
  articles: typeof import('@/lib/data/articles');
  authors: typeof import('@/lib/data/authors');
  topics: typeof import('@/lib/data/topics');
  home: typeof import('@/lib/data/home');
  feeds: typeof import('@/lib/data/feeds');
  sitemaps: typeof import('@/lib/data/sitemaps');
};
const sample = { visibleArticles: 0, busiestAuthor: '', busiestTopic: '', translatedArticle: '', articleId: '', articlePages: 0, authorPages: 0, secondSitemapPage: '' };

async function readSample(): Promise<void> {
  const one = async (sql: string) => (await explainer.query<{ value: string }>(sql)).rows[0]!.value;
  sample.busiestAuthor = await one(`SELECT a.slug AS value FROM "ArticleAuthor" l JOIN "Author" a ON a.id = l."authorId" GROUP BY a.slug ORDER BY count(*) DESC LIMIT 1`);
  sample.busiestTopic = await one(`SELECT t.slug AS value FROM "ArticleTopic" l JOIN "Topic" t ON t.id = l."topicId" GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1`);
  sample.translatedArticle = await one(
    `SELECT o.slug AS value FROM "Article" o WHERE o.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "Article" t WHERE t."translationOfId" = o.id) LIMIT 1`,
  );
  sample.articleId = await one(`SELECT id AS value FROM "Article" WHERE slug = '${sample.translatedArticle}'`);
  const visible = (alias: string) => `${alias}.status IN ('PUBLISHED', 'SCHEDULED') AND ${alias}."publishedAt" <= now()`;
  sample.visibleArticles = Number(await one(`SELECT count(*) AS value FROM "Article" a WHERE ${visible('a')}`));
  const byAuthor = Number(await one(`SELECT count(*) AS value FROM "Article" a JOIN "ArticleAuthor" l ON l."articleId" = a.id
    JOIN "Author" au ON au.id = l."authorId" WHERE au.slug = '${sample.busiestAuthor}' AND ${visible('a')}`));
  sample.articlePages = Math.ceil(sample.visibleArticles / data.articles.ARTICLES_PER_PAGE);
  sample.authorPages = Math.ceil(byAuthor / data.articles.ARTICLES_PER_PAGE);
  sample.secondSitemapPage = (await data.sitemaps.getSitemapLayout(SITEMAP_PAGE_SIZE)).articlePageStarts[1]!;
}

beforeAll(async () => {
  const url = await useIsolatedDatabase();
  await loadBulkContent(url, { articles: 2500, authors: 120, seed: 7, batchSize: 500 });
  prisma = createRecordingClient(url);
  capture.client = prisma;
  explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  await explainer.query('SET enable_seqscan = off');
  data = {
    articles: await import('@/lib/data/articles'),
    authors: await import('@/lib/data/authors'),
    topics: await import('@/lib/data/topics'),
    home: await import('@/lib/data/home'),
    feeds: await import('@/lib/data/feeds'),
    sitemaps: await import('@/lib/data/sitemaps'),
  };
  await readSample();
}, 120_000);

afterAll(async () => {
  await explainer?.end();
  await prisma?.$disconnect();
});

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** Runs the read, then explains (and executes) each statement it sent, with the plan nodes that touch a growing table. */
async function explain(read: () => Promise<unknown>): Promise<ExplainedStatement[]> {
  capture.statements = [];
  await read();
  const explained: ExplainedStatement[] = [];
  for (const { query, params } of capture.statements) {
    const { rows } = await explainer.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, JSON.parse(params));
    const nodes = nodesOf(rows[0]!['QUERY PLAN'][0].Plan).filter((node) => GROWING_TABLES.includes(node['Relation Name'] ?? ''));
    explained.push({ query, nodes });
  }
  return explained;
}

/** Rows of Article that the read's scans looked at, kept or not. */
function articleRowsExamined(statements: ExplainedStatement[]): number {
  const examined = (node: PlanNode) =>
    (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'];
  return statements.flatMap((statement) => statement.nodes.filter((node) => node['Relation Name'] === 'Article')).reduce((sum, node) => sum + examined(node), 0);
}

// Reads that show a fixed number of articles, or one article: their cost must not grow with the archive.
const boundedReads: [string, () => Promise<unknown>][] = [
  ['home feed', () => data.home.getHomeFeed()],
  ['/articles page 1', () => data.articles.listPublishedArticles(1)],
  ['article with translations', () => data.articles.getPublishedArticleBySlug(sample.translatedArticle)],
  ['unknown article slug (redirect lookup)', () => data.articles.getPublishedArticleBySlug('no-such-article')],
  ['site feed', () => data.feeds.listSiteFeedArticles()],
  ['feed article body', () => data.feeds.getFeedArticleBody(sample.articleId)],
  ['feed article bodies', () => data.feeds.getFeedArticleBodies([sample.articleId])],
  ['news sitemap', () => data.sitemaps.listNewsSitemapArticles()],
];

// Reads whose cost follows one author, one topic, a page depth or a sitemap page rather than a fixed count.
const proportionalReads: [string, () => Promise<unknown>][] = [
  ['/articles last page', () => data.articles.listPublishedArticles(sample.articlePages)],
  ['author page', () => data.articles.listPublishedArticles(1, { authorSlug: sample.busiestAuthor })],
  // A fifth of this small archive is one topic, so the planner reads its links whole; on 100,000 articles it walks
  // the public-list index instead (about 180 rows for page 1 of a 10,000-article topic).
  ['topic page', () => data.articles.listPublishedArticles(1, { topicSlug: sample.busiestTopic })],
  ["busiest author's last page", () => data.articles.listPublishedArticles(sample.authorPages, { authorSlug: sample.busiestAuthor })],
  ['related articles', () => data.articles.listRelatedArticles(sample.translatedArticle)],
  ['author profile', () => data.authors.getAuthorProfileBySlug(sample.busiestAuthor)],
  ['unknown author slug (redirect lookup)', () => data.authors.getAuthorProfileBySlug('no-such-author')],
  ['author directory', () => data.authors.listAuthorDirectory()],
  ['author directory by topic', () => data.authors.listAuthorDirectory([sample.busiestTopic])],
  ['topic experts', () => data.authors.listTopicExperts(sample.busiestTopic)],
  ['topic list', () => data.topics.listTopics()],
  ['topic', () => data.topics.getTopicBySlug(sample.busiestTopic)],
  ['author feed', () => data.feeds.getAuthorFeedContent(sample.busiestAuthor)],
  ['topic feed', () => data.feeds.getTopicFeedContent(sample.busiestTopic)],
  ['sitemap layout', () => data.sitemaps.getSitemapLayout(SITEMAP_PAGE_SIZE)],
  ['sitemap topics', () => data.sitemaps.listSitemapTopics()],
  ['sitemap authors', () => data.sitemaps.listSitemapAuthors(null, SITEMAP_PAGE_SIZE)],
  ['sitemap articles, second page', () => data.sitemaps.listSitemapArticles(sample.secondSitemapPage, SITEMAP_PAGE_SIZE)],
];

describe('public query plans', () => {
  it('has generated content for every read to find', () => {
    expect(sample.visibleArticles).toBeGreaterThan(2000);
    expect(sample.articlePages).toBeGreaterThan(100);
    expect(sample.authorPages).toBeGreaterThan(3);
    expect(sample.secondSitemapPage).toBeTruthy();
  });

  it('pages the expert directory instead of listing every author', async () => {
    const [first, second] = await Promise.all([data.authors.listAuthorDirectory([], 1), data.authors.listAuthorDirectory([], 2)]);
    expect(first.items).toHaveLength(data.authors.AUTHORS_PER_PAGE);
    expect(first.pageCount).toBeGreaterThan(1);
    const firstSlugs = new Set(first.items.map((author) => author.slug));
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.filter((author) => firstSlugs.has(author.slug))).toEqual([]);
  });

  it.each([...boundedReads, ...proportionalReads])('%s reads the growing tables through indexes', async (_name, read) => {
    const statements = await explain(read);
    expect(statements.length).toBeGreaterThan(0);
    const sequentialScans = statements.flatMap((statement) =>
      statement.nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => `${node['Relation Name']} in: ${statement.query}`),
    );
    expect(sequentialScans).toEqual([]);
  });

  it.each(boundedReads)('%s examines a bounded share of the archive', async (_name, read) => {
    expect(articleRowsExamined(await explain(read))).toBeLessThan(sample.visibleArticles * BOUNDED_SHARE_OF_ARCHIVE);
  });
});
