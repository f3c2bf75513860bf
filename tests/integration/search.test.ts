import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import type { SearchQuery } from '@/lib/validation/search';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// Full-text search on a real PostgreSQL: the vectors the database maintains, the public visibility rule,
// ranking, websearch syntax, stemming by language, filters, highlighting and hostile input.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let data: {
  search: typeof import('@/lib/data/search');
  validation: typeof import('@/lib/validation/search');
  auth: typeof import('@/lib/data/auth');
  articles: typeof import('@/lib/data/articles');
};

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const ids: Record<string, string> = {};

type Status = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
type Fixture = {
  slug: string;
  title: string;
  lead?: string;
  body: string;
  status?: Status;
  publishedAt?: Date | null;
  language?: string;
  authors?: string[];
  topics?: string[];
};

async function createArticle(fixture: Fixture) {
  const article = await prisma.article.create({
    data: {
      slug: fixture.slug,
      title: fixture.title,
      lead: fixture.lead ?? '',
      body: doc(fixture.body),
      bodyText: fixture.body,
      status: fixture.status ?? 'PUBLISHED',
      publishedAt: fixture.publishedAt === undefined ? new Date(now - 10 * DAY) : fixture.publishedAt,
      language: fixture.language ?? 'en',
      authors: { create: (fixture.authors ?? ['ines']).map((key, position) => ({ authorId: ids[key]!, position })) },
      topics: { create: (fixture.topics ?? []).map((key) => ({ topicId: ids[key]! })) },
    },
  });
  ids[fixture.slug] = article.id;
}

async function seed() {
  for (const [key, slug, name, kind] of [
    ['arctic', 'arctic', 'Arctic', 'REGION'],
    ['caucasus', 'south-caucasus', 'South Caucasus', 'REGION'],
    ['shipping', 'shipping', 'Shipping', 'THEME'],
  ] as const) {
    ids[key] = (await prisma.topic.create({ data: { slug, name, kind } })).id;
  }
  ids.ines = (await prisma.author.create({
    data: {
      slug: 'ines-moreau', name: 'Ines Moreau', sortName: 'Moreau, Ines', position: 'Senior Fellow', fieldOfExpertise: 'Polar shipping lanes',
      competences: { create: [{ topicId: ids.arctic!, position: 0 }] },
    },
  })).id;
  ids.tamar = (await prisma.author.create({ data: { slug: 'tamar-gelashvili', name: 'Tamar Gelashvili', sortName: 'Gelashvili, Tamar', position: 'Fellow', fieldOfExpertise: 'Remittances and labour migration' } })).id;
  ids.retired = (await prisma.author.create({ data: { slug: 'retired-hydrologist', name: 'Retired Hydrologist', sortName: 'Hydrologist', retired: true } })).id;
  ids.draftOnly = (await prisma.author.create({ data: { slug: 'secret-hydrologist', name: 'Secret Hydrologist', sortName: 'Hydrologist, Secret' } })).id;

  await createArticle({ slug: 'icebreakers-title', title: 'Icebreakers and the northern route', body: 'A short note on convoys.', topics: ['arctic', 'shipping'] });
  // Vectors of equal length and equal matches, so only the date tells these two apart.
  await createArticle({ slug: 'icebreakers-body-old', title: 'Ports of the north', body: 'Convoys need icebreakers in winter.', publishedAt: new Date(now - 40 * DAY), topics: ['arctic', 'shipping'] });
  await createArticle({ slug: 'icebreakers-body-new', title: 'Ports of the south', body: 'Convoys need icebreakers in winter.', publishedAt: new Date(now - 5 * DAY), authors: ['tamar'], topics: ['caucasus'] });
  await createArticle({ slug: 'grain-phrase', title: 'Harbour politics', body: 'The grain corridor reopened in spring, and the harbour filled again.' });
  await createArticle({ slug: 'grain-apart', title: 'Harbour economics', body: 'Grain prices fell; the land corridor stayed closed, and the harbour emptied.' });
  await createArticle({ slug: 'permafrost-title', title: 'Permafrost under the pipelines', body: 'Engineers measure the ground.', publishedAt: new Date(now - 70 * DAY) });
  await createArticle({ slug: 'permafrost-lead', title: 'Northern foundations', lead: 'Permafrost thaws; permafrost moves.', body: 'Engineers measure the ground.', publishedAt: new Date(now - 60 * DAY) });
  await createArticle({ slug: 'permafrost-body', title: 'Northern roads', body: 'Permafrost, permafrost and more permafrost.', publishedAt: new Date(now - 55 * DAY) });
  // French is not stemmed: the 'simple' configuration keeps "harbour" as written, and "harbours" is another word.
  await createArticle({ slug: 'harbour-french', title: 'Les ports du nord', body: 'Une harbour au nord.', language: 'fr', publishedAt: new Date(now - 80 * DAY) });
  await createArticle({ slug: 'walrus', title: 'Counting walrus colonies', body: 'Surveys from the air.' });
  await createArticle({ slug: 'narwhal', title: 'Narwhal tusks and trade', body: 'Customs records.' });
  await createArticle({
    slug: 'russian-security', title: 'Безопасность без единого гаранта', language: 'ru',
    body: 'Государства региона всё реже полагаются на одного внешнего партнёра в вопросах безопасности.',
  });
  await createArticle({ slug: 'markup-body', title: 'Quoting markup', body: 'The phrase <b>bold claims</b> appears \uE000 here with a plankton bloom.' });
  // Never found: not visible to readers, each with the unique word "zephyrine".
  await createArticle({ slug: 'a-draft', title: 'Draft about zephyrine', body: 'zephyrine', status: 'DRAFT', publishedAt: null });
  await createArticle({ slug: 'in-review', title: 'Review zephyrine', body: 'zephyrine', status: 'IN_REVIEW', publishedAt: null });
  await createArticle({ slug: 'archived', title: 'Archived zephyrine', body: 'zephyrine', status: 'ARCHIVED', publishedAt: new Date(now - 50 * DAY) });
  await createArticle({ slug: 'scheduled-later', title: 'Scheduled zephyrine', body: 'zephyrine quillwort', status: 'SCHEDULED', publishedAt: new Date(now + 30 * DAY) });
  await createArticle({ slug: 'published-future', title: 'Future zephyrine', body: 'zephyrine', status: 'PUBLISHED', publishedAt: new Date(now + DAY) });
  await createArticle({ slug: 'draft-by-secret', title: 'Hidden hydrology', body: 'zephyrine', status: 'DRAFT', publishedAt: null, authors: ['draftOnly'] });
  await createArticle({ slug: 'scheduled-due', title: 'Scheduled quillwort', body: 'A note on quillwort, due already.', status: 'SCHEDULED', publishedAt: new Date(now - 60_000) });
  await createArticle({ slug: 'retired-piece', title: 'Old notes', body: 'Aquifers.', authors: ['retired'] });
  await prisma.user.create({ data: { email: 'ines@example.test', name: 'Ines', role: 'FELLOW', authorId: ids.ines } });
}

const query = (q: string, filters: Partial<SearchQuery> = {}): SearchQuery => ({ q, page: 1, ...filters });
const expertSlugsFor = async (q: string) => (await data.search.searchSite(query(q))).experts.map((author) => author.slug);
const slugsFor = async (q: string, filters: Partial<SearchQuery> = {}) => (await data.search.searchArticles(query(q, filters))).items.map((hit) => hit.slug);

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  await seed();
  data = {
    search: await import('@/lib/data/search'),
    validation: await import('@/lib/validation/search'),
    auth: await import('@/lib/data/auth'),
    articles: await import('@/lib/data/articles'),
  };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('searchArticles', () => {
  it('ranks a title match above body matches, and equal matches newest first', async () => {
    expect(await slugsFor('icebreakers')).toEqual(['icebreakers-title', 'icebreakers-body-new', 'icebreakers-body-old']);
  });

  it('ranks the title above the lead above the body, whatever the dates and repetitions', async () => {
    expect(await slugsFor('permafrost')).toEqual(['permafrost-title', 'permafrost-lead', 'permafrost-body']);
  });

  it('stems English words and counts the results', async () => {
    const results = await data.search.searchArticles(query('icebreaker convoy'));
    expect(results).toMatchObject({ total: 3, page: 1, pageCount: 1 });
  });

  it('matches a quoted phrase only where its words are adjacent', async () => {
    expect(await slugsFor('"grain corridor"')).toEqual(['grain-phrase']);
    expect((await slugsFor('grain corridor')).sort()).toEqual(['grain-apart', 'grain-phrase']);
  });

  it('leaves out articles with an excluded word', async () => {
    expect((await slugsFor('harbour -spring')).sort()).toEqual(['grain-apart', 'harbour-french']);
  });

  it('finds either word with "or"', async () => {
    expect((await slugsFor('walrus or narwhal')).sort()).toEqual(['narwhal', 'walrus']);
  });

  it('parses the query with each article\'s own language: stemmed for English, as written for French', async () => {
    expect((await slugsFor('harbours')).sort()).toEqual(['grain-apart', 'grain-phrase']);
    expect((await slugsFor('harbour')).sort()).toEqual(['grain-apart', 'grain-phrase', 'harbour-french']);
  });

  it('finds nothing, and says so, for a query of stop words only', async () => {
    expect(await data.search.searchArticles(query('the of and'))).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it('stems Russian articles with the Russian stemmer', async () => {
    expect(await slugsFor('безопасности')).toEqual(['russian-security']);
    expect(await slugsFor('гарант')).toEqual(['russian-security']);
    expect(await slugsFor('безопасность -партнёры')).toEqual([]);
  });

  it('finds articles by their authors and topics', async () => {
    expect(await slugsFor('Gelashvili')).toEqual(['icebreakers-body-new']);
    expect((await slugsFor('"south caucasus"'))).toEqual(['icebreakers-body-new']);
  });

  it('shows each result as the article lists show it: date, authors in order and topics', async () => {
    const hits = (await data.search.searchArticles(query('icebreakers'))).items;
    const listed = (await data.articles.listPublishedArticles(1)).items;
    expect(hits.length).toBeGreaterThan(0);
    for (const { titleHighlight, snippet, ...summary } of hits) {
      expect(titleHighlight.length).toBeGreaterThan(0);
      expect(snippet.length).toBeGreaterThan(0);
      expect(summary).toEqual(listed.find((item) => item.slug === summary.slug));
    }
  });

  it('filters by region, theme, author and date range', async () => {
    expect(await slugsFor('icebreakers', { region: 'arctic' })).toEqual(['icebreakers-title', 'icebreakers-body-old']);
    expect(await slugsFor('icebreakers', { theme: 'shipping' })).toEqual(['icebreakers-title', 'icebreakers-body-old']);
    expect(await slugsFor('icebreakers', { region: 'south-caucasus', theme: 'shipping' })).toEqual([]);
    expect(await slugsFor('icebreakers', { theme: 'arctic' })).toEqual([]);
    expect(await slugsFor('icebreakers', { author: 'tamar-gelashvili' })).toEqual(['icebreakers-body-new']);
    const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
    expect(await slugsFor('icebreakers', { from: day(-41), to: day(-20) })).toEqual(['icebreakers-body-old']);
    expect(await slugsFor('icebreakers', { from: day(-5) })).toEqual(['icebreakers-body-new']);
    expect(await slugsFor('icebreakers', { to: day(-5) })).toEqual(['icebreakers-title', 'icebreakers-body-new', 'icebreakers-body-old']);
  });

  it('never finds drafts, articles in review, archived ones or those scheduled for later', async () => {
    expect(await data.search.searchArticles(query('zephyrine'))).toEqual({ items: [], page: 1, pageCount: 1, total: 0, totalIsLowerBound: false });
    expect(await slugsFor('quillwort')).toEqual(['scheduled-due']);
  });

  it('highlights matched words as runs of text, never as markup', async () => {
    const [hit] = (await data.search.searchArticles(query('plankton'))).items;
    expect(hit?.snippet.filter((run) => run.highlighted).map((run) => run.text)).toEqual(['plankton']);
    const snippet = hit?.snippet.map((run) => run.text).join('');
    // ts_headline leaves markup-like tokens out; what remains is plain text, and stray markers are gone.
    expect(snippet).toContain('bold claims');
    expect(snippet).not.toMatch(/[<>\uE000\uE001]/);
    const [titled] = (await data.search.searchArticles(query('walrus'))).items;
    expect(titled?.titleHighlight).toEqual([
      { text: 'Counting ', highlighted: false },
      { text: 'walrus', highlighted: true },
      { text: ' colonies', highlighted: false },
    ]);
  });

  it('pages through results with a bounded page size', async () => {
    for (let index = 0; index < 12; index += 1) {
      await createArticle({ slug: `paged-${index}`, title: `Paged ${index}`, body: 'sturgeon', publishedAt: new Date(now - (index + 1) * DAY) });
    }
    const first = await data.search.searchArticles(query('sturgeon'));
    const second = await data.search.searchArticles(query('sturgeon', { page: 2 }));
    expect(first).toMatchObject({ total: 12, pageCount: 2 });
    expect(first.items).toHaveLength(data.search.SEARCH_RESULTS_PER_PAGE);
    expect(second.items.map((hit) => hit.slug)).toEqual(['paged-10', 'paged-11']);
    expect(await data.search.searchArticles(query('sturgeon', { page: 3 }))).toMatchObject({ items: [], total: 12, pageCount: 2 });
  });

  it.each([
    '',
    '   ',
    '"',
    '""""',
    '&|!():*',
    "'; DROP TABLE \"Article\"; --",
    'zephyrine\u0000',
    '\u0000\u0000',
    '😀🎉',
    '\ud800 lone surrogate',
    '-',
    'or or or',
    '!!!icebreakers',
    '\\',
    '<script>alert(1)</script>',
    'a'.repeat(10_000),
    'icebreakers '.repeat(1_000),
  ])('answers a hostile query without failing: %j', async (hostile) => {
    const { query: parsed } = data.validation.parseSearchParams({ q: hostile });
    const results = await data.search.searchArticles(parsed);
    expect(results.total).toBe(results.items.length);
    expect((await data.search.searchSite(parsed)).experts).toBeInstanceOf(Array);
    // The data layer cleans raw input too, for callers that skip the URL parser.
    await expect(data.search.searchArticles(query(hostile))).resolves.toBeDefined();
  });
});

describe('vectors kept current by the database', () => {
  it('follows an author rename', async () => {
    await prisma.author.update({ where: { id: ids.tamar }, data: { name: 'Tamar Kvaratskhelia' } });
    expect(await slugsFor('Kvaratskhelia')).toEqual(['icebreakers-body-new']);
    expect(await slugsFor('Gelashvili')).toEqual([]);
    expect(await expertSlugsFor('Kvaratskhelia')).toEqual(['tamar-gelashvili']);
  });

  it('follows a topic rename, changed co-authors, an edited body and a changed language', async () => {
    await prisma.topic.update({ where: { id: ids.caucasus }, data: { name: 'Transcaucasia' } });
    expect(await slugsFor('transcaucasia')).toEqual(['icebreakers-body-new']);
    await prisma.articleAuthor.create({ data: { articleId: ids.walrus!, authorId: ids.tamar!, position: 1 } });
    expect(await slugsFor('walrus Kvaratskhelia')).toEqual(['walrus']);
    await prisma.articleAuthor.deleteMany({ where: { articleId: ids.walrus!, authorId: ids.tamar! } });
    expect(await slugsFor('walrus Kvaratskhelia')).toEqual([]);
    await prisma.article.update({ where: { id: ids.narwhal }, data: { bodyText: 'Customs records of sealskin.' } });
    expect(await slugsFor('sealskin')).toEqual(['narwhal']);
    await prisma.article.update({ where: { id: ids['russian-security'] }, data: { language: 'simple-language' } });
    expect(await slugsFor('гарант')).toEqual([]);
    expect(await slugsFor('гаранта')).toEqual(['russian-security']);
    await prisma.article.update({ where: { id: ids['russian-security'] }, data: { language: 'ru' } });
  });

  it('filters by the current slugs after a topic or an author changes slug, and by a topic\'s current kind', async () => {
    await prisma.topic.update({ where: { id: ids.arctic }, data: { slug: 'high-north' } });
    await prisma.author.update({ where: { id: ids.tamar }, data: { slug: 'tamar-g' } });
    try {
      expect(await slugsFor('icebreakers', { region: 'high-north' })).toEqual(['icebreakers-title', 'icebreakers-body-old']);
      expect(await slugsFor('icebreakers', { region: 'arctic' })).toEqual([]);
      expect(await slugsFor('icebreakers', { author: 'tamar-g' })).toEqual(['icebreakers-body-new']);
      expect(await slugsFor('icebreakers', { author: 'tamar-gelashvili' })).toEqual([]);
      await prisma.topic.update({ where: { id: ids.arctic }, data: { kind: 'THEME' } });
      expect(await slugsFor('icebreakers', { region: 'high-north' })).toEqual([]);
      expect(await slugsFor('icebreakers', { theme: 'high-north' })).toEqual(['icebreakers-title', 'icebreakers-body-old']);
    } finally {
      await prisma.topic.update({ where: { id: ids.arctic }, data: { slug: 'arctic', kind: 'REGION' } });
      await prisma.author.update({ where: { id: ids.tamar }, data: { slug: 'tamar-gelashvili' } });
    }
  });

  it('lets an article with authors and topics be deleted', async () => {
    await createArticle({ slug: 'to-delete', title: 'Ephemeral', body: 'ephemera', topics: ['arctic'] });
    await prisma.article.delete({ where: { id: ids['to-delete'] } });
    expect(await slugsFor('ephemera')).toEqual([]);
  });

  it('uses the GIN indexes', async () => {
    const plans = await prisma.$transaction([
      prisma.$executeRaw`SET LOCAL enable_seqscan = off`,
      prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT "articleId" FROM "ArticleSearch" s
        WHERE (s.language = 'en' AND s.document @@ websearch_to_tsquery(search_config('en'), 'icebreakers'))
           OR (s.language = 'ru' AND s.document @@ websearch_to_tsquery(search_config('ru'), 'icebreakers'))
           OR (s.language NOT IN ('en', 'ru') AND s.document @@ websearch_to_tsquery('simple', 'icebreakers'))`,
      prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM "Author" WHERE "searchVector" @@ websearch_to_tsquery('russian', 'moreau')`,
    ]);
    const [, articlePlan, authorPlan] = plans.map((plan) => (Array.isArray(plan) ? plan.map((row) => row['QUERY PLAN']).join('\n') : ''));
    expect(articlePlan).toContain('Bitmap Index Scan on "ArticleSearch_document_idx"');
    expect(articlePlan).not.toContain('Seq Scan');
    expect(authorPlan).toContain('Author_searchVector_idx');
  });

  it('keeps a row per article whose publication month and year follow publishing, unpublishing and scheduling', async () => {
    const periods = (date: Date) => [`published ${date.toISOString().slice(0, 7)}`, `published ${date.getUTCFullYear()}-q${Math.floor(date.getUTCMonth() / 3) + 1}`];
    const tokensOf = async (slug: string) => {
      const [row] = await prisma.$queryRaw<{ since: Date | null; tokens: string[] }[]>`
        SELECT s."publicSince" AS since, ARRAY(SELECT lexeme FROM unnest(s.document) WHERE lexeme LIKE 'published %') AS tokens
        FROM "ArticleSearch" s WHERE s."articleId" = ${ids[slug]}`;
      return row;
    };
    const publishedAt = new Date(now - 400 * DAY);
    await createArticle({ slug: 'month-token', title: 'Month token', body: 'ptarmigan', publishedAt, status: 'DRAFT' });
    expect(await tokensOf('month-token')).toEqual({ since: null, tokens: [] });
    await prisma.article.update({ where: { id: ids['month-token'] }, data: { status: 'PUBLISHED' } });
    expect(await tokensOf('month-token')).toEqual({ since: publishedAt, tokens: periods(publishedAt) });
    const later = new Date(now + 40 * DAY);
    await prisma.article.update({ where: { id: ids['month-token'] }, data: { status: 'SCHEDULED', publishedAt: later } });
    expect(await tokensOf('month-token')).toEqual({ since: later, tokens: periods(later) });
    await prisma.article.update({ where: { id: ids['month-token'] }, data: { status: 'ARCHIVED' } });
    expect(await tokensOf('month-token')).toEqual({ since: null, tokens: [] });
    expect(await slugsFor('ptarmigan')).toEqual([]);
  });
});

describe('search windows', () => {
  const reachable = 50 * 10;

  it('ranks among the newest months when they alone fill every reachable page, and says the count is a lower bound', async () => {
    const recent = Array.from({ length: reachable + 5 }, (_, index) => ({
      slug: `krill-recent-${index}`, title: `Fisheries note ${index}`, body: 'krill quotas', bodyText: 'krill quotas', doc: doc('krill quotas'),
      publishedAt: new Date(now - DAY - index * 60_000),
    }));
    await prisma.article.createMany({
      data: recent.map(({ slug, title, bodyText, doc: body, publishedAt }) => ({ slug, title, body, bodyText, status: 'PUBLISHED' as const, publishedAt })),
    });
    // Older than any window: a better match (krill in the title) that only a narrower query reaches.
    await createArticle({ slug: 'krill-classic', title: 'Krill, the classic study', body: 'krill quotas and whales', publishedAt: new Date(now - 5 * 365 * DAY) });

    const results = await data.search.searchArticles(query('krill'));
    expect(results).toMatchObject({ totalIsLowerBound: true, total: reachable + 5, pageCount: 50 });
    expect(results.items.map((hit) => hit.slug)).toEqual(Array.from({ length: 10 }, (_, index) => `krill-recent-${index}`));

    const narrower = await data.search.searchArticles(query('krill whales'));
    expect(narrower).toMatchObject({ totalIsLowerBound: false, total: 1 });
    expect(narrower.items.map((hit) => hit.slug)).toEqual(['krill-classic']);
    expect(await data.search.searchArticles({ ...query('krill whales'), page: 3 })).toMatchObject({ items: [], total: 1, pageCount: 1 });
  });

  it('asks for the newest three months, then the last four quarters, across a year boundary', () => {
    expect(data.search.searchWindows(new Date('2027-01-15T12:00:00Z'))).toEqual([
      "'published 2027-01' | 'published 2026-12' | 'published 2026-11'",
      "'published 2027-q1' | 'published 2026-q4' | 'published 2026-q3' | 'published 2026-q2'",
    ]);
  });

  it('widens from the newest months to the last four quarters before the whole archive', async () => {
    // Seven months old: outside the newest three, inside the last four quarters whatever the date.
    const months = Array.from({ length: reachable + 3 }, (_, index) => ({
      slug: `copepod-${index}`, title: `Survey ${index}`, bodyText: 'copepod counts', doc: doc('copepod counts'),
      publishedAt: new Date(now - 210 * DAY - index * 60_000),
    }));
    await prisma.article.createMany({
      data: months.map(({ slug, title, bodyText, doc: body, publishedAt }) => ({ slug, title, body, bodyText, status: 'PUBLISHED' as const, publishedAt })),
    });
    await createArticle({ slug: 'copepod-classic', title: 'Copepods, the classic survey', body: 'copepod counts', publishedAt: new Date(now - 6 * 365 * DAY) });

    const results = await data.search.searchArticles(query('copepod'));
    expect(results).toMatchObject({ totalIsLowerBound: true, total: reachable + 3, pageCount: 50 });
    expect(results.items.map((hit) => hit.slug)).toEqual(Array.from({ length: 10 }, (_, index) => `copepod-${index}`));
    const lastPage = await data.search.searchArticles({ ...query('copepod'), page: 51 });
    expect(lastPage.page).toBe(50);
    expect(lastPage.items.map((hit) => hit.slug)).toEqual(Array.from({ length: 10 }, (_, index) => `copepod-${490 + index}`));
  });

  it('widens to the whole archive when the newest months hold fewer matches, ranking a title match first', async () => {
    await createArticle({ slug: 'lamprey-old-title', title: 'Lamprey ladders', body: 'Fish passes on old dams.', publishedAt: new Date(now - 9 * 365 * DAY) });
    await createArticle({ slug: 'lamprey-new-body', title: 'Dam removal', body: 'Lamprey returned upstream.', publishedAt: new Date(now - 2 * DAY) });
    const results = await data.search.searchArticles(query('lamprey'));
    expect(results).toMatchObject({ totalIsLowerBound: false, total: 2 });
    expect(results.items.map((hit) => hit.slug)).toEqual(['lamprey-old-title', 'lamprey-new-body']);
  });

  it('cuts the snippet where the word is, deep in a long body', async () => {
    const filler = 'Nothing of note happened on the coast that season. '.repeat(200);
    await createArticle({ slug: 'deep-word', title: 'A long report', body: `${filler}Then the sandpipers came back to the estuary. ${filler}` });
    const [hit] = (await data.search.searchArticles(query('sandpipers'))).items;
    expect(hit?.snippet.filter((run) => run.highlighted).map((run) => run.text)).toEqual(['sandpipers']);
  });
});

describe('searchSite', () => {
  it('finds listed experts by name, position, field of expertise and competence', async () => {
    expect(await expertSlugsFor('Moreau')).toEqual(['ines-moreau']);
    expect(await expertSlugsFor('polar lanes')).toEqual(['ines-moreau']);
    expect(await expertSlugsFor('arctic')).toEqual(['ines-moreau']);
    expect(await expertSlugsFor('remittance')).toEqual(['tamar-gelashvili']);
    expect((await expertSlugsFor('fellow')).sort()).toEqual(['ines-moreau', 'tamar-gelashvili']);
  });

  it('ranks experts by how well their profile matches, best first', async () => {
    // Ines's field of expertise says "polar" and her competence "Arctic"; Tamar's field of expertise says "remittances".
    expect(await expertSlugsFor('arctic or polar or remittance')).toEqual(['ines-moreau', 'tamar-gelashvili']);
  });

  it('leaves out retired authors and those with nothing published', async () => {
    expect(await expertSlugsFor('hydrologist')).toEqual([]);
  });

  it('gives the articles with the experts, and the experts on the first page only', async () => {
    const first = await data.search.searchSite(query('icebreakers'));
    expect(first.results).toEqual(await data.search.searchArticles(query('icebreakers')));
    expect((await data.search.searchSite(query('Moreau'))).experts.map((author) => author.slug)).toEqual(['ines-moreau']);
    expect((await data.search.searchSite(query('Moreau', { page: 2 }))).experts).toEqual([]);
  });
});

describe('searchNewsroomArticles', () => {
  const viewerFor = async (role: 'EDITOR' | 'FELLOW', authorId: string | null): Promise<Viewer> => {
    const user = await prisma.user.create({ data: { email: `${role}-${Date.now()}-${Math.random()}@example.test`, name: role, role, authorId } });
    const viewer = await data.auth.getSessionViewer(user.id, user.sessionVersion);
    if (!viewer) throw new Error('viewer expected');
    return viewer;
  };

  it('covers every status for staff and only co-authored articles for a fellow', async () => {
    const editor = await viewerFor('EDITOR', null);
    const staffSlugs = (await data.search.searchNewsroomArticles(editor, { q: 'zephyrine', page: 1 })).items.map((hit) => hit.slug).sort();
    expect(staffSlugs).toEqual(['a-draft', 'archived', 'draft-by-secret', 'in-review', 'published-future', 'scheduled-later']);
    const fellow = await viewerFor('FELLOW', ids.draftOnly!);
    const fellowResults = await data.search.searchNewsroomArticles(fellow, { q: 'zephyrine', page: 1 });
    expect(fellowResults.items.map((hit) => hit.slug)).toEqual(['draft-by-secret']);
    expect(fellowResults.total).toBe(1);
    expect(fellowResults.items[0]).toMatchObject({ status: 'DRAFT', authors: ['Secret Hydrologist'] });
  });
});
