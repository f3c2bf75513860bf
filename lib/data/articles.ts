import 'server-only';
import { normalizeDocument } from '@/lib/content/normalize';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleDetail, ArticleSummary, ArticleTranslationRef } from './dto';
import { articleSummarySelect, authorCardSelect, mediaSelect, summaryColumns, toArticleSummary, toAuthorCard, toImage, type SummaryRow } from './mappers';
import { boundedPage, countLimitFor, emptyPage, type BoundedPage } from './paging';
import { authorIdBySlug } from './authors';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';
import { approvedTopicId } from './topics';
import { publicArticleSql, publicArticleWhere } from './visibility';

export const ARTICLES_PER_PAGE = 12;

const articleDetailSelect = {
  ...articleSummarySelect,
  id: true,
  body: true,
  language: true,
  contentUpdatedAt: true,
  originalOutlet: true,
  originalUrl: true,
  originalPublishedAt: true,
  canonicalPolicy: true,
  sourceTitle: true,
  sourceUrl: true,
  seoTitle: true,
  seoDescription: true,
  translationOfId: true,
  coverAlt: true,
  coverImage: { select: mediaSelect },
  corrections: { orderBy: { createdAt: 'asc' }, select: { kind: true, text: true, createdAt: true } },
  authors: { orderBy: { position: 'asc' }, select: { author: { select: authorCardSelect } } },
} satisfies Prisma.ArticleSelect;

type ArticleLookup = { article: ArticleDetail } | { redirectTo: string } | null;

/** The other visible language versions of an article: its original and the original's other translations. */
async function readVisibleTranslations(article: { id: string; translationOfId: string | null }, now: Date): Promise<ArticleTranslationRef[]> {
  const originalId = article.translationOfId ?? article.id;
  return getDb().article.findMany({
    where: { ...publicArticleWhere(now), id: { not: article.id }, OR: [{ id: originalId }, { translationOfId: originalId }] },
    orderBy: [{ language: 'asc' }, { publishedAt: 'asc' }],
    select: { language: true, slug: true },
  });
}

async function readPublishedArticle(slug: string): Promise<ArticleLookup> {
  const db = getDb();
  const now = new Date();
  const where = publicArticleWhere(now);
  const row = await db.article.findFirst({ where: { ...where, slug }, select: articleDetailSelect });
  if (!row) {
    const redirect = await db.slugRedirect.findUnique({
      where: { slug },
      select: { article: { select: { slug: true, status: true, publishedAt: true } } },
    });
    const target = redirect?.article;
    const visible = target && ['PUBLISHED', 'SCHEDULED'].includes(target.status) && target.publishedAt && target.publishedAt <= new Date();
    return visible ? { redirectTo: target.slug } : null;
  }
  const authorCards = row.authors.map(({ author }) => toAuthorCard(author));
  const translations = await readVisibleTranslations(row, now);
  return {
    article: {
      ...toArticleSummary({ ...row, authors: row.authors.map(({ author }) => ({ author: { slug: author.slug, name: author.name } })) }),
      id: row.id,
      body: normalizeDocument(row.body),
      language: row.language,
      updatedAt: row.contentUpdatedAt?.toISOString() ?? null,
      original: row.originalOutlet
        ? { outlet: row.originalOutlet, url: row.originalUrl, publishedAt: row.originalPublishedAt?.toISOString() ?? null }
        : null,
      source: row.sourceTitle ? { title: row.sourceTitle, url: row.sourceUrl } : null,
      canonicalUrl: row.canonicalPolicy === 'ORIGINAL' && row.originalUrl ? row.originalUrl : null,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      coverImage: toImage(row.coverImage, row.coverAlt),
      corrections: row.corrections.map((correction) => ({ ...correction, createdAt: correction.createdAt.toISOString() })),
      authorCards,
      translations,
    },
  };
}

const cachedPublishedArticle = cachedPublicRead('published-article', readPublishedArticle, (slug) => [tags.article(slug)]);

/** A published article by its slug, a redirect from one of its old slugs, or null when readers may not see it. */
export async function getPublishedArticleBySlug(rawSlug: string): Promise<ArticleLookup> {
  const slug = parseSlug(rawSlug);
  return slug ? cachedPublishedArticle(slug) : null;
}

export type ArticleListFilter = { topicSlug?: string | null; authorSlug?: string | null };

export type ArticleListPage = BoundedPage<ArticleSummary>;

/**
 * One page of public articles, newest first, of one topic and/or author, with a count that stops at countLimitFor:
 * one statement. The ids are constants so the planner sees how common the topic or author is (a large topic is
 * read along the public index, a small one through its links); the page's ids come first, so skipping the offset
 * reads only indexes, and cards are built for those ids alone.
 */
async function readPublishedArticles(page: number, topicSlug: string | null, authorSlug: string | null, perPage: number): Promise<ArticleListPage> {
  // The ids come from reads the page makes anyway: the layout's topics, the author page's profile.
  const [topicId, authorId] = await Promise.all([topicSlug ? approvedTopicId(topicSlug) : null, authorSlug ? authorIdBySlug(authorSlug) : null]);
  if ((topicSlug && !topicId) || (authorSlug && !authorId)) return emptyPage(page);
  const listed = Prisma.join(
    [
      publicArticleSql(new Date()),
      ...(topicId ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" link WHERE link."articleId" = a.id AND link."topicId" = ${topicId})`] : []),
      ...(authorId ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" link WHERE link."articleId" = a.id AND link."authorId" = ${authorId})`] : []),
    ],
    ' AND ',
  );
  const rows = await getDb().$queryRaw<(SummaryRow & { id: string | null; total: bigint })[]>`
    WITH listed AS NOT MATERIALIZED (SELECT a.id, a."publishedAt" FROM "Article" a WHERE ${listed}),
    shown AS (SELECT id, "publishedAt" FROM listed ORDER BY "publishedAt" DESC, id DESC LIMIT ${perPage} OFFSET ${(page - 1) * perPage})
    SELECT shown.id, counted.total, ${summaryColumns}
    FROM (SELECT count(*) AS total FROM (SELECT 1 FROM listed LIMIT ${countLimitFor(page, perPage)}) bounded) counted
    LEFT JOIN shown ON TRUE
    LEFT JOIN "Article" a ON a.id = shown.id
    ORDER BY shown."publishedAt" DESC, shown.id DESC`;
  const items = rows.flatMap((row) => (row.id ? [toArticleSummary(row)] : []));
  return boundedPage(items, page, perPage, Number(rows[0]?.total ?? 0));
}

const cachedPublishedArticles = cachedPublicRead('published-articles', readPublishedArticles, (_page, topicSlug, authorSlug) => [
  tags.articles,
  ...(topicSlug ? [tags.topic(topicSlug)] : []),
  ...(authorSlug ? [tags.author(authorSlug)] : []),
]);

/** Published articles, newest first, optionally of one topic and/or author. */
export async function listPublishedArticles(
  page: number,
  filter: ArticleListFilter = {},
  perPage = ARTICLES_PER_PAGE,
): Promise<ArticleListPage> {
  const topicSlug = filter.topicSlug ? parseSlug(filter.topicSlug) : null;
  const authorSlug = filter.authorSlug ? parseSlug(filter.authorSlug) : null;
  if ((filter.topicSlug && !topicSlug) || (filter.authorSlug && !authorSlug)) return emptyPage(page);
  return cachedPublishedArticles(page, topicSlug, authorSlug, perPage);
}

async function readRelatedArticles(slug: string): Promise<ArticleSummary[]> {
  const db = getDb();
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, topics: { select: { topicId: true } }, authors: { select: { authorId: true } } },
  });
  if (!article) return [];
  const rows = await db.article.findMany({
    where: {
      ...publicArticleWhere(new Date()),
      id: { not: article.id },
      OR: [
        { topics: { some: { topicId: { in: article.topics.map((t) => t.topicId) } } } },
        { authors: { some: { authorId: { in: article.authors.map((a) => a.authorId) } } } },
      ],
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: 3,
    select: articleSummarySelect,
  });
  return rows.map(toArticleSummary);
}

const cachedRelatedArticles = cachedPublicRead('related-articles', readRelatedArticles, (slug) => [tags.articles, tags.article(slug)]);

/** Up to three recent published articles sharing a topic or an author with the given one. */
export async function listRelatedArticles(slug: string): Promise<ArticleSummary[]> {
  return cachedRelatedArticles(slug);
}
