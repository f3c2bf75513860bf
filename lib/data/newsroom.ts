import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ARTICLE_STATUSES, type ArticleStatusFilter, type DashboardQuery } from '@/lib/validation/dashboard';
import { catchUpScheduled } from './article-schedule';

export type ArticleStatusDto = ArticleStatusFilter;
export type NewsroomArticleRow = {
  id: string;
  slug: string;
  title: string;
  /** A scheduled article whose time has come reads PUBLISHED: the listing catches statuses up first. */
  status: ArticleStatusDto;
  updatedAt: string;
  publishedAt: string | null;
  authors: string[];
};
export type NewsroomListing = {
  rows: NewsroomArticleRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Per status, over every article the viewer may see, whatever the other filters. */
  counts: Record<ArticleStatusDto, number>;
};

export const DASHBOARD_PAGE_SIZE = 25;

/** Staff see every article; a fellow sees only the articles they co-author. */
export function articlesVisibleTo(viewer: Viewer): Prisma.ArticleWhereInput {
  if (viewer.role === 'ADMIN' || viewer.role === 'EDITOR') return {};
  return { authors: { some: { authorId: viewer.authorId ?? '__none__' } } };
}

/** Prisma hands `contains` to ILIKE unescaped; escaped, a search for "50%" or "snake_case" finds exactly that. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function dashboardFilter(viewer: Viewer, query: DashboardQuery): Prisma.ArticleWhereInput {
  return {
    AND: [
      articlesVisibleTo(viewer),
      query.status ? { status: query.status } : {},
      query.q ? { title: { contains: escapeLikePattern(query.q), mode: 'insensitive' } } : {},
      query.authorId ? { authors: { some: { authorId: query.authorId } } } : {},
      query.topicId ? { topics: { some: { topicId: query.topicId } } } : {},
    ],
  };
}

/** The dashboard's table: one page of the articles the viewer may see, filtered and sorted as asked. */
export async function listNewsroomArticles(viewer: Viewer | null, query: DashboardQuery): Promise<NewsroomListing> {
  assertCan(viewer, 'article.list');
  await catchUpScheduled();
  const where = dashboardFilter(viewer, query);
  const [grouped, total] = await Promise.all([
    getDb().article.groupBy({ by: ['status'], where: articlesVisibleTo(viewer), _count: { _all: true } }),
    getDb().article.count({ where }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const direction = query.sort === 'updated-asc' ? 'asc' : 'desc';
  const rows = await getDb().article.findMany({
    where,
    // The id breaks ties, so no row repeats or goes missing between pages.
    orderBy: [{ updatedAt: direction }, { id: direction }],
    skip: (page - 1) * DASHBOARD_PAGE_SIZE,
    take: DASHBOARD_PAGE_SIZE,
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
  return {
    rows: rows.map((row) => ({
      ...row,
      updatedAt: row.updatedAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      authors: row.authors.map(({ author }) => author.name),
    })),
    total,
    page,
    pageCount,
    counts: Object.fromEntries(
      ARTICLE_STATUSES.map((status) => [status, grouped.find((group) => group.status === status)?._count._all ?? 0]),
    ) as Record<ArticleStatusDto, number>,
  };
}

/** Titles of those articles the viewer may see, by id: how the dashboard names the rows a bulk action refused. */
export async function getArticleTitles(viewer: Viewer | null, articleIds: string[]): Promise<Record<string, string>> {
  assertCan(viewer, 'article.list');
  const rows = await getDb().article.findMany({
    where: { AND: [articlesVisibleTo(viewer), { id: { in: articleIds } }] },
    select: { id: true, title: true },
  });
  return Object.fromEntries(rows.map((row) => [row.id, row.title]));
}
