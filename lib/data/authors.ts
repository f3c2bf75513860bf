import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuthorCard, AuthorLink, AuthorProfile } from './dto';
import { authorCardColumns, authorCardSelect, toAuthorCard, type AuthorCardRow } from './mappers';
import { boundedPage, countLimitFor, emptyPage, type BoundedPage } from './paging';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';
import { approvedTopicId } from './topics';
import { listedAuthorSql, publicArticleWhere } from './visibility';

const authorProfileSelect = {
  ...authorCardSelect,
  biography: true,
  languages: true,
  website: true,
  orcid: true,
  xHandle: true,
  linkedin: true,
  email: true,
  showEmail: true,
} satisfies Prisma.AuthorSelect;

type AuthorProfileRow = Prisma.AuthorGetPayload<{ select: typeof authorProfileSelect }>;

function profileLinks(row: AuthorProfileRow): AuthorLink[] {
  const links: AuthorLink[] = [];
  if (row.website) links.push({ label: 'Website', href: row.website });
  if (row.orcid) links.push({ label: 'ORCID', href: `https://orcid.org/${row.orcid}` });
  if (row.xHandle) links.push({ label: 'X', href: `https://x.com/${row.xHandle.replace(/^@/, '')}` });
  if (row.linkedin) links.push({ label: 'LinkedIn', href: row.linkedin });
  if (row.email && row.showEmail) links.push({ label: 'Email', href: `mailto:${row.email}` });
  return links;
}

// A directory entry: an active author with at least one article readers can see, or linked to a fellow account
// (listedAuthorSql in ./visibility is the same rule in SQL).
function listedAuthorWhere(now: Date): Prisma.AuthorWhereInput {
  return {
    retired: false,
    mergedIntoId: null,
    OR: [{ articles: { some: { article: publicArticleWhere(now) } } }, { user: { isNot: null } }],
  };
}

async function readAuthorProfile(slug: string): Promise<{ author: AuthorProfile; id: string } | { redirectTo: string } | null> {
  const db = getDb();
  const row = await db.author.findFirst({ where: { slug, mergedIntoId: null }, select: { id: true, ...authorProfileSelect } });
  if (!row) {
    const redirect = await db.authorSlugRedirect.findUnique({ where: { slug }, select: { author: { select: { slug: true } } } });
    return redirect ? { redirectTo: redirect.author.slug } : null;
  }
  return { author: { ...toAuthorCard(row), biography: row.biography, languages: row.languages, links: profileLinks(row) }, id: row.id };
}

const cachedAuthorProfile = cachedPublicRead('author-profile', readAuthorProfile, (slug) => [tags.author(slug)]);

/** A public author profile (every author with a page: fellows, guests and retired bylines alike). */
export async function getAuthorProfileBySlug(rawSlug: string): Promise<{ author: AuthorProfile } | { redirectTo: string } | null> {
  const slug = parseSlug(rawSlug);
  const found = slug ? await cachedAuthorProfile(slug) : null;
  return found && 'author' in found ? { author: found.author } : found;
}

/** A profile with its id, for reads that go on to filter by it (lib/data only). */
export async function getAuthorProfileWithId(slug: string): Promise<{ author: AuthorProfile; id: string } | { redirectTo: string } | null> {
  return cachedAuthorProfile(slug);
}

/**
 * The id of the author whose page `slug` is, for filtering lists in SQL (lib/data only). The same read as the
 * profile, so an author page that shows both asks the database once.
 */
export async function authorIdBySlug(slug: string): Promise<string | null> {
  const found = await cachedAuthorProfile(slug);
  return found && 'author' in found ? found.id : null;
}

export const AUTHORS_PER_PAGE = 48;
const TOPIC_EXPERTS = 24;

async function readAuthorDirectory(topicSlugs: string, page: number): Promise<BoundedPage<AuthorCard>> {
  const slugs = topicSlugs ? topicSlugs.split(',') : [];
  const db = getDb();
  const where = {
    ...listedAuthorWhere(new Date()),
    AND: slugs.map((slug) => ({ competences: { some: { topic: { slug } } } })),
  };
  const [counted, rows] = await Promise.all([
    db.author.count({ where, take: countLimitFor(page, AUTHORS_PER_PAGE) }),
    db.author.findMany({ where, orderBy: [{ sortName: 'asc' }, { id: 'asc' }], skip: (page - 1) * AUTHORS_PER_PAGE, take: AUTHORS_PER_PAGE, select: authorCardSelect }),
  ]);
  return boundedPage(rows.map(toAuthorCard), page, AUTHORS_PER_PAGE, counted);
}

const cachedAuthorDirectory = cachedPublicRead('author-directory', readAuthorDirectory, () => [tags.authors, tags.articles]);

/** A page of the expert directory, narrowed to authors competent in every one of the given topics. */
export async function listAuthorDirectory(topicSlugs: string[] = [], page = 1): Promise<BoundedPage<AuthorCard>> {
  const valid = [...new Set(topicSlugs.map(parseSlug))];
  if (valid.some((slug) => slug === null)) return emptyPage(page);
  return cachedAuthorDirectory((valid as string[]).sort().join(','), page);
}

// The topic's id comes from the topics read the page makes anyway; only the 24 listed get their cards built. The
// topic's competences come first (OFFSET 0): otherwise the planner walks every author by name and hashes every
// public byline in the archive to test them (240 ms at 100,000 articles instead of 5).
async function readTopicExperts(topicSlug: string): Promise<AuthorCard[]> {
  const topicId = await approvedTopicId(topicSlug);
  if (!topicId) return [];
  const rows = await getDb().$queryRaw<AuthorCardRow[]>`
    SELECT ${authorCardColumns} FROM (
      SELECT author.* FROM (SELECT "authorId" FROM "AuthorTopic" WHERE "topicId" = ${topicId} OFFSET 0) competence
      JOIN "Author" author ON author.id = competence."authorId"
      WHERE ${listedAuthorSql(new Date())}
      ORDER BY author."sortName", author.id
      LIMIT ${TOPIC_EXPERTS}) author
    ORDER BY author."sortName", author.id`;
  return rows.map(toAuthorCard);
}

const cachedTopicExperts = cachedPublicRead('topic-experts', readTopicExperts, (topicSlug) => [tags.authors, tags.topic(topicSlug)]);

export async function listTopicExperts(topicSlug: string): Promise<AuthorCard[]> {
  const slug = parseSlug(topicSlug);
  return slug ? cachedTopicExperts(slug) : [];
}

export type AuthorOption = { slug: string; name: string; claimed: boolean };

/** Every author profile, for staff choosing one (e.g. the profile an invited fellow will own). */
export async function listAuthorOptions(viewer: Viewer | null): Promise<AuthorOption[]> {
  assertCan(viewer, 'author.list');
  const rows = await getDb().author.findMany({
    where: { mergedIntoId: null },
    orderBy: { sortName: 'asc' },
    select: { slug: true, name: true, user: { select: { id: true } } },
  });
  return rows.map((row) => ({ slug: row.slug, name: row.name, claimed: row.user !== null }));
}
