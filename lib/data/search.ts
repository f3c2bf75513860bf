import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { getSiteConfig } from '@/lib/site';
import { hasSearchableWords, MAX_SEARCH_PAGE, normalizeSearchText, type SearchQuery } from '@/lib/validation/search';
import { catchUpScheduled } from './article-schedule';
import type { ArticleSummary, AuthorCard, Paged } from './dto';
import { articleSummarySelect, authorCardSelect, toArticleSummary, toAuthorCard } from './mappers';
import { articlesVisibleTo, type NewsroomArticleRow } from './newsroom';
import { publicArticleWhere } from './visibility';

// Full-text search over the `searchVector` columns that the database keeps current (see the search migration).
// User input only ever reaches PostgreSQL as a bound parameter of websearch_to_tsquery, which never fails on syntax.

export const SEARCH_RESULTS_PER_PAGE = 10;
export const NEWSROOM_SEARCH_RESULTS_PER_PAGE = 20;
const AUTHOR_RESULTS = 6;
// ts_headline re-parses its text on every call; the opening of a long body is enough for a snippet.
const SNIPPET_SOURCE_CHARACTERS = 10_000;

/** Text with the parts that matched the query marked, for the page to render as <mark>. */
export type HighlightedText = { text: string; highlighted: boolean }[];
export type ArticleSearchHit = ArticleSummary & { titleHighlight: HighlightedText; snippet: HighlightedText };
export type NewsroomSearchHit = NewsroomArticleRow & { titleHighlight: HighlightedText; snippet: HighlightedText };

// Private-use characters never shown to readers; stripped from the text before ts_headline inserts them.
const HIGHLIGHT_START = '\uE000';
const HIGHLIGHT_STOP = '\uE001';
const TITLE_HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
const SNIPPET_HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;

/** Splits ts_headline output at its markers into plain and highlighted runs (captured runs sit at odd indexes). */
export function splitHighlights(headline: string): HighlightedText {
  return headline
    .split(/\uE000([^\uE001]*)\uE001/)
    .map((text, index) => ({ text: text.replace(/[\uE000\uE001]/g, ''), highlighted: index % 2 === 1 }))
    .filter((run) => run.text !== '');
}

/** ts_headline drops markup-like tokens; a title it changed is shown as it is, unhighlighted. */
function highlightedTitle(title: string, headline: string): HighlightedText {
  const runs = splitHighlights(headline);
  return runs.map((run) => run.text).join('') === title ? runs : [{ text: title, highlighted: false }];
}

// Each language's articles are matched by the query parsed with their own configuration (search_config() in
// the migration: en → english, ru → russian, anything else → simple), one indexable arm per configuration.
const STEMMED_LANGUAGES = ['en', 'ru'] as const;

function articleMatches(text: string): Prisma.Sql {
  const stemmed = STEMMED_LANGUAGES.map(
    (language) => Prisma.sql`(a.language = ${language} AND a."searchVector" @@ websearch_to_tsquery(search_config(${language}), ${text}))`,
  );
  const others = Prisma.sql`(a.language NOT IN (${Prisma.join(STEMMED_LANGUAGES)}) AND a."searchVector" @@ websearch_to_tsquery('simple', ${text}))`;
  return Prisma.sql`(${Prisma.join([...stemmed, others], ' OR ')})`;
}

/** The query as the article's own language parses it, for ranking and highlighting. */
function articleQuery(text: string): Prisma.Sql {
  const branches = STEMMED_LANGUAGES.map((language) => Prisma.sql`WHEN ${language} THEN websearch_to_tsquery(search_config(${language}), ${text})`);
  return Prisma.sql`CASE a.language ${Prisma.join(branches, ' ')} ELSE websearch_to_tsquery('simple', ${text}) END`;
}

// lib/data/visibility.ts in SQL: published, or scheduled whose time has come, and dated in the past.
function publicArticle(now: Date): Prisma.Sql {
  return Prisma.sql`a.status IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= ${now}`;
}

function hasTopic(slug: string, kind: 'REGION' | 'THEME'): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" link JOIN "Topic" topic ON topic.id = link."topicId"
    WHERE link."articleId" = a.id AND topic.slug = ${slug} AND topic.kind = ${kind}::"TopicKind")`;
}

/** The reader's filters; dates are whole days in the site's time zone. */
function articleFilters(query: SearchQuery): Prisma.Sql[] {
  const timeZone = getSiteConfig().timeZone;
  const dayStart = (day: string) => Prisma.sql`((${day}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  const nextDayStart = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  return [
    ...(query.region ? [hasTopic(query.region, 'REGION')] : []),
    ...(query.theme ? [hasTopic(query.theme, 'THEME')] : []),
    ...(query.author
      ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" link JOIN "Author" author ON author.id = link."authorId"
          WHERE link."articleId" = a.id AND author.slug = ${query.author})`]
      : []),
    ...(query.from ? [Prisma.sql`a."publishedAt" >= ${dayStart(query.from)}`] : []),
    ...(query.to ? [Prisma.sql`a."publishedAt" < ${nextDayStart(query.to)}`] : []),
  ];
}

const markersRemoved = (text: Prisma.Sql) => Prisma.sql`translate(${text}, ${HIGHLIGHT_START + HIGHLIGHT_STOP}, '')`;

type RankedRow = { id: string; total: bigint; titleHeadline: string; snippetHeadline: string };

/**
 * One page of the articles matching `conditions`, best first: cover-density rank (title A, lead B, authors and
 * topics C, body D; length-normalised), then the newest, then the id so pages never overlap. Headlines are made
 * for that page only.
 */
async function rankArticles(text: string, conditions: Prisma.Sql[], page: number, perPage: number): Promise<RankedRow[]> {
  const query = articleQuery(text);
  const snippetSource = Prisma.sql`concat_ws(E'\n', a.lead, left(a."bodyText", ${SNIPPET_SOURCE_CHARACTERS}))`;
  return getDb().$queryRaw<RankedRow[]>`
    WITH matches AS (
      SELECT a.id, a."publishedAt", ts_rank_cd(a."searchVector", ${query}, 1) AS rank
      FROM "Article" a
      WHERE ${Prisma.join([articleMatches(text), ...conditions], ' AND ')}
    ), ranked AS (
      SELECT id, rank, "publishedAt", count(*) OVER () AS total
      FROM matches
      ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    )
    SELECT ranked.id, ranked.total,
      ts_headline(search_config(a.language), ${markersRemoved(Prisma.sql`a.title`)}, ${query}, ${TITLE_HEADLINE_OPTIONS}) AS "titleHeadline",
      ts_headline(search_config(a.language), ${markersRemoved(snippetSource)}, ${query}, ${SNIPPET_HEADLINE_OPTIONS}) AS "snippetHeadline"
    FROM ranked JOIN "Article" a ON a.id = ranked.id
    ORDER BY ranked.rank DESC, ranked."publishedAt" DESC NULLS LAST, ranked.id DESC`;
}

async function countArticles(text: string, conditions: Prisma.Sql[]): Promise<number> {
  const [row] = await getDb().$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Article" a WHERE ${Prisma.join([articleMatches(text), ...conditions], ' AND ')}`;
  return Number(row?.total ?? 0);
}

/** A page of ranked rows plus the total, which a page past the end has to count on its own. */
async function searchPage(text: string, conditions: Prisma.Sql[], page: number, perPage: number) {
  const rows = await rankArticles(text, conditions, page, perPage);
  const total = rows[0] ? Number(rows[0].total) : page > 1 ? await countArticles(text, conditions) : 0;
  // Results past the last reachable page are better found by a narrower query than by paging.
  return { rows, total, pageCount: Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(total / perPage))) };
}

function boundedPage(page: number): number {
  return Number.isInteger(page) ? Math.min(Math.max(page, 1), MAX_SEARCH_PAGE) : 1;
}

/** What a reader may search for: the cleaned query, or null when it holds nothing to look for. */
function searchableText(raw: string): string | null {
  const { text } = normalizeSearchText(raw);
  return hasSearchableWords(text) ? text : null;
}

/** Published articles matching the reader's query and filters, best match first, with highlighted snippets. */
export async function searchArticles(query: SearchQuery): Promise<Paged<ArticleSearchHit>> {
  const page = boundedPage(query.page);
  const text = searchableText(query.q);
  if (!text) return { items: [], page, pageCount: 1, total: 0 };
  const now = new Date();
  const { rows, total, pageCount } = await searchPage(text, [publicArticle(now), ...articleFilters(query)], page, SEARCH_RESULTS_PER_PAGE);
  // Read through the visibility rule again: an article unpublished between the two queries drops out.
  const summaries = await getDb().article.findMany({
    where: { ...publicArticleWhere(now), id: { in: rows.map((row) => row.id) } },
    select: { id: true, ...articleSummarySelect },
  });
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const items = rows.flatMap((row) => {
    const summary = byId.get(row.id);
    return summary
      ? [{ ...toArticleSummary(summary), titleHighlight: highlightedTitle(summary.title, row.titleHeadline), snippet: splitHighlights(row.snippetHeadline) }]
      : [];
  });
  return { items, page, pageCount, total };
}

// Profiles carry no language; the russian configuration stems Latin-script words in English and Cyrillic ones in
// Russian (the search migration's author_search_vector uses the same).
const AUTHOR_SEARCH_CONFIG = 'russian';

/** Experts in the public directory (active, with a visible article or a fellow account) matching the query. */
export async function searchAuthors(rawQuery: string): Promise<AuthorCard[]> {
  const text = searchableText(rawQuery);
  if (!text) return [];
  const query = Prisma.sql`websearch_to_tsquery(${AUTHOR_SEARCH_CONFIG}::regconfig, ${text})`;
  const ranked = await getDb().$queryRaw<{ id: string }[]>`
    SELECT author.id FROM "Author" author
    WHERE author."searchVector" @@ ${query}
      AND author."mergedIntoId" IS NULL AND NOT author.retired
      AND (EXISTS (SELECT 1 FROM "User" account WHERE account."authorId" = author.id)
        OR EXISTS (SELECT 1 FROM "ArticleAuthor" link JOIN "Article" a ON a.id = link."articleId"
                   WHERE link."authorId" = author.id AND ${publicArticle(new Date())}))
    ORDER BY ts_rank_cd(author."searchVector", ${query}, 1) DESC, author."sortName", author.id
    LIMIT ${AUTHOR_RESULTS}`;
  const cards = await getDb().author.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, select: { id: true, ...authorCardSelect } });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ranked.flatMap((row) => {
    const card = byId.get(row.id);
    return card ? [toAuthorCard(card)] : [];
  });
}

/** articlesVisibleTo in SQL, so that counts and pages are right: staff search every article, a fellow their own. */
function newsroomScope(viewer: Viewer): Prisma.Sql {
  if (viewer.role === 'ADMIN' || viewer.role === 'EDITOR') return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" link WHERE link."articleId" = a.id AND link."authorId" = ${viewer.authorId})`;
}

/** Staff search in the newsroom: every status, restricted for a fellow to the articles they co-author. */
export async function searchNewsroomArticles(viewer: Viewer | null, query: { q: string; page: number }): Promise<Paged<NewsroomSearchHit>> {
  assertCan(viewer, 'article.list');
  const page = boundedPage(query.page);
  const text = searchableText(query.q);
  if (!text) return { items: [], page, pageCount: 1, total: 0 };
  await catchUpScheduled();
  const { rows, total, pageCount } = await searchPage(text, [newsroomScope(viewer)], page, NEWSROOM_SEARCH_RESULTS_PER_PAGE);
  const articles = await getDb().article.findMany({
    where: { AND: [articlesVisibleTo(viewer), { id: { in: rows.map((row) => row.id) } }] },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      publishedAt: true,
      authors: { orderBy: { position: 'asc' }, select: { author: { select: { name: true } } } },
    },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const items = rows.flatMap((row) => {
    const article = byId.get(row.id);
    if (!article) return [];
    return [{
      ...article,
      updatedAt: article.updatedAt.toISOString(),
      publishedAt: article.publishedAt?.toISOString() ?? null,
      authors: article.authors.map(({ author }) => author.name),
      titleHighlight: highlightedTitle(article.title, row.titleHeadline),
      snippet: splitHighlights(row.snippetHeadline),
    }];
  });
  return { items, page, pageCount, total };
}
