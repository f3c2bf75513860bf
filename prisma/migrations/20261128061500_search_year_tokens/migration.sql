-- A year token beside the month token in every public article's document vector. Asking the GIN index for "this
-- year or last year" is two posting lists; the same span as 24 month tokens cost ten times as much to intersect.

-- The year token of a publication time; like the month token, a lexeme with a space that no parser produces.
CREATE FUNCTION search_year_token(public_since timestamp) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'published ' || to_char(public_since, 'YYYY')
$$;

CREATE OR REPLACE FUNCTION refresh_article_search(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ArticleSearch" ("articleId", language, "publicSince", head, document)
  SELECT a.id, a.language, visible.since, ranked.head,
         ranked.head
         || setweight(to_tsvector(search_config(a.language), left(a."bodyText", 100000)), 'D')
         || CASE WHEN visible.since IS NULL THEN ''::tsvector
                 ELSE array_to_tsvector(ARRAY[search_month_token(visible.since), search_year_token(visible.since)]) END
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

-- Existing rows gain their year token without re-parsing their bodies.
UPDATE "ArticleSearch"
SET document = document || array_to_tsvector(ARRAY[search_year_token("publicSince")])
WHERE "publicSince" IS NOT NULL;
ANALYZE "ArticleSearch";
