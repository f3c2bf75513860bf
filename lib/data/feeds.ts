import 'server-only';
import type { RichTextDocument } from '@/lib/content/document';
import { normalizeDocument } from '@/lib/content/normalize';
import { getDb, onReadReplica } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleSummary } from './dto';
import { articleSummarySelect, toArticleSummary } from './mappers';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';
import { publicArticleWhere } from './visibility';

// Public reads behind the RSS and Atom feeds. The lists are cached here; the bodies are rendered and kept per
// article version by lib/feeds (Next's data cache refuses entries over 2 MB, which fifty long articles exceed).

export const FEED_ITEM_LIMIT = 50;

/** `version` changes whenever anything of the article changes, its body included. */
export type FeedArticle = ArticleSummary & { id: string; language: string; updatedAt: string | null; version: string };

const feedArticleSelect = {
  ...articleSummarySelect,
  id: true,
  language: true,
  contentUpdatedAt: true,
  updatedAt: true,
} satisfies Prisma.ArticleSelect;

async function readFeedArticles(authorSlug: string | null, topicSlug: string | null): Promise<FeedArticle[]> {
  const rows = await getDb().article.findMany({
    where: {
      ...publicArticleWhere(new Date()),
      ...(authorSlug ? { authors: { some: { author: { slug: authorSlug } } } } : {}),
      ...(topicSlug ? { topics: { some: { topic: { slug: topicSlug } } } } : {}),
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: FEED_ITEM_LIMIT,
    select: feedArticleSelect,
  });
  return rows.map((row) => ({
    ...toArticleSummary(row),
    id: row.id,
    language: row.language,
    updatedAt: row.contentUpdatedAt?.toISOString() ?? null,
    version: row.updatedAt.toISOString(),
  }));
}

const cachedFeedArticles = cachedPublicRead('feed-articles', readFeedArticles, (authorSlug, topicSlug) => [
  tags.articles,
  ...(authorSlug ? [tags.author(authorSlug)] : []),
  ...(topicSlug ? [tags.topic(topicSlug)] : []),
]);

/** The latest visible articles of the whole site, newest first. */
export async function listSiteFeedArticles(): Promise<FeedArticle[]> {
  return cachedFeedArticles(null, null);
}

/** The latest visible articles (co-)written by one author, newest first. */
export async function listAuthorFeedArticles(rawAuthorSlug: string): Promise<FeedArticle[]> {
  const authorSlug = parseSlug(rawAuthorSlug);
  return authorSlug ? cachedFeedArticles(authorSlug, null) : [];
}

/** The latest visible articles on one region or theme, newest first. */
export async function listTopicFeedArticles(rawTopicSlug: string): Promise<FeedArticle[]> {
  const topicSlug = parseSlug(rawTopicSlug);
  return topicSlug ? cachedFeedArticles(null, topicSlug) : [];
}

/** The bodies of those of these articles readers may see, by id, in one query. Not cached, like the next. */
export async function getFeedArticleBodies(ids: string[]): Promise<Map<string, RichTextDocument>> {
  return onReadReplica(async () => {
    const rows = await getDb().article.findMany({ where: { ...publicArticleWhere(new Date()), id: { in: ids } }, select: { id: true, body: true } });
    return new Map(rows.map((row) => [row.id, normalizeDocument(row.body)]));
  });
}

/** The body of a visible article, or null when readers may not see it. Not cached: lib/feeds keeps it rendered. */
export async function getFeedArticleBody(id: string): Promise<RichTextDocument | null> {
  return onReadReplica(async () => {
    const row = await getDb().article.findFirst({ where: { ...publicArticleWhere(new Date()), id }, select: { body: true } });
    return row ? normalizeDocument(row.body) : null;
  });
}
