import 'server-only';
import { getDb } from '@/lib/db';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';

export type ArticleStatusDto = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
export type NewsroomArticleRow = { id: string; slug: string; title: string; status: ArticleStatusDto; updatedAt: string; authors: string[] };
export type NewsroomOverview = { counts: Record<ArticleStatusDto, number>; recent: NewsroomArticleRow[] };

const STATUSES: ArticleStatusDto[] = ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'];

/** Staff see every article; a fellow sees only the articles they co-author. */
export function articlesVisibleTo(viewer: Viewer): Prisma.ArticleWhereInput {
  if (viewer.role === 'ADMIN' || viewer.role === 'EDITOR') return {};
  return { authors: { some: { authorId: viewer.authorId ?? '__none__' } } };
}

export async function getNewsroomOverview(viewer: Viewer | null): Promise<NewsroomOverview> {
  assertCan(viewer, 'article.list');
  const where = articlesVisibleTo(viewer);
  const [grouped, recent] = await Promise.all([
    getDb().article.groupBy({ by: ['status'], where, _count: { _all: true } }),
    getDb().article.findMany({
      where,
      orderBy: { updatedAt: 'desc' },
      take: 20,
      select: { id: true, slug: true, title: true, status: true, updatedAt: true, authors: { orderBy: { position: 'asc' }, select: { author: { select: { name: true } } } } },
    }),
  ]);
  const counts = Object.fromEntries(STATUSES.map((status) => [status, grouped.find((group) => group.status === status)?._count._all ?? 0])) as Record<ArticleStatusDto, number>;
  return {
    counts,
    recent: recent.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString(), authors: row.authors.map(({ author }) => author.name) })),
  };
}
