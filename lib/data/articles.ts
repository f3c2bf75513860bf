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
import { publicArticleIdsSql, publicArticleSql, publicArticleWhere } from './visibility';

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

// An article's language versions, read with it: its own translations, or its original and the original's others.
const versionSelect = { id: true, slug: true, language: true, status: true, publishedAt: true } satisfies Prisma.ArticleSelect;
const languageVersionsSelect = {
  translations: { select: versionSelect },
  translationOf: { select: { ...versionSelect, translations: { select: versionSelect } } },
} satisfies Prisma.ArticleSelect;
type LanguageVersions = Prisma.ArticleGetPayload<{ select: typeof languageVersionsSelect }> & { id: string };
type Version = Prisma.ArticleGetPayload<{ select: typeof versionSelect }>;

/** The other visible language versions of an article: its original and the original's other translations. */
function visibleTranslations(article: LanguageVersions, now: Date): ArticleTranslationRef[] {
  const original = article.translationOf;
  const versions: Version[] = original ? [original, ...original.translations] : article.translations;
  const visible = (version: Version): version is Version & { publishedAt: Date } =>
    version.id !== article.id && ['PUBLISHED', 'SCHEDULED'].includes(version.status) && version.publishedAt !== null && version.publishedAt <= now;
  return versions
    .filter(visible)
    .sort((a, b) => a.language.localeCompare(b.language) || a.publishedAt.getTime() - b.publishedAt.getTime())
    .map(({ language, slug }) => ({ language, slug }));
}

async function readPublishedArticle(slug: string): Promise<ArticleLookup> {
  const db = getDb();
  const now = new Date();
  const where = publicArticleWhere(now);
  const row = await db.article.findFirst({ where: { ...where, slug }, select: { ...articleDetailSelect, ...languageVersionsSelect } });
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
      translations: visibleTranslations(row, now),
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
 * one statement (publicArticleIdsSql chooses how an author's or topic's articles are found); the page's ids come
 * first, so skipping the offset reads only indexes, and cards are built for those ids alone.
 */
async function readPublishedArticles(page: number, topicSlug: string | null, authorSlug: string | null, perPage: number): Promise<ArticleListPage> {
  // The ids come from reads the page makes anyway: the layout's topics, the author page's profile.
  const [topicId, authorId] = await Promise.all([topicSlug ? approvedTopicId(topicSlug) : null, authorSlug ? authorIdBySlug(authorSlug) : null]);
  if ((topicSlug && !topicId) || (authorSlug && !authorId)) return emptyPage(page);
  const rows = await getDb().$queryRaw<(SummaryRow & { id: string | null; total: bigint })[]>`
    WITH listed AS NOT MATERIALIZED (${publicArticleIdsSql(new Date(), { authorId, topicId })}),
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

// Related articles are looked for among the newest public articles first, each checked on its own (OFFSET 0 keeps
// PostgreSQL from hashing every article of the shared topics first: 26 ms for a large topic, against 1 ms).
const RECENT_CANDIDATES = 2_000;
const RELATED_COUNT = 3;

/**
 * The three newest public articles sharing a topic or an author with the article `slug`, in one statement: among
 * the newest candidates, and through the whole archive only when those held fewer than three.
 */
async function readRelatedArticles(slug: string): Promise<ArticleSummary[]> {
  const now = new Date();
  const sharesTopicOrAuthor = Prisma.sql`(
    EXISTS (SELECT 1 FROM "ArticleTopic" link JOIN "ArticleTopic" shared ON shared."topicId" = link."topicId"
            WHERE link."articleId" = a.id AND shared."articleId" IN (SELECT id FROM source) OFFSET 0)
    OR EXISTS (SELECT 1 FROM "ArticleAuthor" link JOIN "ArticleAuthor" shared ON shared."authorId" = link."authorId"
               WHERE link."articleId" = a.id AND shared."articleId" IN (SELECT id FROM source) OFFSET 0))`;
  const rows = await getDb().$queryRaw<SummaryRow[]>`
    WITH source AS MATERIALIZED (SELECT id FROM "Article" WHERE slug = ${slug}),
    recent AS MATERIALIZED (
      SELECT a.id, a."publishedAt"
      FROM (SELECT a.id, a."publishedAt" FROM "Article" a WHERE ${publicArticleSql(now)} ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${RECENT_CANDIDATES}) a
      WHERE a.id <> ALL (SELECT id FROM source) AND ${sharesTopicOrAuthor}
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${RELATED_COUNT}),
    older AS (
      SELECT a.id, a."publishedAt" FROM "Article" a
      WHERE (SELECT count(*) FROM recent) < ${RELATED_COUNT} AND ${publicArticleSql(now)} AND a.id <> ALL (SELECT id FROM source)
        AND (a.id IN (SELECT link."articleId" FROM "ArticleTopic" link JOIN "ArticleTopic" shared ON shared."topicId" = link."topicId"
                      WHERE shared."articleId" IN (SELECT id FROM source))
          OR a.id IN (SELECT link."articleId" FROM "ArticleAuthor" link JOIN "ArticleAuthor" shared ON shared."authorId" = link."authorId"
                      WHERE shared."articleId" IN (SELECT id FROM source)))
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${RELATED_COUNT}),
    related AS (SELECT * FROM recent UNION SELECT * FROM older ORDER BY "publishedAt" DESC, id DESC LIMIT ${RELATED_COUNT})
    SELECT ${summaryColumns} FROM related JOIN "Article" a ON a.id = related.id
    ORDER BY related."publishedAt" DESC, related.id DESC`;
  return rows.map(toArticleSummary);
}

const cachedRelatedArticles = cachedPublicRead('related-articles', readRelatedArticles, (slug) => [tags.articles, tags.article(slug)]);

/** Up to three recent published articles sharing a topic or an author with the given one. */
export async function listRelatedArticles(slug: string): Promise<ArticleSummary[]> {
  return cachedRelatedArticles(slug);
}
