-- Search moves from a column of "Article" to a narrow side table, "ArticleSearch", kept current by triggers.
-- Matching a common word touches thousands of rows; in "Article" each carries its body, in "ArticleSearch" only a
-- date, the short ranking vector and a pointer to the out-of-line document vector. The document also carries a
-- token for the month it became public, so lib/data/search.ts can ask the GIN index for the newest months first.

DROP TRIGGER article_search ON "Article";
DROP FUNCTION article_search_trigger();
DROP FUNCTION refresh_article_names_search(text[]);
DROP FUNCTION article_search_vector(text, text, text, text, text);

-- DropIndex
DROP INDEX "Article_searchVector_idx";

-- AlterTable
ALTER TABLE "Article" DROP COLUMN "searchVector";

-- CreateTable
CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "publicSince" TIMESTAMP(3),
    "head" tsvector,
    "document" tsvector,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

-- AddForeignKey
ALTER TABLE "ArticleSearch" ADD CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The document is read only through the GIN index (and on recheck of phrase queries): keep it out of the heap.
ALTER TABLE "ArticleSearch" ALTER COLUMN "document" SET STORAGE EXTERNAL;
ALTER TABLE "ArticleSearch" ALTER COLUMN "head" SET STORAGE MAIN;

-- The month token of a publication time; a lexeme with a space, which no parser produces from text.
CREATE FUNCTION search_month_token(public_since timestamp) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'published ' || to_char(public_since, 'YYYY-MM')
$$;

-- Rebuilds the search rows of these articles from their current columns, links and status.
CREATE FUNCTION refresh_article_search(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ArticleSearch" ("articleId", language, "publicSince", head, document)
  SELECT a.id, a.language, visible.since, ranked.head,
         ranked.head
         || setweight(to_tsvector(search_config(a.language), left(a."bodyText", 100000)), 'D')
         || CASE WHEN visible.since IS NULL THEN ''::tsvector
                 ELSE array_to_tsvector(ARRAY[search_month_token(visible.since)]) END
  FROM "Article" a
  CROSS JOIN LATERAL (
    SELECT CASE WHEN a.status IN ('PUBLISHED', 'SCHEDULED') THEN a."publishedAt" END AS since
  ) visible
  CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector(search_config(a.language), a.title), 'A')
        || setweight(to_tsvector(search_config(a.language), a.lead), 'B')
        || article_names_search_vector(a.id, search_config(a.language)) AS head
  ) ranked
  WHERE a.id = ANY(article_ids)
  ON CONFLICT ("articleId") DO UPDATE
    SET language = EXCLUDED.language, "publicSince" = EXCLUDED."publicSince",
        head = EXCLUDED.head, document = EXCLUDED.document
$$;

CREATE FUNCTION article_insert_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search(ARRAY(SELECT id FROM new_articles));
  RETURN NULL;
END
$$;

CREATE FUNCTION article_update_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search(ARRAY[NEW.id]);
  RETURN NULL;
END
$$;

CREATE TRIGGER article_insert_search AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_articles FOR EACH STATEMENT EXECUTE FUNCTION article_insert_search_trigger();
-- Transition tables cannot be combined with a column list, hence a row trigger that fires only on what counts.
CREATE TRIGGER article_update_search AFTER UPDATE ON "Article" FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.lead IS DISTINCT FROM NEW.lead
        OR OLD."bodyText" IS DISTINCT FROM NEW."bodyText" OR OLD.language IS DISTINCT FROM NEW.language
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
  EXECUTE FUNCTION article_update_search_trigger();

-- The link triggers of the first search migration now rebuild the side table's rows.
CREATE OR REPLACE FUNCTION article_links_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_article_search(ARRAY(SELECT DISTINCT "articleId" FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_article_search(ARRAY(SELECT DISTINCT "articleId" FROM old_links));
  ELSE
    PERFORM refresh_article_search(ARRAY(SELECT "articleId" FROM old_links UNION SELECT "articleId" FROM new_links));
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION author_renamed_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search(ARRAY(SELECT "articleId" FROM "ArticleAuthor" WHERE "authorId" = NEW.id));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION topic_renamed_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search(ARRAY(SELECT "articleId" FROM "ArticleTopic" WHERE "topicId" = NEW.id));
  PERFORM refresh_author_search(ARRAY(SELECT "authorId" FROM "AuthorTopic" WHERE "topicId" = NEW.id));
  RETURN NULL;
END
$$;

-- Existing articles.
SELECT refresh_article_search(ARRAY(SELECT id FROM "Article"));
ANALYZE "ArticleSearch";
