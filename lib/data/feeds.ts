import 'server-only';
import type { RichTextDocument } from '@/lib/content/document';
import { normalizeDocument } from '@/lib/content/normalize';
import { getDb, onReadReplica } from '@/lib/db';
import { getAuthorProfileWithId } from './authors';
import type { ArticleSummary, AuthorProfile } from './dto';
import { summaryColumns, toArticleSummary, type SummaryRow } from './mappers';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';
import { approvedTopic, type TopicDetail } from './topics';
import { publicArticleIdsSql, publicArticleWhere } from './visibility';

// Public reads behind the RSS and Atom feeds. The lists are cached here; the bodies are rendered and kept per
// article version by lib/feeds (Next's data cache refuses entries over 2 MB, which fifty long articles exceed).

export const FEED_ITEM_LIMIT = 50;

/** `version` changes whenever anything of the article changes, its body included. */
export type FeedArticle = ArticleSummary & { id: string; language: string; updatedAt: string | null; version: string };

type FeedRow = SummaryRow & { id: string; language: string; contentUpdatedAt: Date | null; updatedAt: Date };

/**
 * The latest public articles, of one author or topic when given, in one statement: the fifty ids first, then cards
 * for those alone (Prisma's query built every candidate's authors and topics before the limit: 80 ms for an author
 * with 1,159 articles).
 */
async function readFeedArticles(authorSlug: string | null, authorId: string | null, topicSlug: string | null, topicId: string | null): Promise<FeedArticle[]> {
  const candidates = publicArticleIdsSql(new Date(), { authorId, topicId });
  const rows = await getDb().$queryRaw<FeedRow[]>`
    WITH shown AS (${candidates} ORDER BY "publishedAt" DESC, id DESC LIMIT ${FEED_ITEM_LIMIT})
    SELECT shown.id, a.language, a."contentUpdatedAt", a."updatedAt", ${summaryColumns}
    FROM shown JOIN "Article" a ON a.id = shown.id
    ORDER BY shown."publishedAt" DESC, shown.id DESC`;
  return rows.map((row) => ({
    ...toArticleSummary(row),
    id: row.id,
    language: row.language,
    updatedAt: row.contentUpdatedAt?.toISOString() ?? null,
    version: row.updatedAt.toISOString(),
  }));
}

// Tagged by slug (what a profile or topic change expires); the ids only select.
const cachedFeedArticles = cachedPublicRead('feed-articles', readFeedArticles, (authorSlug, _authorId, topicSlug) => [
  tags.articles,
  ...(authorSlug ? [tags.author(authorSlug)] : []),
  ...(topicSlug ? [tags.topic(topicSlug)] : []),
]);

/** The latest visible articles of the whole site, newest first. */
export async function listSiteFeedArticles(): Promise<FeedArticle[]> {
  return cachedFeedArticles(null, null, null, null);
}

export type AuthorFeedContent = { author: AuthorProfile; articles: FeedArticle[] } | { redirectTo: string } | null;

/**
 * An author's profile and latest visible articles (co-)written, newest first; the redirect of an old slug; or null.
 * One lookup serves both, so that a feed with the caches off still takes three statements.
 */
export async function getAuthorFeedContent(rawAuthorSlug: string): Promise<AuthorFeedContent> {
  const authorSlug = parseSlug(rawAuthorSlug);
  const found = authorSlug ? await getAuthorProfileWithId(authorSlug) : null;
  if (!found || 'redirectTo' in found) return found;
  return { author: found.author, articles: await cachedFeedArticles(found.author.slug, found.id, null, null) };
}

/** A region's or theme's description and latest visible articles, newest first; null for no such topic. */
export async function getTopicFeedContent(rawTopicSlug: string): Promise<{ topic: TopicDetail; articles: FeedArticle[] } | null> {
  const found = await approvedTopic(rawTopicSlug);
  if (!found) return null;
  const { id, ...topic } = found;
  return { topic, articles: await cachedFeedArticles(null, null, topic.slug, id) };
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
