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

// Full-text search over vectors the database keeps current: "ArticleSearch" rows (the search_window migration)
// and Author."searchVector" (the search migration).
// User input only ever reaches PostgreSQL as a bound parameter of websearch_to_tsquery, which never fails on syntax.

export const SEARCH_RESULTS_PER_PAGE = 10;
export const NEWSROOM_SEARCH_RESULTS_PER_PAGE = 20;
const AUTHOR_RESULTS = 6;
// ts_headline re-parses its text on every call, so it gets the lead and this much of the body, starting a little
// before the first place a query word seems to occur (see snippetSource).
const SNIPPET_SOURCE_CHARACTERS = 1_500;
const SNIPPET_LEAD_IN_CHARACTERS = 200;
// A lexeme in a tsquery's text form: quoted, with quotes inside doubled.
const QUOTED_LEXEME = "'((?:[^']|'')+)'";

/** Text with the parts that matched the query marked, for the page to render as <mark>. */
export type HighlightedText = { text: string; highlighted: boolean }[];
export type ArticleSearchHit = ArticleSummary & { titleHighlight: HighlightedText; snippet: HighlightedText };
/** `totalIsLowerBound`: so many matched among the newest months that older ones were not counted (or ranked). */
export type ArticleSearchResults = Paged<ArticleSearchHit> & { totalIsLowerBound: boolean };
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
// `window`, when given, is a tsquery of month tokens ANDed to the query inside the GIN index.
const STEMMED_LANGUAGES = ['en', 'ru'] as const;

function articleMatches(text: string, window: string | null): Prisma.Sql {
  const parsed = (config: Prisma.Sql) =>
    window === null ? Prisma.sql`websearch_to_tsquery(${config}, ${text})` : Prisma.sql`(websearch_to_tsquery(${config}, ${text}) && ${window}::tsquery)`;
  const stemmed = STEMMED_LANGUAGES.map(
    (language) => Prisma.sql`(s.language = ${language} AND s.document @@ ${parsed(Prisma.sql`search_config(${language})`)})`,
  );
  const others = Prisma.sql`(s.language NOT IN (${Prisma.join(STEMMED_LANGUAGES)}) AND s.document @@ ${parsed(Prisma.sql`'simple'`)})`;
  return Prisma.sql`(${Prisma.join([...stemmed, others], ' OR ')})`;
}

/** The query as the article's own language parses it, for ranking and highlighting (`alias` names the row). */
function articleQuery(text: string, alias: 's' | 'a'): Prisma.Sql {
  const branches = STEMMED_LANGUAGES.map((language) => Prisma.sql`WHEN ${language} THEN websearch_to_tsquery(search_config(${language}), ${text})`);
  return Prisma.sql`CASE ${Prisma.raw(alias)}.language ${Prisma.join(branches, ' ')} ELSE websearch_to_tsquery('simple', ${text}) END`;
}

// lib/data/visibility.ts in SQL: published, or scheduled whose time has come, and dated in the past.
function publicArticle(now: Date): Prisma.Sql {
  return Prisma.sql`a.status IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= ${now}`;
}

// The same rule on a search row, whose publicSince is publishedAt only while the status is public.
function publicSearchRow(now: Date): Prisma.Sql {
  return Prisma.sql`s."publicSince" <= ${now}`;
}

function hasTopic(slug: string, kind: 'REGION' | 'THEME'): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" link JOIN "Topic" topic ON topic.id = link."topicId"
    WHERE link."articleId" = s."articleId" AND topic.slug = ${slug} AND topic.kind = ${kind}::"TopicKind")`;
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
          WHERE link."articleId" = s."articleId" AND author.slug = ${query.author})`]
      : []),
    ...(query.from ? [Prisma.sql`s."publicSince" >= ${dayStart(query.from)}`] : []),
    ...(query.to ? [Prisma.sql`s."publicSince" < ${nextDayStart(query.to)}`] : []),
  ];
}

const markersRemoved = (text: Prisma.Sql) => Prisma.sql`translate(${text}, ${HIGHLIGHT_START + HIGHLIGHT_STOP}, '')`;

// A common word matches most of a large archive, and every match costs a row read. Public search therefore asks
// first for matches among the newest months (the month tokens in the document vector, intersected inside the GIN
// index) and widens only while fewer than the reachable results (MAX_SEARCH_PAGE pages) were found.
const SEARCH_WINDOW_MONTHS = [3, 24] as const;

/** The month tokens (see search_month_token() in the search_window migration) of the `months` months up to `now`. */
export function searchWindow(now: Date, months: number): string {
  const tokens = Array.from({ length: months }, (_, back) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return `'published ${month.toISOString().slice(0, 7)}'`;
  });
  return tokens.join(' | ');
}

/**
 * The search rows matching the text (in the window) and the scope, then the filters. The fence (OFFSET 0) keeps the GIN index
 * in charge: otherwise a filter such as a large region can lead the plan, which then reads every one of its
 * articles' document vectors.
 */
function matchingRows({ text, window, scope, filters }: Matching): Prisma.Sql {
  const matching = Prisma.sql`(SELECT * FROM "ArticleSearch" s WHERE ${articleMatches(text, window)} AND ${scope} OFFSET 0) s`;
  return filters.length ? Prisma.sql`${matching} WHERE ${Prisma.join(filters, ' AND ')}` : matching;
}

/** What to match: the reader's text, a window of month tokens or none, who may see the row, and the filters. */
type Matching = { text: string; window: string | null; scope: Prisma.Sql; filters: Prisma.Sql[] };
/**
 * The part of the body a snippet is cut from: where the first query lexeme seems to start (the lexeme less its last
 * letter, so a stem such as "economi" still finds "economy"), or the opening. ts_headline does the real matching.
 */
function snippetSource(text: string): Prisma.Sql {
  const lexemes = Prisma.sql`SELECT match[1] AS lexeme FROM regexp_matches(querytree(${articleQuery(text, 'a')})::text, ${QUOTED_LEXEME}, 'g') match`;
  return Prisma.sql`(
    SELECT substr(a."bodyText", greatest(1, coalesce(min(nullif(strpos(lower(a."bodyText"), left(lexeme, greatest(3, length(lexeme) - 1))), 0)), 1) - ${SNIPPET_LEAD_IN_CHARACTERS}), ${SNIPPET_SOURCE_CHARACTERS}) AS text
    FROM (${lexemes}) lexemes
  ) snippet`;
}

type RankedRow = { id: string; total: bigint; titleHeadline: string; snippetHeadline: string };
type RankedPage = { rows: RankedRow[]; total: number; partial: boolean };

/**
 * One page of the articles matching `conditions` (and, given a window, published in it), best first: cover-density
 * rank of title (A), lead (B), authors and topics (C), so a body-only match ranks after them; then the newest, then
 * the id so pages never overlap. The total counts every match in the window. Headlines are made for that page only.
 */
async function rankArticles(matching: Matching, page: number, perPage: number): Promise<RankedRow[]> {
  const { text } = matching;
  const query = articleQuery(text, 's');
  return getDb().$queryRaw<RankedRow[]>`
    WITH matches AS MATERIALIZED (
      SELECT s."articleId" AS id, s."publicSince",
        CASE WHEN s.head @@ ${query} THEN ts_rank_cd(s.head, ${query}, 1) ELSE 0 END AS rank
      FROM ${matchingRows(matching)}
    ), ranked AS (
      SELECT id, rank, "publicSince", (SELECT count(*) FROM matches) AS total
      FROM matches
      ORDER BY rank DESC, "publicSince" DESC NULLS LAST, id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    )
    SELECT ranked.id, ranked.total,
      ts_headline(search_config(a.language), ${markersRemoved(Prisma.sql`a.title`)}, ${articleQuery(text, 'a')}, ${TITLE_HEADLINE_OPTIONS}) AS "titleHeadline",
      ts_headline(search_config(a.language), ${markersRemoved(Prisma.sql`concat_ws(E'\n', a.lead, snippet.text)`)}, ${articleQuery(text, 'a')}, ${SNIPPET_HEADLINE_OPTIONS}) AS "snippetHeadline"
    FROM ranked JOIN "Article" a ON a.id = ranked.id
    CROSS JOIN LATERAL ${snippetSource(text)}
    ORDER BY ranked.rank DESC, ranked."publicSince" DESC NULLS LAST, ranked.id DESC`;
}

async function countArticles(matching: Matching): Promise<number> {
  const [row] = await getDb().$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM ${matchingRows(matching)}`;
  return Number(row?.total ?? 0);
}

/** A page of ranked rows plus the total, which a page past the end has to count on its own. */
async function rankedPage(matching: Matching, page: number, perPage: number): Promise<RankedPage> {
  const rows = await rankArticles(matching, page, perPage);
  const total = rows[0] ? Number(rows[0].total) : page > 1 ? await countArticles(matching) : 0;
  return { rows, total, partial: matching.window !== null };
}

/** Results past the last reachable page are better found by a narrower query than by paging. */
function pageCountOf(total: number, perPage: number): number {
  return Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(total / perPage)));
}

/** Public search: the newest months first, widened until every reachable page can be filled or nothing is left out. */
async function windowedSearchPage(matching: Omit<Matching, 'window'>, now: Date, page: number, perPage: number): Promise<RankedPage> {
  const reachable = MAX_SEARCH_PAGE * perPage;
  for (const months of SEARCH_WINDOW_MONTHS) {
    const windowed = await rankedPage({ ...matching, window: searchWindow(now, months) }, page, perPage);
    if (windowed.total >= reachable) return windowed;
  }
  return rankedPage({ ...matching, window: null }, page, perPage);
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
export async function searchArticles(query: SearchQuery): Promise<ArticleSearchResults> {
  const page = boundedPage(query.page);
  const text = searchableText(query.q);
  if (!text) return { items: [], page, pageCount: 1, total: 0, totalIsLowerBound: false };
  const now = new Date();
  const matching = { text, scope: publicSearchRow(now), filters: articleFilters(query) };
  const { rows, total, partial } = await windowedSearchPage(matching, now, page, SEARCH_RESULTS_PER_PAGE);
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
  return { items, page, pageCount: pageCountOf(total, SEARCH_RESULTS_PER_PAGE), total, totalIsLowerBound: partial };
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
  return Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" link WHERE link."articleId" = s."articleId" AND link."authorId" = ${viewer.authorId})`;
}

/** Staff search in the newsroom: every status, restricted for a fellow to the articles they co-author. */
export async function searchNewsroomArticles(viewer: Viewer | null, query: { q: string; page: number }): Promise<Paged<NewsroomSearchHit>> {
  assertCan(viewer, 'article.list');
  const page = boundedPage(query.page);
  const text = searchableText(query.q);
  if (!text) return { items: [], page, pageCount: 1, total: 0 };
  await catchUpScheduled();
  // Few people search the newsroom, and drafts have no publication month: every match is ranked.
  const matching = { text, window: null, scope: newsroomScope(viewer), filters: [] };
  const { rows, total } = await rankedPage(matching, page, NEWSROOM_SEARCH_RESULTS_PER_PAGE);
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
  return { items, page, pageCount: pageCountOf(total, NEWSROOM_SEARCH_RESULTS_PER_PAGE), total };
}
