import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The one visibility rule for readers: published (or scheduled whose time has come) and dated in the past.
 * A SCHEDULED article becomes public by the clock alone, with no job flipping its status.
 */
export function publicArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: { in: ['PUBLISHED', 'SCHEDULED'] }, publishedAt: { lte: now } };
}

/** The same rule in SQL, on "Article" a; it matches the partial index of public articles (public_list_index). */
export function publicArticleSql(now: Date): Prisma.Sql {
  return Prisma.sql`a.status IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= ${now}`;
}

/**
 * An author listed in the public directory, in SQL on "Author" author: active, with an article readers can see or a
 * fellow account (listedAuthorWhere in lib/data/authors.ts is the same rule for Prisma).
 */
export function listedAuthorSql(now: Date): Prisma.Sql {
  return Prisma.sql`author."mergedIntoId" IS NULL AND NOT author.retired
    AND (EXISTS (SELECT 1 FROM "User" account WHERE account."authorId" = author.id)
      OR EXISTS (SELECT 1 FROM "ArticleAuthor" link JOIN "Article" a ON a.id = link."articleId"
                 WHERE link."authorId" = author.id AND ${publicArticleSql(now)}))`;
}
