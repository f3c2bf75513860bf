import { z } from 'zod';
import { SLUG_PATTERN, slugify } from '@/lib/content/slugify';

// The search page's URL (/search?q=&region=&theme=&author=&from=&to=&page=). Anyone can type any URL, so a bad
// parameter is dropped or clamped instead of failing: no query answers 500.

export const MAX_SEARCH_QUERY_LENGTH = 200;
export const MAX_SEARCH_PAGE = 50;

export type SearchQuery = {
  q: string;
  region?: string;
  theme?: string;
  author?: string;
  /** Calendar days (YYYY-MM-DD) in the site's time zone, both inclusive. */
  from?: string;
  to?: string;
  page: number;
};

/** `authorAsTyped`: the author filter as the reader typed it (a name), for the form to show it back. */
export type ParsedSearch = { query: SearchQuery; shortened: boolean; authorAsTyped: string };

/** A repeated parameter (`?q=a&q=b`) counts by its first value. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Control characters (NUL above all, which PostgreSQL refuses in text) and lone surrogates never belong in a query.
const UNSEARCHABLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The query as searched: cleaned, whitespace collapsed, and cut to at most 200 characters, at a word's end if it can. */
export function normalizeSearchText(raw: string): { text: string; shortened: boolean } {
  const characters = Array.from(raw.replace(UNSEARCHABLE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim());
  if (characters.length <= MAX_SEARCH_QUERY_LENGTH) return { text: characters.join(''), shortened: false };
  // Whole code points, so no emoji is split; a word cut in half would search for a different word.
  const kept = characters.slice(0, MAX_SEARCH_QUERY_LENGTH + 1);
  const lastSpace = kept.lastIndexOf(' ');
  return { text: kept.slice(0, lastSpace > 0 ? lastSpace : MAX_SEARCH_QUERY_LENGTH).join('').trim(), shortened: true };
}

/** Whether the query has anything to look for: operators and punctuation alone find nothing. */
export function hasSearchableWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

const slug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .optional()
  .catch(undefined);

// The author filter is typed: a name ("Leila Haddad") or a slug, both read as the author's slug.
const authorName = z
  .string()
  .max(200)
  .transform((value) => slugify(value))
  .pipe(z.string().regex(SLUG_PATTERN))
  .optional()
  .catch(undefined);

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getUTCFullYear() >= 1900;
  })
  .optional()
  .catch(undefined);

const searchParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().catch('')),
  region: z.preprocess(firstValue, slug),
  theme: z.preprocess(firstValue, slug),
  author: z.preprocess(firstValue, authorName),
  from: z.preprocess(firstValue, calendarDay),
  to: z.preprocess(firstValue, calendarDay),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).catch(1).transform((page) => Math.min(page, MAX_SEARCH_PAGE))),
});

const typedAuthor = z.preprocess(firstValue, z.string().max(200).catch('')).catch('');

export function parseSearchParams(searchParams: Record<string, string | string[] | undefined>): ParsedSearch {
  const { q, from, to, ...filters } = searchParamsSchema.parse(searchParams);
  const authorAsTyped = filters.author ? typedAuthor.parse(searchParams.author).trim() : '';
  const { text, shortened } = normalizeSearchText(q);
  // A range typed backwards is still the range the reader meant.
  const [start, end] = from && to && from > to ? [to, from] : [from, to];
  return { query: { ...filters, q: text, from: start, to: end }, shortened, authorAsTyped };
}

/** The search URL for a query, leaving empty parameters out so links stay short and stable. */
export function searchHref(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['region', 'theme', 'author', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/search?${search}` : '/search';
}
