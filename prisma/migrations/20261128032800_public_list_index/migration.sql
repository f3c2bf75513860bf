-- Public lists (home, /articles, topic and author pages, feeds, sitemaps) read articles whose status is PUBLISHED
-- or SCHEDULED, newest first. Only those rows, in that order: a deep page skips its offset inside this index
-- without visiting the table (an index-only scan), and a bounded count is as cheap. Prisma's schema cannot state a
-- partial index, so it lives only here (the schema diff ignores it).
CREATE INDEX "Article_public_publishedAt_id_idx" ON "Article" ("publishedAt" DESC, id DESC)
  WHERE status IN ('PUBLISHED', 'SCHEDULED');
