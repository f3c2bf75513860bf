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
 * `SELECT id, "publishedAt"` of the public articles of one author and/or topic (every public article without either).
 * An author's own links lead, each article looked up in turn (the fenced LATERAL keeps the planner from hashing or
 * walking the whole public index): an author writes a small share of an archive, and walking the newest public
 * articles until fifty of the busiest author's turned up read 4,128 of them, twice as long. A topic can hold a fifth
 * of the archive, so its id is bound as a constant and the planner chooses between its links and the public index.
 */
export function publicArticleIdsSql(now: Date, { authorId, topicId }: { authorId: string | null; topicId: string | null }): Prisma.Sql {
  const conditions = Prisma.join(
    [
      publicArticleSql(now),
      ...(topicId ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" link WHERE link."articleId" = a.id AND link."topicId" = ${topicId})`] : []),
    ],
    ' AND ',
  );
  if (!authorId) return Prisma.sql`SELECT a.id, a."publishedAt" FROM "Article" a WHERE ${conditions}`;
  return Prisma.sql`SELECT a.id, a."publishedAt" FROM "ArticleAuthor" link
    CROSS JOIN LATERAL (SELECT a.id, a."publishedAt" FROM "Article" a WHERE a.id = link."articleId" AND ${conditions} OFFSET 0) a
    WHERE link."authorId" = ${authorId}`;
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
