import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The one visibility rule for readers: published (or scheduled whose time has come) and dated in the past.
 * A SCHEDULED article becomes public by the clock alone, with no job flipping its status.
 */
export function publicArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: { in: ['PUBLISHED', 'SCHEDULED'] }, publishedAt: { lte: now } };
}
