-- Quarter tokens instead of year tokens in every public article's document vector. Search's middle window becomes
-- "the last four quarters" (four posting lists) instead of "this year and last": half as many rows to read and rank
-- for a word that fills it, and windows always the same length whatever the date.

-- The quarter token of a publication time, e.g. 'published 2026-q4'; like the month token, a lexeme with a space
-- that no parser produces.
CREATE FUNCTION search_quarter_token(public_since timestamp) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'published ' || to_char(public_since, 'YYYY-"q"Q')
$$;

CREATE OR REPLACE FUNCTION refresh_article_search(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ArticleSearch" ("articleId", language, "publicSince", head, document)
  SELECT a.id, a.language, visible.since, ranked.head,
         ranked.head
         || setweight(to_tsvector(search_config(a.language), left(a."bodyText", 100000)), 'D')
         || CASE WHEN visible.since IS NULL THEN ''::tsvector
                 ELSE array_to_tsvector(ARRAY[search_month_token(visible.since), search_quarter_token(visible.since)]) END
         || array_to_tsvector(article_filter_tokens(a.id))
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

-- Existing rows swap their year token for a quarter token without re-parsing their bodies.
UPDATE "ArticleSearch"
SET document = ts_delete(document, ARRAY[search_year_token("publicSince")]) || array_to_tsvector(ARRAY[search_quarter_token("publicSince")])
WHERE "publicSince" IS NOT NULL;
DROP FUNCTION search_year_token(timestamp);
ANALYZE "ArticleSearch";
