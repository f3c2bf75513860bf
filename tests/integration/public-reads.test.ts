import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// The visibility rule and the DTOs of every public read, on a real PostgreSQL with the cache bypassed.

process.env.PUBLIC_CACHE = 'off';
let prisma: ScriptPrisma;
let data: {
  articles: typeof import('@/lib/data/articles');
  authors: typeof import('@/lib/data/authors');
  topics: typeof import('@/lib/data/topics');
  home: typeof import('@/lib/data/home');
};

const DAY = 24 * 60 * 60 * 1000;
const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function seed() {
  const region = await prisma.topic.create({ data: { slug: 'arctic', name: 'Arctic', kind: 'REGION' } });
  const theme = await prisma.topic.create({ data: { slug: 'shipping', name: 'Shipping', kind: 'THEME' } });
  await prisma.topic.create({ data: { slug: 'proposed-term', name: 'Proposed', kind: 'THEME', status: 'PROPOSED' } });
  const fellow = await prisma.author.create({
    data: {
      slug: 'ines-moreau', name: 'Ines Moreau', sortName: 'Moreau, Ines', position: 'Senior Fellow', location: 'Oslo, Norway',
      fieldOfExpertise: 'Polar shipping', workExperience: 'Ten years at a port authority.', orcid: '0000-0002-1825-0097',
      email: 'ines@example.org', showEmail: false,
      competences: { create: [{ topicId: region.id, position: 0 }, { topicId: theme.id, position: 1 }] },
    },
  });
  const guest = await prisma.author.create({ data: { slug: 'guest-writer', name: 'Guest Writer', sortName: 'Writer, Guest' } });
  const retired = await prisma.author.create({ data: { slug: 'retired-one', name: 'Retired One', sortName: 'One, Retired', retired: true } });
  const now = Date.now();
  const make = (slug: string, status: 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED', publishedAt: Date | null, authors = [fellow.id]) =>
    prisma.article.create({
      data: {
        slug, status, title: `Title ${slug}`, lead: `Lead ${slug}`, body: body(`Body of ${slug}`), publishedAt,
        authors: { create: authors.map((authorId, position) => ({ authorId, position })) },
        topics: { create: [{ topicId: region.id }, { topicId: theme.id }] },
      },
    });
  await make('published-old', 'PUBLISHED', new Date(now - 10 * DAY), [fellow.id, guest.id]);
  await make('published-new', 'PUBLISHED', new Date(now - DAY));
  await make('scheduled-due', 'SCHEDULED', new Date(now - 60_000));
  await make('scheduled-later', 'SCHEDULED', new Date(now + DAY));
  await make('published-future-dated', 'PUBLISHED', new Date(now + DAY));
  await make('a-draft', 'DRAFT', null);
  await make('in-review', 'IN_REVIEW', null);
  await make('archived', 'ARCHIVED', new Date(now - 20 * DAY));
  await make('by-retired', 'PUBLISHED', new Date(now - 30 * DAY), [retired.id]);
  const old = await prisma.article.findUniqueOrThrow({ where: { slug: 'published-old' } });
  await prisma.slugRedirect.create({ data: { slug: 'published-old-first-slug', articleId: old.id } });
  const archived = await prisma.article.findUniqueOrThrow({ where: { slug: 'archived' } });
  await prisma.slugRedirect.create({ data: { slug: 'archived-first-slug', articleId: archived.id } });
}

beforeAll(async () => {
  const url = await useIsolatedDatabase();
  prisma = createScriptPrisma(url);
  await seed();
  data = {
    articles: await import('@/lib/data/articles'),
    authors: await import('@/lib/data/authors'),
    topics: await import('@/lib/data/topics'),
    home: await import('@/lib/data/home'),
  };
});

afterAll(async () => {
  await prisma.$disconnect();
});

const VISIBLE = ['scheduled-due', 'published-new', 'published-old', 'by-retired'];

describe('public articles', () => {
  it('lists only published articles and scheduled ones whose time has come, newest first', async () => {
    const page = await data.articles.listPublishedArticles(1);
    expect(page.items.map((article) => article.slug)).toEqual(VISIBLE);
    expect(page.total).toBe(4);
  });

  it.each(['scheduled-later', 'published-future-dated', 'a-draft', 'in-review', 'archived', 'no-such-article'])(
    'gives readers nothing for %s',
    async (slug) => {
      expect(await data.articles.getPublishedArticleBySlug(slug)).toBeNull();
    },
  );

  it('returns the article with ordered co-authors, their cards and topics', async () => {
    const found = await data.articles.getPublishedArticleBySlug('published-old');
    if (!found || !('article' in found)) throw new Error('expected the article');
    expect(found.article.authors).toEqual([{ slug: 'ines-moreau', name: 'Ines Moreau' }, { slug: 'guest-writer', name: 'Guest Writer' }]);
    expect(found.article.authorCards[0]).toMatchObject({ position: 'Senior Fellow', location: 'Oslo, Norway', fieldOfExpertise: 'Polar shipping' });
    expect(found.article.topics.map((topic) => topic.slug)).toEqual(['arctic', 'shipping']);
    expect(found.article.body.content).toHaveLength(1);
  });

  it('redirects an old slug of a visible article, but not of an archived one', async () => {
    expect(await data.articles.getPublishedArticleBySlug('published-old-first-slug')).toEqual({ redirectTo: 'published-old' });
    expect(await data.articles.getPublishedArticleBySlug('archived-first-slug')).toBeNull();
  });

  it('refuses malformed slugs before asking the database', async () => {
    for (const slug of ['', 'a'.repeat(2000), 'Upper', 'a/b', '%E0%A4%A', '../etc']) {
      expect(await data.articles.getPublishedArticleBySlug(slug)).toBeNull();
    }
  });

  it('filters by topic and author and paginates', async () => {
    const byGuest = await data.articles.listPublishedArticles(1, { authorSlug: 'guest-writer' });
    expect(byGuest.items.map((article) => article.slug)).toEqual(['published-old']);
    const paged = await data.articles.listPublishedArticles(2, { topicSlug: 'arctic' }, 3);
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(paged.items.map((article) => article.slug)).toEqual(['by-retired']);
  });

  it('lists only visible language versions: an original lists its translations, a translation the original and the others', async () => {
    const original = await prisma.article.findUniqueOrThrow({ where: { slug: 'published-old' } });
    const version = (slug: string, language: string, status: 'PUBLISHED' | 'DRAFT', translationOfId = original.id) =>
      prisma.article.create({ data: { slug, language, status, translationOfId, title: slug, lead: slug, body: body(slug), publishedAt: status === 'DRAFT' ? null : new Date(Date.now() - 5 * DAY) } });
    await version('version-ru', 'ru', 'PUBLISHED');
    await version('version-de', 'de', 'PUBLISHED');
    await version('version-fr-draft', 'fr', 'DRAFT');
    const translationsOf = async (slug: string) => {
      const found = await data.articles.getPublishedArticleBySlug(slug);
      return found && 'article' in found ? found.article.translations : null;
    };
    try {
      expect(await translationsOf('published-old')).toEqual([{ language: 'de', slug: 'version-de' }, { language: 'ru', slug: 'version-ru' }]);
      expect(await translationsOf('version-ru')).toEqual([{ language: 'de', slug: 'version-de' }, { language: 'en', slug: 'published-old' }]);
      await prisma.article.update({ where: { id: original.id }, data: { status: 'DRAFT' } });
      expect(await translationsOf('version-ru')).toEqual([{ language: 'de', slug: 'version-de' }]);
    } finally {
      await prisma.article.update({ where: { id: original.id }, data: { status: 'PUBLISHED' } });
      await prisma.article.deleteMany({ where: { slug: { in: ['version-ru', 'version-de', 'version-fr-draft'] } } });
    }
  });

  it('lists nothing for a topic readers cannot see, or an author without a page', async () => {
    const proposed = await prisma.topic.findUniqueOrThrow({ where: { slug: 'proposed-term' } });
    const article = await prisma.article.findUniqueOrThrow({ where: { slug: 'published-new' } });
    await prisma.articleTopic.create({ data: { articleId: article.id, topicId: proposed.id } });
    try {
      expect((await data.articles.listPublishedArticles(1, { topicSlug: 'proposed-term' })).items).toEqual([]);
      await prisma.topic.update({ where: { id: proposed.id }, data: { status: 'APPROVED' } });
      expect((await data.articles.listPublishedArticles(1, { topicSlug: 'proposed-term' })).items.map((item) => item.slug)).toEqual(['published-new']);
    } finally {
      await prisma.topic.update({ where: { id: proposed.id }, data: { status: 'PROPOSED' } });
      await prisma.articleTopic.delete({ where: { articleId_topicId: { articleId: article.id, topicId: proposed.id } } });
    }
    expect((await data.articles.listPublishedArticles(1, { authorSlug: 'nobody-at-all' })).items).toEqual([]);
  });

  it('relates an article to fewer than three when fewer share its topics or authors, each once', async () => {
    const loner = await prisma.author.create({ data: { slug: 'lone-author', name: 'Lone Author', sortName: 'Author, Lone' } });
    const create = (slug: string, daysAgo: number) =>
      prisma.article.create({
        data: { slug, status: 'PUBLISHED', title: slug, lead: slug, body: body(slug), publishedAt: new Date(Date.now() - daysAgo * DAY), authors: { create: [{ authorId: loner.id, position: 0 }] } },
      });
    await create('lone-new', 2);
    await create('lone-old', 400);
    try {
      expect((await data.articles.listRelatedArticles('lone-new')).map((article) => article.slug)).toEqual(['lone-old']);
      expect((await data.articles.listRelatedArticles('lone-old')).map((article) => article.slug)).toEqual(['lone-new']);
    } finally {
      await prisma.article.deleteMany({ where: { slug: { in: ['lone-new', 'lone-old'] } } });
      await prisma.author.delete({ where: { id: loner.id } });
    }
  });

  it('relates articles by shared topics or authors, never invisible ones', async () => {
    const related = await data.articles.listRelatedArticles('published-new');
    expect(related.map((article) => article.slug)).toEqual(['scheduled-due', 'published-old', 'by-retired']);
  });

  it('leads the home page with the newest visible article when none is featured', async () => {
    const feed = await data.home.getHomeFeed();
    expect(feed.lead?.slug).toBe('scheduled-due');
    expect(feed.latest.map((article) => article.slug)).toEqual(VISIBLE.slice(1));
  });
});

describe('public authors and topics', () => {
  it('shows a profile without private details', async () => {
    const found = await data.authors.getAuthorProfileBySlug('ines-moreau');
    if (!found || !('author' in found)) throw new Error('expected the author');
    expect(found.author.links).toEqual([{ label: 'ORCID', href: 'https://orcid.org/0000-0002-1825-0097' }]);
    expect(found.author.competences.map((topic) => topic.slug)).toEqual(['arctic', 'shipping']);
  });

  it('lists active authors with visible articles in the directory, filtered by every chosen topic', async () => {
    expect((await data.authors.listAuthorDirectory()).items.map((author) => author.slug)).toEqual(['ines-moreau', 'guest-writer']);
    expect((await data.authors.listAuthorDirectory(['arctic', 'shipping'])).items.map((author) => author.slug)).toEqual(['ines-moreau']);
    expect((await data.authors.listAuthorDirectory(['bad slug'])).items).toEqual([]);
  });

  it("lists a topic's experts by name: active authors competent in it with a visible article or a fellow account", async () => {
    const fisheries = await prisma.topic.create({ data: { slug: 'fisheries', name: 'Fisheries', kind: 'THEME' } });
    const author = (slug: string, sortName: string, extra: { retired?: boolean } = {}) =>
      prisma.author.create({ data: { slug, name: slug, sortName, ...extra, competences: { create: [{ topicId: fisheries.id, position: 0 }] } } });
    const [fellow, retiredFellow, draftsOnly] = await Promise.all([
      author('zoe-fellow', 'Aalto, Zoe'),
      author('retired-fellow', 'Baker, Retired', { retired: true }),
      author('drafts-only', 'Carter, Drafts'),
    ]);
    const ines = await prisma.author.findUniqueOrThrow({ where: { slug: 'ines-moreau' } });
    await prisma.authorTopic.create({ data: { authorId: ines.id, topicId: fisheries.id, position: 2 } });
    await prisma.user.createMany({
      data: [
        { email: 'zoe@example.org', name: 'Zoe', role: 'FELLOW', authorId: fellow.id },
        { email: 'retired@example.org', name: 'Retired', role: 'FELLOW', authorId: retiredFellow.id },
      ],
    });
    await prisma.article.create({
      data: { slug: 'drafts-only-draft', status: 'DRAFT', title: 'Draft', lead: 'Lead', body: body('Draft'), authors: { create: [{ authorId: draftsOnly.id, position: 0 }] } },
    });
    try {
      const experts = await data.authors.listTopicExperts('fisheries');
      expect(experts.map((expert) => expert.slug)).toEqual(['zoe-fellow', 'ines-moreau']);
      expect(experts[1]!.competences.map((topic) => topic.slug)).toEqual(['arctic', 'shipping', 'fisheries']);
      expect(await data.authors.listTopicExperts('proposed-term')).toEqual([]);
      expect(await data.authors.listTopicExperts('no-such-topic')).toEqual([]);
    } finally {
      await prisma.article.deleteMany({ where: { slug: 'drafts-only-draft' } });
      await prisma.user.deleteMany({ where: { authorId: { in: [fellow.id, retiredFellow.id] } } });
      await prisma.authorTopic.deleteMany({ where: { topicId: fisheries.id } });
      await prisma.author.deleteMany({ where: { id: { in: [fellow.id, retiredFellow.id, draftsOnly.id] } } });
      await prisma.topic.delete({ where: { id: fisheries.id } });
    }
  });

  it('lists approved topics only', async () => {
    expect((await data.topics.listTopics()).map((topic) => topic.slug)).toEqual(['arctic', 'shipping']);
    expect(await data.topics.getTopicBySlug('proposed-term')).toBeNull();
  });
});
