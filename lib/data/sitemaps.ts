import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cachedPublicRead } from './public-cache';
import { tags } from './tags';
import { publicArticleWhere } from './visibility';

// Public reads behind the sitemaps. Articles and authors are split into pages of consecutive ids: each page
// is one bounded scan of the primary-key index from its first id, and ids grow with creation, so new
// articles land in the last page and earlier pages stay as crawlers last saw them.

export const SITEMAP_MAX_URLS = 50_000;
const NEWS_SITEMAP_MAX_ARTICLES = 1_000;
const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export type SitemapPage = { slug: string; lastModified: string };
export type NewsSitemapArticle = { slug: string; title: string; language: string; publishedAt: string };

/** How many URLs each part holds, and the first id of every page of `pageSize` articles and authors. */
export type SitemapLayout = {
  topicCount: number;
  authorCount: number;
  articleCount: number;
  authorPageStarts: string[];
  articlePageStarts: string[];
};

// An article whose canonical URL is the original outlet's is not ours to list.
function sitemapArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    AND: [
      publicArticleWhere(now),
      { OR: [{ canonicalPolicy: 'SELF' }, { originalUrl: null }, { originalUrl: '' }] },
    ],
  };
}

// Author pages worth crawling: a byline on a visible article, or an active fellow's profile.
function sitemapAuthorWhere(now: Date): Prisma.AuthorWhereInput {
  return {
    mergedIntoId: null,
    OR: [{ articles: { some: { article: publicArticleWhere(now) } } }, { retired: false, user: { isNot: null } }],
  };
}

const approvedTopicWhere = { status: 'APPROVED' } satisfies Prisma.TopicWhereInput;

const fromId = (startId: string | null) => (startId ? { id: { gte: startId } } : {});

/** The first id of each page: every probe is a scan of at most `pageSize + 1` index entries from the last start. */
async function pageStarts(probe: (startId: string | null, skip: number) => Promise<{ id: string } | null>, pageSize: number) {
  const starts: string[] = [];
  let next = await probe(null, 0);
  while (next) {
    starts.push(next.id);
    next = await probe(next.id, pageSize);
  }
  return starts;
}

async function readSitemapLayout(pageSize: number): Promise<SitemapLayout> {
  const db = getDb();
  const now = new Date();
  const articleWhere = sitemapArticleWhere(now);
  const authorWhere = sitemapAuthorWhere(now);
  const [topicCount, authorCount, articleCount, authorPageStarts, articlePageStarts] = await Promise.all([
    db.topic.count({ where: approvedTopicWhere }),
    db.author.count({ where: authorWhere }),
    db.article.count({ where: articleWhere }),
    pageStarts(
      (startId, skip) => db.author.findFirst({ where: { ...authorWhere, ...fromId(startId) }, orderBy: { id: 'asc' }, skip, select: { id: true } }),
      pageSize,
    ),
    pageStarts(
      (startId, skip) => db.article.findFirst({ where: { ...articleWhere, ...fromId(startId) }, orderBy: { id: 'asc' }, skip, select: { id: true } }),
      pageSize,
    ),
  ]);
  return { topicCount, authorCount, articleCount, authorPageStarts, articlePageStarts };
}

const cachedSitemapLayout = cachedPublicRead('sitemap-layout', readSitemapLayout, () => [tags.articles, tags.authors, tags.topics]);

export async function getSitemapLayout(pageSize = SITEMAP_MAX_URLS): Promise<SitemapLayout> {
  return cachedSitemapLayout(pageSize);
}

// The URL lists below are not cached: a page of 50,000 URLs is several megabytes, over the data cache's limit,
// and crawlers ask for each page rarely.

/** Every approved region and theme, at most `limit`. */
export async function listSitemapTopics(limit = SITEMAP_MAX_URLS): Promise<{ slug: string }[]> {
  return getDb().topic.findMany({ where: approvedTopicWhere, orderBy: { id: 'asc' }, take: limit, select: { slug: true } });
}

/** One page of author profiles, from `startId` (null: the first page) in id order. */
export async function listSitemapAuthors(startId: string | null, pageSize = SITEMAP_MAX_URLS): Promise<SitemapPage[]> {
  const rows = await getDb().author.findMany({
    where: { ...sitemapAuthorWhere(new Date()), ...fromId(startId) },
    orderBy: { id: 'asc' },
    take: pageSize,
    select: { slug: true, updatedAt: true },
  });
  return rows.map((row) => ({ slug: row.slug, lastModified: row.updatedAt.toISOString() }));
}

/** One page of visible articles, from `startId` (null: the first page) in id order, with their last content change. */
export async function listSitemapArticles(startId: string | null, pageSize = SITEMAP_MAX_URLS): Promise<SitemapPage[]> {
  const rows = await getDb().article.findMany({
    where: { ...sitemapArticleWhere(new Date()), ...fromId(startId) },
    orderBy: { id: 'asc' },
    take: pageSize,
    select: { slug: true, publishedAt: true, contentUpdatedAt: true },
  });
  return rows.map((row) => {
    const published = row.publishedAt ?? new Date(0);
    const lastModified = row.contentUpdatedAt && row.contentUpdatedAt > published ? row.contentUpdatedAt : published;
    return { slug: row.slug, lastModified: lastModified.toISOString() };
  });
}

async function readNewsSitemapArticles(): Promise<NewsSitemapArticle[]> {
  const now = new Date();
  const rows = await getDb().article.findMany({
    where: { AND: [sitemapArticleWhere(now), { publishedAt: { gte: new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS) } }] },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: NEWS_SITEMAP_MAX_ARTICLES,
    select: { slug: true, title: true, language: true, publishedAt: true },
  });
  return rows.map((row) => ({ slug: row.slug, title: row.title, language: row.language, publishedAt: (row.publishedAt ?? now).toISOString() }));
}

// Kept a minute at most, so an article leaves the news sitemap soon after its two days.
const cachedNewsSitemapArticles = cachedPublicRead('news-sitemap-articles', readNewsSitemapArticles, () => [tags.articles], 60);

/** Articles published in the last two days (Google News takes no older ones), newest first. */
export async function listNewsSitemapArticles(): Promise<NewsSitemapArticle[]> {
  return cachedNewsSitemapArticles();
}
