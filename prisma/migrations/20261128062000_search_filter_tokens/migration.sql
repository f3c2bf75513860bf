-- The search filters (region, theme, author) as tokens in the document vector, so that a filtered search asks the
-- GIN index for "pension in Central Asia" instead of reading every "pension" row to check its region.

-- 'region <slug>', 'theme <slug>' and 'author <slug>': lexemes with a space, which no parser produces from text.
CREATE FUNCTION article_filter_tokens(article_id text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    SELECT lower(topic.kind::text) || ' ' || topic.slug
      FROM "ArticleTopic" link JOIN "Topic" topic ON topic.id = link."topicId"
     WHERE link."articleId" = article_id
    UNION
    SELECT 'author ' || author.slug
      FROM "ArticleAuthor" link JOIN "Author" author ON author.id = link."authorId"
     WHERE link."articleId" = article_id)
$$;

CREATE OR REPLACE FUNCTION refresh_article_search(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ArticleSearch" ("articleId", language, "publicSince", head, document)
  SELECT a.id, a.language, visible.since, ranked.head,
         ranked.head
         || setweight(to_tsvector(search_config(a.language), left(a."bodyText", 100000)), 'D')
         || CASE WHEN visible.since IS NULL THEN ''::tsvector
                 ELSE array_to_tsvector(ARRAY[search_month_token(visible.since), search_year_token(visible.since)]) END
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

-- A changed slug (or a topic's kind) changes the tokens of the articles that carry it, as a changed name does.
DROP TRIGGER author_renamed_search ON "Author";
CREATE TRIGGER author_renamed_search AFTER UPDATE OF name, slug ON "Author"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
  EXECUTE FUNCTION author_renamed_search_trigger();

DROP TRIGGER topic_renamed_search ON "Topic";
CREATE TRIGGER topic_renamed_search AFTER UPDATE OF name, slug, kind ON "Topic"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION topic_renamed_search_trigger();

-- Existing rows gain their tokens without re-parsing their bodies.
UPDATE "ArticleSearch" SET document = document || array_to_tsvector(article_filter_tokens("articleId"));
ANALYZE "ArticleSearch";
