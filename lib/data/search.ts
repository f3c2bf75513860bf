import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { getSiteConfig } from '@/lib/site';
import { hasSearchableWords, MAX_SEARCH_PAGE, normalizeSearchText, type SearchQuery } from '@/lib/validation/search';
import { catchUpScheduled } from './article-schedule';
import type { ArticleSummary, AuthorCard, Paged } from './dto';
import { authorCardColumns, summaryColumns, toArticleSummary, toAuthorCard, type AuthorCardRow, type SummaryRow } from './mappers';
import { articlesVisibleTo, type NewsroomArticleRow } from './newsroom';
import { listedAuthorSql } from './visibility';

// Full-text search over vectors the database keeps current: "ArticleSearch" rows (the search_window migration)
// and Author."searchVector" (the search migration).
// User input only ever reaches PostgreSQL as a bound parameter of websearch_to_tsquery, which never fails on syntax.

export const SEARCH_RESULTS_PER_PAGE = 10;
export const NEWSROOM_SEARCH_RESULTS_PER_PAGE = 20;
const AUTHOR_RESULTS = 6;
// ts_headline re-parses its text on every call (its cost grows with the text: 0.75 ms per result for 1,500 characters
// of body), so it gets the lead and about two fragments' worth of the body, starting a little before the first
// place a query word seems to occur (see snippetSource).
const SNIPPET_SOURCE_CHARACTERS = 600;
const SNIPPET_LEAD_IN_CHARACTERS = 120;
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
// the migration: en → english, ru → russian, anything else → simple).
const STEMMED_LANGUAGES = ['en', 'ru'] as const;
const SEARCH_ROW_COLUMNS = Prisma.sql`s."articleId", s.language, s."publicSince", s.head`;

/** The reader's query as each configuration parses it, as tsquery text ('' when only stop words are left). */
type ParsedQuery = { english: string; russian: string; other: string };

/**
 * Parsed once, in a statement of its own, so that the search statement carries the parses as constants and only
 * one scan per distinct parse: a statement that parsed the text itself in every place it is used (about twenty) and
 * had an arm for each configuration took longer to plan (3-4 ms) than this round trip takes. The search page's
 * experts come with it (`withExperts`), so that page still reads the database three times with the caches off.
 */
async function parseQuery(text: string, withExperts = false): Promise<{ parsed: ParsedQuery; experts: AuthorCard[] }> {
  const [english, russian] = STEMMED_LANGUAGES;
  const experts = withExperts ? Prisma.sql`(SELECT coalesce(json_agg(expert ORDER BY expert.ordinal), '[]') FROM (${expertsSql(text)}) expert)` : Prisma.sql`'[]'::json`;
  const [row] = await getDb().$queryRaw<(ParsedQuery & { experts: AuthorCardRow[] })[]>`
    SELECT websearch_to_tsquery(search_config(${english}), ${text})::text AS english,
      websearch_to_tsquery(search_config(${russian}), ${text})::text AS russian,
      websearch_to_tsquery('simple', ${text})::text AS other,
      ${experts} AS experts`;
  if (!row) return { parsed: { english: '', russian: '', other: '' }, experts: [] };
  return { parsed: { english: row.english, russian: row.russian, other: row.other }, experts: row.experts.map(toAuthorCard) };
}

/** The query as the article's own language parses it, for ranking and highlighting (`alias` names the row). */
function articleQuery(parsed: ParsedQuery, alias: 's' | 'a'): Prisma.Sql {
  const [english, russian] = STEMMED_LANGUAGES;
  return Prisma.sql`CASE ${Prisma.raw(alias)}.language WHEN ${english} THEN ${parsed.english}::tsquery WHEN ${russian} THEN ${parsed.russian}::tsquery ELSE ${parsed.other}::tsquery END`;
}

/** The rows a parse applies to: those whose language parses the query so (null: every row). */
function languagesParsingAs(parse: string, parsed: ParsedQuery): Prisma.Sql | null {
  const [english, russian] = STEMMED_LANGUAGES;
  const stemmed = [{ language: english, own: parsed.english }, { language: russian, own: parsed.russian }];
  const alike = stemmed.filter(({ own }) => own === parse).map(({ language }) => language);
  const unlike = stemmed.filter(({ own }) => own !== parse).map(({ language }) => language);
  if (parsed.other !== parse) return Prisma.sql`s.language IN (${Prisma.join(alike)})`;
  return unlike.length ? Prisma.sql`s.language NOT IN (${Prisma.join(unlike)})` : null;
}

/** The different parses that can match anything: one with no words left (only stop words) matches nothing. */
function distinctParses(parsed: ParsedQuery): string[] {
  return [...new Set([parsed.english, parsed.russian, parsed.other])].filter((parse) => parse !== '');
}

/**
 * The search rows matching the query, one scan (UNION ALL arm) per distinct parse: most words parse alike in every
 * configuration, and one scan then serves every language.
 * `tokens`, when given, is tsquery text (month, quarter or filter tokens) ANDed to the query inside the GIN index.
 */
function articleMatches(parsed: ParsedQuery, tokens: string | null, scope: Prisma.Sql): Prisma.Sql {
  const arms = distinctParses(parsed).map((parse) => {
    const windowed = tokens === null ? Prisma.sql`${parse}::tsquery` : Prisma.sql`(${parse}::tsquery && ${tokens}::tsquery)`;
    const languages = languagesParsingAs(parse, parsed);
    const conditions = [Prisma.sql`s.document @@ ${windowed}`, ...(languages ? [languages] : []), scope];
    return Prisma.sql`SELECT ${SEARCH_ROW_COLUMNS} FROM "ArticleSearch" s WHERE ${Prisma.join(conditions, ' AND ')}`;
  });
  return Prisma.join(arms, ' UNION ALL ');
}

// The same rule on a search row, whose publicSince is publishedAt only while the status is public.
function publicSearchRow(now: Date): Prisma.Sql {
  return Prisma.sql`s."publicSince" <= ${now}`;
}

/** A lexeme as tsquery text: quoted, with quotes and backslashes escaped. */
const lexeme = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The region, theme and author filters as the tokens every one of them requires (article_filter_tokens in the
 * search_filter_tokens migration), as tsquery text, or null: the GIN index applies them with the words.
 */
function requiredTokens(query: SearchQuery): string | null {
  const tokens = [
    ...(query.region ? [`region ${query.region}`] : []),
    ...(query.theme ? [`theme ${query.theme}`] : []),
    ...(query.author ? [`author ${query.author}`] : []),
  ];
  return tokens.length ? tokens.map(lexeme).join(' & ') : null;
}

/** The reader's date filters: whole days in the site's time zone. */
function dateFilters(query: SearchQuery): Prisma.Sql[] {
  const timeZone = getSiteConfig().timeZone;
  const dayStart = (day: string) => Prisma.sql`((${day}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  const nextDayStart = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
  return [
    ...(query.from ? [Prisma.sql`s."publicSince" >= ${dayStart(query.from)}`] : []),
    ...(query.to ? [Prisma.sql`s."publicSince" < ${nextDayStart(query.to)}`] : []),
  ];
}

const markersRemoved = (text: Prisma.Sql) => Prisma.sql`translate(${text}, ${HIGHLIGHT_START + HIGHLIGHT_STOP}, '')`;

// A common word matches most of a large archive, and every match costs a row read. Public search therefore asks
// first for matches among the newest three months, then the last four quarters (the month and quarter tokens in the
// document vector, intersected inside the GIN index), and widens only while fewer than the reachable results
// (MAX_SEARCH_PAGE pages) were found.
const NEWEST_MONTHS = 3;
const NEWEST_QUARTERS = 4;

const token = (period: string) => lexeme(`published ${period}`);

/** The windows to try in turn, as tsquery text (search_month_token and search_quarter_token in the migrations). */
export function searchWindows(now: Date): string[] {
  const monthStart = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  const month = (start: Date) => start.toISOString().slice(0, 7);
  const quarter = (start: Date) => `${start.getUTCFullYear()}-q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  const newestMonths = Array.from({ length: NEWEST_MONTHS }, (_, back) => token(month(monthStart(back))));
  const newestQuarters = Array.from({ length: NEWEST_QUARTERS }, (_, back) => token(quarter(monthStart(3 * back))));
  return [newestMonths.join(' | '), newestQuarters.join(' | ')];
}

/**
 * What to match: the reader's query, who may see the row, the tokens every match carries (tsquery text, or null), the
 * other filters, and the windows to try in turn (tsquery text of month or quarter tokens; null is the whole archive).
 * A window is used when it holds at least `enough` matches.
 */
type Matching = {
  parsed: ParsedQuery;
  scope: Prisma.Sql;
  required: string | null;
  filters: Prisma.Sql[];
  windows: (string | null)[];
  enough: number;
};
/**
 * The part of the body a snippet is cut from: where the first query lexeme seems to start (the lexeme less its last
 * letter, so a stem such as "economi" still finds "economy"), or the opening. ts_headline does the real matching.
 */
function snippetSource(parsed: ParsedQuery): Prisma.Sql {
  const lexemes = Prisma.sql`SELECT match[1] AS lexeme FROM regexp_matches(querytree(${articleQuery(parsed, 'a')})::text, ${QUOTED_LEXEME}, 'g') match`;
  return Prisma.sql`(
    SELECT substr(a."bodyText", greatest(1, coalesce(min(nullif(strpos(lower(a."bodyText"), left(lexeme, greatest(3, length(lexeme) - 1))), 0)), 1) - ${SNIPPET_LEAD_IN_CHARACTERS}), ${SNIPPET_SOURCE_CHARACTERS}) AS text
    FROM (${lexemes}) lexemes
  ) snippet`;
}

type RankedHit = { id: string; titleHeadline: string; snippetHeadline: string };
/** A row per article of the page; a page past the end is one row without an id, which still carries the total. */
type RankedRow = { [K in keyof RankedHit]: RankedHit[K] | null } & { total: bigint; window: number };
type RankedPage<Extra> = { rows: (RankedHit & Extra)[]; total: number; partial: boolean };

const allOf = (...parts: (string | null)[]) =>
  parts.filter((part): part is string => part !== null).map((part) => `(${part})`).join(' & ') || null;

/**
 * The matches of each window in turn, as CTEs: a window is scanned only while every narrower one held fewer than
 * `enough` (a condition PostgreSQL checks once, before the scan), and "chosen" is the first that held enough, or
 * the last. One statement instead of one per window: each round trip and plan cost more than a narrow scan.
 */
function windowedMatches({ parsed, scope, required, filters, windows, enough }: Matching): { ctes: Prisma.Sql; chosen: Prisma.Sql } {
  const query = articleQuery(parsed, 's');
  const name = (index: number) => Prisma.raw(`window_${index}`);
  const tooFew = (index: number) => Prisma.sql`(SELECT count(*) FROM ${name(index)}) < ${enough}`;
  const ctes = windows.map((window, index) => {
    const gate = index === 0 ? [] : [Prisma.join(windows.slice(0, index).map((_, earlier) => tooFew(earlier)), ' AND ')];
    const conditions = [...filters, ...gate];
    return Prisma.sql`${name(index)} AS MATERIALIZED (
      SELECT s."articleId" AS id, s."publicSince", ${index}::int AS "window",
        CASE WHEN s.head @@ ${query} THEN ts_rank(s.head, ${query}, 1) ELSE 0 END AS rank
      FROM (${articleMatches(parsed, allOf(window, required), scope)} OFFSET 0) s
      ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
    )`;
  });
  const last = windows.length - 1;
  const chosen = windows.map((_, index) =>
    index === last ? Prisma.sql`SELECT * FROM ${name(index)}` : Prisma.sql`SELECT * FROM ${name(index)} WHERE NOT ${tooFew(index)}`,
  );
  return { ctes: Prisma.join(ctes, ', '), chosen: Prisma.join(chosen, ' UNION ALL ') };
}

/**
 * One page of the articles matching, best first: rank of title (A), lead (B), authors and topics (C), so a body-only
 * match ranks after them; then the newest, then the id so pages never overlap. ts_rank rather than ts_rank_cd: it
 * weighs the same fields and the words' distance, at a sixth of the cost per row (a common word ranks thousands).
 * The total counts every match in the chosen window. Headlines, and the `extraColumns` of "Article" a, are read for
 * that page only.
 *
 * The fence (OFFSET 0) around the matching rows keeps the GIN index in charge: otherwise a filter such as a large
 * region can lead the plan, which then reads every one of its articles' document vectors.
 */
async function rankedPage<Extra extends object = object>(
  matching: Matching,
  page: number,
  perPage: number,
  extraColumns: Prisma.Sql | null = null,
): Promise<RankedPage<Extra>> {
  const { parsed } = matching;
  if (!distinctParses(parsed).length) return { rows: [], total: 0, partial: false };
  const { ctes, chosen } = windowedMatches(matching);
  const [summary, ...rest] = await getDb().$queryRaw<(RankedRow & Extra)[]>`
    WITH ${ctes}, chosen AS MATERIALIZED (${chosen}), ranked AS (
      SELECT id, rank, "publicSince"
      FROM chosen
      ORDER BY rank DESC, "publicSince" DESC NULLS LAST, id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    )
    SELECT ranked.id, totals.total, totals."window",
      ts_headline(search_config(a.language), ${markersRemoved(Prisma.sql`a.title`)}, ${articleQuery(parsed, 'a')}, ${TITLE_HEADLINE_OPTIONS}) AS "titleHeadline",
      ts_headline(search_config(a.language), ${markersRemoved(Prisma.sql`concat_ws(E'\n', a.lead, snippet.text)`)}, ${articleQuery(parsed, 'a')}, ${SNIPPET_HEADLINE_OPTIONS}) AS "snippetHeadline"
      ${extraColumns ? Prisma.sql`, ${extraColumns}` : Prisma.empty}
    FROM (SELECT count(*) AS total, coalesce(min("window"), ${matching.windows.length - 1}) AS "window" FROM chosen) totals
    LEFT JOIN ranked ON TRUE
    LEFT JOIN "Article" a ON a.id = ranked.id
    LEFT JOIN LATERAL ${snippetSource(parsed)} ON TRUE
    ORDER BY ranked.rank DESC, ranked."publicSince" DESC NULLS LAST, ranked.id DESC`;
  const rows = [summary, ...rest].flatMap((row) =>
    row?.id ? [{ ...row, id: row.id, titleHeadline: row.titleHeadline ?? '', snippetHeadline: row.snippetHeadline ?? '' }] : [],
  );
  const window = summary?.window ?? matching.windows.length - 1;
  return { rows, total: Number(summary?.total ?? 0), partial: matching.windows[window] != null };
}

/** Results past the last reachable page are better found by a narrower query than by paging. */
function pageCountOf(total: number, perPage: number): number {
  return Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(total / perPage)));
}

function boundedPage(page: number): number {
  return Number.isInteger(page) ? Math.min(Math.max(page, 1), MAX_SEARCH_PAGE) : 1;
}

/** What a reader may search for: the cleaned query, or null when it holds nothing to look for. */
function searchableText(raw: string): string | null {
  const { text } = normalizeSearchText(raw);
  return hasSearchableWords(text) ? text : null;
}

const noResults = (page: number): ArticleSearchResults => ({ items: [], page, pageCount: 1, total: 0, totalIsLowerBound: false });

/** One page of published articles matching the parsed query and the reader's filters, with highlighted snippets. */
async function rankedArticles(parsed: ParsedQuery, query: SearchQuery, page: number): Promise<ArticleSearchResults> {
  const now = new Date();
  // The newest months first, widened until every reachable page can be filled or nothing is left out.
  const matching = {
    parsed,
    scope: publicSearchRow(now),
    required: requiredTokens(query),
    filters: dateFilters(query),
    windows: [...searchWindows(now), null],
    enough: MAX_SEARCH_PAGE * SEARCH_RESULTS_PER_PAGE,
  };
  const { rows, total, partial } = await rankedPage<SummaryRow>(matching, page, SEARCH_RESULTS_PER_PAGE, summaryColumns);
  const items = rows.map((row) => ({
    ...toArticleSummary(row),
    titleHighlight: highlightedTitle(row.title, row.titleHeadline),
    snippet: splitHighlights(row.snippetHeadline),
  }));
  return { items, page, pageCount: pageCountOf(total, SEARCH_RESULTS_PER_PAGE), total, totalIsLowerBound: partial };
}

/** Published articles matching the reader's query and filters, best match first, with highlighted snippets. */
export async function searchArticles(query: SearchQuery): Promise<ArticleSearchResults> {
  return (await searchSite(query, { experts: false })).results;
}

/**
 * The search page: the articles, and on the first page the experts in the public directory (active, with a visible
 * article or a fellow account) matching the query.
 */
export async function searchSite(query: SearchQuery, { experts: withExperts = true } = {}): Promise<{ results: ArticleSearchResults; experts: AuthorCard[] }> {
  const page = boundedPage(query.page);
  const text = searchableText(query.q);
  if (!text) return { results: noResults(page), experts: [] };
  const { parsed, experts } = await parseQuery(text, withExperts && page === 1);
  return { results: await rankedArticles(parsed, query, page), experts };
}

// Profiles carry no language; the russian configuration stems Latin-script words in English and Cyrillic ones in
// Russian (the search migration's author_search_vector uses the same).
const AUTHOR_SEARCH_CONFIG = 'russian';

/** The experts matching `text`, best first, as author card columns and their `ordinal`. */
function expertsSql(text: string): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery(${AUTHOR_SEARCH_CONFIG}::regconfig, ${text})`;
  return Prisma.sql`
    SELECT ${authorCardColumns}, row_number() OVER (ORDER BY ts_rank_cd(author."searchVector", ${query}, 1) DESC, author."sortName", author.id) AS ordinal
    FROM "Author" author
    WHERE author."searchVector" @@ ${query} AND ${listedAuthorSql(new Date())}
    ORDER BY ordinal
    LIMIT ${AUTHOR_RESULTS}`;
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
  const matching = { parsed: (await parseQuery(text)).parsed, scope: newsroomScope(viewer), required: null, filters: [], windows: [null], enough: 0 };
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
