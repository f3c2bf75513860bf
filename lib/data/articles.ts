import 'server-only';
import { normalizeDocument } from '@/lib/content/normalize';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleDetail, ArticleSummary, ArticleTranslationRef } from './dto';
import { articleSummarySelect, authorCardSelect, mediaSelect, toArticleSummary, toAuthorCard, toImage } from './mappers';
import { boundedPage, countLimitFor, emptyPage, type BoundedPage } from './paging';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';
import { publicArticleWhere } from './visibility';

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

/** The list's filter by ids, looked up first so the plan can use the link tables' indexes; null for an unknown slug. */
async function listWhere(topicSlug: string | null, authorSlug: string | null): Promise<Prisma.ArticleWhereInput | null> {
  const db = getDb();
  const [topic, author] = await Promise.all([
    topicSlug ? db.topic.findUnique({ where: { slug: topicSlug }, select: { id: true } }) : null,
    authorSlug ? db.author.findUnique({ where: { slug: authorSlug }, select: { id: true } }) : null,
  ]);
  if ((topicSlug && !topic) || (authorSlug && !author)) return null;
  return {
    ...publicArticleWhere(new Date()),
    ...(topic ? { topics: { some: { topicId: topic.id } } } : {}),
    ...(author ? { authors: { some: { authorId: author.id } } } : {}),
  };
}

async function readPublishedArticles(page: number, topicSlug: string | null, authorSlug: string | null, perPage: number): Promise<ArticleListPage> {
  const where = await listWhere(topicSlug, authorSlug);
  if (!where) return emptyPage(page);
  const db = getDb();
  // The page's ids first: skipping the offset then reads only the public-list index, never the rows skipped.
  const [counted, pageIds] = await Promise.all([
    db.article.count({ where, take: countLimitFor(page, perPage) }),
    db.article.findMany({ where, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * perPage, take: perPage, select: { id: true } }),
  ]);
  const rows = pageIds.length ? await db.article.findMany({ where: { id: { in: pageIds.map(({ id }) => id) } }, select: { id: true, ...articleSummarySelect } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = pageIds.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toArticleSummary(row)] : [];
  });
  return boundedPage(items, page, perPage, counted);
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
