import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { parseDashboardQuery } from '@/lib/validation/dashboard';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The newsroom dashboard's listing (/editor) on a real PostgreSQL: status counts, filters, search with
// awkward input, sorting, paging and the rule that a fellow sees only the articles they co-author.
// Queries go through parseDashboardQuery, as the page's URL does.

let prisma: ScriptPrisma;
let newsroom: typeof import('@/lib/data/newsroom');

type Status = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

const HOUR = 60 * 60 * 1000;
const START = Date.UTC(2025, 0, 1);
const FILLER_DRAFTS = 24;
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }] };

const ids = { fellowAuthor: '', guestAuthor: '', lonerAuthor: '', arctic: '', shipping: '' };
const viewers: Record<'editor' | 'fellow' | 'fellowWithoutProfile', Viewer> = {
  editor: { id: 'editor-user', role: 'EDITOR', name: 'Editor', email: 'editor@example.test', authorId: null },
  fellow: { id: 'fellow-user', role: 'FELLOW', name: 'Fellow', email: 'fellow@example.test', authorId: null },
  fellowWithoutProfile: { id: 'fellow-no-profile', role: 'FELLOW', name: 'No profile', email: 'none@example.test', authorId: null },
};

/** Articles in the order they were last updated, oldest first (hour 1, 2, ...). */
const ARTICLES: { slug: string; title: string; status: Status; publishedAt?: number; authors: ('fellow' | 'guest')[]; topics: ('arctic' | 'shipping')[] }[] = [
  { slug: 'fifty-percent', title: 'Arctic shipping: 50% more traffic', status: 'PUBLISHED', publishedAt: -48 * HOUR, authors: ['fellow', 'guest'], topics: ['arctic', 'shipping'] },
  { slug: 'top-ten-ports', title: 'Top 10 ports of the north', status: 'PUBLISHED', publishedAt: -24 * HOUR, authors: ['guest'], topics: ['shipping'] },
  { slug: 'snake-case', title: 'Naming things: snake_case in ministries', status: 'DRAFT', authors: ['fellow'], topics: [] },
  { slug: 'snake-space', title: 'Naming things: snake case without the underscore', status: 'DRAFT', authors: ['guest'], topics: [] },
  { slug: 'quotes', title: 'The "grand bargain" and O\'Brien’s doubts', status: 'IN_REVIEW', authors: ['fellow'], topics: ['arctic'] },
  { slug: 'cyrillic', title: 'Арктика и судоходство', status: 'IN_REVIEW', authors: ['guest'], topics: ['arctic'] },
  { slug: 'scheduled-later', title: 'Summit preview', status: 'SCHEDULED', publishedAt: 24 * HOUR, authors: ['fellow'], topics: [] },
  { slug: 'scheduled-due', title: 'Port fees explained', status: 'SCHEDULED', publishedAt: -HOUR, authors: ['guest'], topics: ['shipping'] },
  { slug: 'archived', title: 'Old season outlook', status: 'ARCHIVED', publishedAt: -90 * 24 * HOUR, authors: ['fellow'], topics: ['shipping'] },
  { slug: 'backslash', title: 'Paths like a\\b in titles', status: 'DRAFT', authors: ['guest'], topics: [] },
];

async function seed() {
  const author = (slug: string, name: string) => prisma.author.create({ data: { slug, name, sortName: name } });
  const topic = (slug: string, name: string, kind: 'REGION' | 'THEME') => prisma.topic.create({ data: { slug, name, kind } });
  ids.fellowAuthor = (await author('ines-moreau', 'Ines Moreau')).id;
  ids.guestAuthor = (await author('guest-writer', 'Guest Writer')).id;
  ids.lonerAuthor = (await author('loner', 'Loner')).id;
  ids.arctic = (await topic('arctic', 'Arctic', 'REGION')).id;
  ids.shipping = (await topic('shipping', 'Shipping', 'THEME')).id;
  viewers.fellow.authorId = ids.fellowAuthor;
  const authorIds = { fellow: ids.fellowAuthor, guest: ids.guestAuthor };
  const topicIds = { arctic: ids.arctic, shipping: ids.shipping };
  const now = Date.now();
  for (const [index, article] of ARTICLES.entries()) {
    await prisma.article.create({
      data: {
        slug: article.slug,
        title: article.title,
        status: article.status,
        body,
        publishedAt: article.publishedAt === undefined ? null : new Date(now + article.publishedAt),
        updatedAt: new Date(START + (index + 1) * HOUR),
        authors: { create: article.authors.map((key, position) => ({ authorId: authorIds[key], position })) },
        topics: { create: article.topics.map((key) => ({ topicId: topicIds[key] })) },
      },
    });
  }
  // Drafts by a third author, all updated at the same instant, so that paging must break ties itself.
  await prisma.article.createMany({
    data: Array.from({ length: FILLER_DRAFTS }, (_, index) => ({
      slug: `filler-${index}`,
      title: `Filler ${index}`,
      body,
      updatedAt: new Date(START),
    })),
  });
  await prisma.articleAuthor.createMany({
    data: (await prisma.article.findMany({ where: { slug: { startsWith: 'filler-' } }, select: { id: true } })).map((row) => ({ articleId: row.id, authorId: ids.lonerAuthor, position: 0 })),
  });
}

const list = (viewer: Viewer, params: Record<string, string | string[]> = {}) => newsroom.listNewsroomArticles(viewer, parseDashboardQuery(params));
const slugsOf = async (viewer: Viewer, params: Record<string, string | string[]> = {}) => (await list(viewer, params)).rows.map((row) => row.slug);

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  await seed();
  newsroom = await import('@/lib/data/newsroom');
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('status counts and tabs', () => {
  it('counts every status, a scheduled article whose time has come as published', async () => {
    const listing = await list(viewers.editor);
    expect(listing.counts).toEqual({ DRAFT: 3 + FILLER_DRAFTS, IN_REVIEW: 2, SCHEDULED: 1, PUBLISHED: 3, ARCHIVED: 1 });
    expect(listing.total).toBe(ARTICLES.length + FILLER_DRAFTS);
    const due = (await list(viewers.editor, { q: 'Port fees' })).rows;
    expect(due).toMatchObject([{ slug: 'scheduled-due', status: 'PUBLISHED' }]);
  });

  it('keeps the counts of everything the viewer may see whatever the other filters', async () => {
    const all = await list(viewers.editor);
    const narrowed = await list(viewers.editor, { status: 'ARCHIVED', q: 'nothing matches this', authorId: ids.guestAuthor, topicId: ids.arctic });
    expect(narrowed.total).toBe(0);
    expect(narrowed.rows).toEqual([]);
    expect(narrowed.counts).toEqual(all.counts);
  });

  it('lists only the chosen status', async () => {
    expect(await slugsOf(viewers.editor, { status: 'IN_REVIEW' })).toEqual(['cyrillic', 'quotes']);
    expect(await slugsOf(viewers.editor, { status: 'SCHEDULED' })).toEqual(['scheduled-later']);
    expect(await slugsOf(viewers.editor, { status: 'PUBLISHED' })).toEqual(['scheduled-due', 'top-ten-ports', 'fifty-percent']);
  });

  it('treats an unknown status as all articles', async () => {
    for (const status of ['published', 'DELETED', '', "' OR 1=1 --"]) {
      expect((await list(viewers.editor, { status })).total).toBe(ARTICLES.length + FILLER_DRAFTS);
    }
  });
});

describe('filters', () => {
  it('filters by author, by topic and by both', async () => {
    expect(await slugsOf(viewers.editor, { authorId: ids.fellowAuthor })).toEqual(['archived', 'scheduled-later', 'quotes', 'snake-case', 'fifty-percent']);
    expect(await slugsOf(viewers.editor, { topicId: ids.arctic })).toEqual(['cyrillic', 'quotes', 'fifty-percent']);
    expect(await slugsOf(viewers.editor, { authorId: ids.guestAuthor, topicId: ids.shipping })).toEqual(['scheduled-due', 'top-ten-ports', 'fifty-percent']);
    expect(await slugsOf(viewers.editor, { authorId: ids.guestAuthor, topicId: ids.shipping, status: 'PUBLISHED', q: 'ports' })).toEqual(['top-ten-ports']);
  });

  it('finds nothing for unknown or malformed author and topic ids instead of failing', async () => {
    expect((await list(viewers.editor, { authorId: 'no-such-author' })).total).toBe(0);
    expect((await list(viewers.editor, { topicId: 'no-such-topic' })).total).toBe(0);
    // A malformed id is dropped as if no filter were chosen.
    expect((await list(viewers.editor, { authorId: "x' OR '1'='1", topicId: 'a'.repeat(500) })).total).toBe(ARTICLES.length + FILLER_DRAFTS);
  });

  it('gives each row its authors in byline order and its dates', async () => {
    const [row] = (await list(viewers.editor, { q: '50%' })).rows;
    expect(row).toMatchObject({ slug: 'fifty-percent', title: 'Arctic shipping: 50% more traffic', status: 'PUBLISHED', authors: ['Ines Moreau', 'Guest Writer'] });
    expect(row?.updatedAt).toBe(new Date(START + HOUR).toISOString());
    expect(row?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('search by title', () => {
  it('is case-insensitive and trimmed', async () => {
    expect(await slugsOf(viewers.editor, { q: '  ARCTIC Shipping ' })).toEqual(['fifty-percent']);
  });

  it('takes % and _ literally', async () => {
    expect(await slugsOf(viewers.editor, { q: '0%' })).toEqual(['fifty-percent']);
    expect(await slugsOf(viewers.editor, { q: '%' })).toEqual(['fifty-percent']);
    expect(await slugsOf(viewers.editor, { q: 'e_c' })).toEqual(['snake-case']);
    expect(await slugsOf(viewers.editor, { q: '_' })).toEqual(['snake-case']);
  });

  it('takes quotes and backslashes literally', async () => {
    expect(await slugsOf(viewers.editor, { q: '"grand bargain"' })).toEqual(['quotes']);
    expect(await slugsOf(viewers.editor, { q: "O'Brien’s" })).toEqual(['quotes']);
    expect(await slugsOf(viewers.editor, { q: 'a\\b' })).toEqual(['backslash']);
    expect(await slugsOf(viewers.editor, { q: '\\' })).toEqual(['backslash']);
  });

  it('matches Cyrillic titles in any case', async () => {
    expect(await slugsOf(viewers.editor, { q: 'арктика' })).toEqual(['cyrillic']);
    expect(await slugsOf(viewers.editor, { q: 'СУДОХОДСТВО' })).toEqual(['cyrillic']);
  });

  it('survives input no title holds: control characters, an overlong query, an emoji, several values', async () => {
    // A NUL (which PostgreSQL refuses in text) reads as a space.
    expect(await slugsOf(viewers.editor, { q: 'Port\u0000fees' })).toEqual(['scheduled-due']);
    expect(await slugsOf(viewers.editor, { q: 'x'.repeat(10_000) })).toEqual([]);
    expect(await slugsOf(viewers.editor, { q: '🧭' })).toEqual([]);
    expect(await slugsOf(viewers.editor, { q: ['Summit', 'Port'] })).toEqual(['scheduled-later']);
  });

  it('treats an empty or blank search as none', async () => {
    expect((await list(viewers.editor, { q: '   ' })).total).toBe(ARTICLES.length + FILLER_DRAFTS);
  });
});

describe('sorting and paging', () => {
  it('sorts by last update, newest or oldest first', async () => {
    const newest = await slugsOf(viewers.editor, { authorId: ids.guestAuthor });
    expect(newest).toEqual(['backslash', 'scheduled-due', 'cyrillic', 'snake-space', 'top-ten-ports', 'fifty-percent']);
    expect(await slugsOf(viewers.editor, { authorId: ids.guestAuthor, sort: 'updated-asc' })).toEqual([...newest].reverse());
    expect((await list(viewers.editor, { sort: 'alphabetical' })).rows[0]?.slug).toBe('backslash');
  });

  it('shows 25 a page, every article exactly once across pages, even among equal update times', async () => {
    const first = await list(viewers.editor);
    const second = await list(viewers.editor, { page: '2' });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 34 });
    expect(first.rows).toHaveLength(newsroom.DASHBOARD_PAGE_SIZE);
    expect(second.rows).toHaveLength(34 - newsroom.DASHBOARD_PAGE_SIZE);
    const seen = [...first.rows, ...second.rows].map((row) => row.slug);
    expect(new Set(seen).size).toBe(34);
    const ascending = [...(await list(viewers.editor, { sort: 'updated-asc' })).rows, ...(await list(viewers.editor, { sort: 'updated-asc', page: '2' })).rows];
    expect(ascending.map((row) => row.slug)).toEqual([...seen].reverse());
  });

  it('shows the last page for a page past the end and the first for a malformed one', async () => {
    expect(await list(viewers.editor, { page: '999999999' })).toMatchObject({ page: 2, pageCount: 2 });
    expect(await list(viewers.editor, { status: 'ARCHIVED', page: '3' })).toMatchObject({ page: 1, pageCount: 1, total: 1 });
    for (const page of ['0', '-1', '1.5', 'abc', '', '1e400']) {
      expect((await list(viewers.editor, { page })).page).toBe(1);
    }
    expect(await list(viewers.editor, { q: 'no such title' })).toMatchObject({ rows: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe('a fellow', () => {
  it('sees only the articles they co-author, and counts only those', async () => {
    const listing = await list(viewers.fellow);
    expect(listing.rows.map((row) => row.slug)).toEqual(['archived', 'scheduled-later', 'quotes', 'snake-case', 'fifty-percent']);
    expect(listing.counts).toEqual({ DRAFT: 1, IN_REVIEW: 1, SCHEDULED: 1, PUBLISHED: 1, ARCHIVED: 1 });
  });

  it('cannot reach other articles through the filters or the search', async () => {
    expect(await slugsOf(viewers.fellow, { authorId: ids.guestAuthor })).toEqual(['fifty-percent']);
    expect(await slugsOf(viewers.fellow, { q: 'Арктика' })).toEqual([]);
    expect(await slugsOf(viewers.fellow, { status: 'DRAFT' })).toEqual(['snake-case']);
  });

  it('sees nothing without an author profile', async () => {
    const listing = await list(viewers.fellowWithoutProfile);
    expect(listing.total).toBe(0);
    expect(Object.values(listing.counts).every((count) => count === 0)).toBe(true);
  });

  it('gets the titles of their own articles only', async () => {
    const articles = await prisma.article.findMany({ where: { slug: { in: ['quotes', 'cyrillic'] } }, select: { id: true, slug: true, title: true } });
    const quotes = articles.find((article) => article.slug === 'quotes')!;
    const cyrillic = articles.find((article) => article.slug === 'cyrillic')!;
    expect(await newsroom.getArticleTitles(viewers.fellow, [quotes.id, cyrillic.id])).toEqual({ [quotes.id]: quotes.title });
    expect(await newsroom.getArticleTitles(viewers.editor, [quotes.id, cyrillic.id, 'missing'])).toEqual({ [quotes.id]: quotes.title, [cyrillic.id]: cyrillic.title });
  });
});
