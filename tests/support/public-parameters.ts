import path from 'node:path';
import { safeCallbackPath } from '../../lib/auth/callback-url';
import { parsePageParam, parseSlug } from '../../lib/data/slugs';
import { hasSearchableWords, MAX_SEARCH_PAGE, parseSearchParams } from '../../lib/validation/search';
import { containsMarkup } from './hostile-inputs';

// Every public query parameter and route segment, with what the page does with a raw value: the parsed outcome
// that decides its answer (404, an empty list, the value shown back). Two raw strings fall in one equivalence
// class of a parameter when the parser gives them the same outcome, they agree on carrying markup (the one
// property of the raw text the reflection check looks at) and, in a path, the URL keeps them in their segment.
// Shared by tests/unit/hostile-public-params.test.ts, which feeds every hostile string to the real parsers and
// pages, and tests/e2e/hostile-public-matrix.spec.ts, which requests one string of each class over HTTP.
//
// Pure: the end-to-end spec cannot import server-only modules, so the few checks that live in them or inline in a
// page (marked "as in") are restated here, and the unit test proves each restatement equal to the real code for
// every hostile string.

export type SearchParamValue = string | string[] | undefined;

/** app/(site)/articles/page.tsx `single`: one non-empty value; a repeated parameter counts as none. */
export function articleListFilter(value: SearchParamValue): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** app/(site)/authors/page.tsx `values(…)[0]`: the first non-empty value. */
export function directoryFilter(value: SearchParamValue): string | undefined {
  return (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean)[0];
}

/** As in lib/data/article-preview.ts getSharedPreview: only this shape is looked up. */
export const PREVIEW_TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;
/** As in lib/data/users.ts findUsableToken (invitation and password-reset links). */
export const USER_TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** As in lib/feeds/site-sitemaps.ts childSitemapName. */
export function childSitemapOutcome(name: string): 'pages sitemap' | 'numbered sitemap' | 'no such sitemap' {
  if (name === 'pages.xml') return 'pages sitemap';
  return /^(authors|articles)-[1-9]\d{0,5}\.xml$/.test(name) ? 'numbered sitemap' : 'no such sitemap';
}

/** As in lib/media/storage.ts mediaContentType and isValidMediaKey: a servable image name, then a safe key. */
export function mediaKeyOutcome(key: string): 'not an image name' | 'unsafe key' | 'image key' {
  if (!['.jpg', '.jpeg', '.png', '.webp', '.avif'].includes(path.extname(key).toLowerCase())) return 'not an image name';
  const safe = key.split('/').every((segment) => /^[A-Za-z0-9._-]+$/.test(segment) && !segment.startsWith('.'));
  return safe ? 'image key' : 'unsafe key';
}

const slugOutcome = (value: string | undefined) => (value === undefined ? 'absent' : parseSlug(value) === null ? 'not a slug' : 'slug');

function listPageOutcome(value: SearchParamValue): string {
  const page = parsePageParam(value);
  return page === null ? 'not a page number' : page === 1 ? 'first page' : 'later page';
}

function searchOutcome(name: string, value: SearchParamValue): string {
  const { query, shortened } = parseSearchParams({ [name]: value });
  switch (name) {
    case 'q':
      return `${!query.q ? 'empty' : hasSearchableWords(query.q) ? 'words' : 'no words'}${shortened ? ', shortened' : ''}`;
    case 'region':
    case 'theme':
    case 'author':
      return query[name] === undefined ? 'dropped' : 'slug';
    case 'from':
    case 'to':
      return query[name] === undefined ? 'dropped' : 'calendar day';
    case 'page':
      return query.page === 1 ? 'first page' : query.page === MAX_SEARCH_PAGE ? 'last page allowed' : 'later page';
    default:
      throw new Error(`The search page has no parameter ${name}.`);
  }
}

export type Slugs = { article: string; author: string; topic: string };

export type PublicParameter = {
  /** "/articles ?page", "/authors/[slug]" */
  name: string;
  kind: 'query' | 'segment';
  /** The parsed outcome of a raw value, as the page acts on it. */
  outcome: (value: string) => string;
  /** The address carrying the raw value (percent-encoded where a URL needs it). */
  url: (value: string) => string;
  /** The statuses an outcome may answer; every outcome must stay below 500 in any case. */
  statuses: (outcome: string) => number[];
};

const query = (path: string, name: string) => (value: string) => `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams([[name, value]])}`;
const segment = (prefix: string, suffix = '') => (value: string) => `${prefix}/${encodeURIComponent(value)}${suffix}`;

const OK = [200];
const NOT_FOUND = [404];
const listPageStatuses = (outcome: string) => (outcome === 'not a page number' ? NOT_FOUND : outcome === 'first page' ? OK : [200, 404]);

/** Every public parameter and route segment; `slugs` name published content for the parameters of a page that exists. */
export function publicParameters(slugs: Slugs): PublicParameter[] {
  const searchParameter = (name: string): PublicParameter => ({
    name: `/search ?${name}`,
    kind: 'query',
    outcome: (value) => searchOutcome(name, value),
    url: query('/search', name),
    statuses: () => OK,
  });
  const ignored = (path: string, name: string): PublicParameter => ({ name: `${path} ?${name}`, kind: 'query', outcome: () => 'ignored', url: query(path, name), statuses: () => OK });
  const slugSegment = (name: string, prefix: string, suffix = ''): PublicParameter => ({
    name,
    kind: 'segment',
    outcome: (value) => slugOutcome(value),
    url: segment(prefix, suffix),
    // No hostile string names published content: a slug is an unknown one.
    statuses: () => NOT_FOUND,
  });
  const tokenSegment = (name: string, prefix: string, shape: RegExp): PublicParameter => ({
    name,
    kind: 'segment',
    outcome: (value) => (shape.test(value) ? 'token shape' : 'not a token'),
    url: segment(prefix),
    statuses: () => NOT_FOUND,
  });
  return [
    ...['q', 'region', 'theme', 'author', 'from', 'to', 'page'].map(searchParameter),
    { name: '/articles ?page', kind: 'query', outcome: listPageOutcome, url: query('/articles', 'page'), statuses: listPageStatuses },
    ...['topic', 'author'].map((name): PublicParameter => ({
      name: `/articles ?${name}`,
      kind: 'query',
      outcome: (value) => slugOutcome(articleListFilter(value)),
      url: query('/articles', name),
      statuses: () => OK,
    })),
    ...['region', 'theme'].map((name): PublicParameter => ({
      name: `/authors ?${name}`,
      kind: 'query',
      outcome: (value) => slugOutcome(directoryFilter(value)),
      url: query('/authors', name),
      statuses: () => OK,
    })),
    { name: '/authors ?page', kind: 'query', outcome: listPageOutcome, url: query('/authors', 'page'), statuses: listPageStatuses },
    slugSegment('/authors/[slug]', '/authors'),
    { name: '/authors/[slug] ?page', kind: 'query', outcome: listPageOutcome, url: query(`/authors/${slugs.author}`, 'page'), statuses: listPageStatuses },
    slugSegment('/authors/[slug]/feed.xml', '/authors', '/feed.xml'),
    slugSegment('/topics/[slug]', '/topics'),
    { name: '/topics/[slug] ?page', kind: 'query', outcome: listPageOutcome, url: query(`/topics/${slugs.topic}`, 'page'), statuses: listPageStatuses },
    slugSegment('/topics/[slug]/feed.xml', '/topics', '/feed.xml'),
    slugSegment('/articles/[slug]', '/articles'),
    slugSegment('/articles/[slug]/opengraph-image', '/articles', '/opengraph-image'),
    ignored(`/articles/${slugs.article}`, 'utm_source'),
    ignored('/', 'utm_source'),
    tokenSegment('/preview/[token]', '/preview', PREVIEW_TOKEN_SHAPE),
    tokenSegment('/invite/[token]', '/invite', USER_TOKEN_SHAPE),
    tokenSegment('/reset/[token]', '/reset', USER_TOKEN_SHAPE),
    { name: '/sitemaps/[name]', kind: 'segment', outcome: childSitemapOutcome, url: segment('/sitemaps'), statuses: (outcome) => (outcome === 'pages sitemap' ? OK : NOT_FOUND) },
    { name: '/media/[...key]', kind: 'segment', outcome: mediaKeyOutcome, url: segment('/media'), statuses: () => NOT_FOUND },
    {
      name: '/login ?callbackUrl',
      kind: 'query',
      outcome: (value) => (safeCallbackPath(value) === null ? 'no callback' : 'same-site path'),
      url: query('/login', 'callbackUrl'),
      statuses: () => OK,
    },
    // app/(auth)/login/page.tsx: any non-empty value shows "You have been signed out".
    { name: '/login ?signedOut', kind: 'query', outcome: (value) => (value ? 'signed-out note' : 'no note'), url: query('/login', 'signedOut'), statuses: () => OK },
    // next-auth's own error codes come back to /login?error=…; the page does not read them.
    ignored('/login', 'error'),
  ];
}

/** The address still names the segment the value was put in (URL parsing did not fold `..` or `.` away). */
export function keepsItsSegment(url: string): boolean {
  return new URL(url, 'http://dispatch.test').pathname === url.split('?')[0];
}

/**
 * The value's equivalence class for a parameter: its parsed outcome, whether it carries markup, and for a path
 * segment whether the URL keeps it in its place (empty and dot segments are routed elsewhere before any parser).
 */
export function equivalenceClass(parameter: PublicParameter, value: string): string {
  const parts = [parameter.outcome(value), containsMarkup(value) ? 'markup' : 'no markup'];
  if (parameter.kind === 'segment') parts.push(value === '' ? 'empty segment' : keepsItsSegment(parameter.url(value)) ? 'own segment' : 'folded by the URL');
  return parts.join(' · ');
}

/** The classes of a parameter over the values, each with its first value (the representative) and its size. */
export function classesOf(parameter: PublicParameter, values: string[]): Map<string, { representative: string; size: number }> {
  const classes = new Map<string, { representative: string; size: number }>();
  for (const value of values) {
    const key = equivalenceClass(parameter, value);
    const known = classes.get(key);
    if (known) known.size += 1;
    else classes.set(key, { representative: value, size: 1 });
  }
  return classes;
}
