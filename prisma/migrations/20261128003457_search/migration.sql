-- Full-text search: a weighted tsvector on articles and on authors, kept current by the database itself.

-- AlterTable
ALTER TABLE "Author" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Author_searchVector_idx" ON "Author" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- The text-search configuration of an article's language: its stemmer where PostgreSQL has one we use.
-- lib/data/search.ts matches each language with a query parsed by the same configuration.
CREATE FUNCTION search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END
$$;

-- Weights: title A, lead B, author names and topics C, body D. The names come last, so when only they change
-- the vector is rebuilt from its own A, B and D parts (ts_filter) without parsing the body again.
CREATE FUNCTION article_names_search_vector(article_id text, config regconfig) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(config, concat_ws(' ',
    (SELECT string_agg(author.name, ' ' ORDER BY link.position)
       FROM "ArticleAuthor" link JOIN "Author" author ON author.id = link."authorId"
      WHERE link."articleId" = article_id),
    (SELECT string_agg(topic.name, ' ' ORDER BY topic.name)
       FROM "ArticleTopic" link JOIN "Topic" topic ON topic.id = link."topicId"
      WHERE link."articleId" = article_id))), 'C')
$$;

-- Positions stop at 16,383 and a tsvector at 1 MB, so only the first 100,000 characters of the body count.
CREATE FUNCTION article_search_vector(article_id text, title text, lead text, body_text text, language text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(search_config(language), title), 'A')
      || setweight(to_tsvector(search_config(language), lead), 'B')
      || setweight(to_tsvector(search_config(language), left(body_text, 100000)), 'D')
      || article_names_search_vector(article_id, search_config(language))
$$;

CREATE FUNCTION refresh_article_names_search(article_ids text[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Article"
     SET "searchVector" = ts_filter("searchVector", '{a,b,d}') || article_names_search_vector(id, search_config(language))
   WHERE id = ANY(article_ids)
$$;

CREATE FUNCTION article_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := article_search_vector(NEW.id, NEW.title, NEW.lead, NEW."bodyText", NEW.language);
  RETURN NEW;
END
$$;

CREATE TRIGGER article_search BEFORE INSERT OR UPDATE OF title, lead, "bodyText", language ON "Article"
  FOR EACH ROW EXECUTE FUNCTION article_search_trigger();

-- ArticleAuthor and ArticleTopic: once per statement, so a save that replaces every link refreshes each article once.
CREATE FUNCTION article_links_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_article_names_search(ARRAY(SELECT DISTINCT "articleId" FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_article_names_search(ARRAY(SELECT DISTINCT "articleId" FROM old_links));
  ELSE
    PERFORM refresh_article_names_search(ARRAY(SELECT "articleId" FROM old_links UNION SELECT "articleId" FROM new_links));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER article_author_insert_search AFTER INSERT ON "ArticleAuthor"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();
CREATE TRIGGER article_author_update_search AFTER UPDATE ON "ArticleAuthor"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();
CREATE TRIGGER article_author_delete_search AFTER DELETE ON "ArticleAuthor"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();
CREATE TRIGGER article_topic_insert_search AFTER INSERT ON "ArticleTopic"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();
CREATE TRIGGER article_topic_update_search AFTER UPDATE ON "ArticleTopic"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();
CREATE TRIGGER article_topic_delete_search AFTER DELETE ON "ArticleTopic"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION article_links_search_trigger();

-- Authors: name A, position and field of expertise B, competences C. Profiles carry no language, and the
-- russian configuration stems Latin-script words with the English stemmer and Cyrillic ones with the Russian.
CREATE FUNCTION author_search_vector(author_id text, name text, "position" text, field_of_expertise text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('russian', name), 'A')
      || setweight(to_tsvector('russian', concat_ws(' ', "position", field_of_expertise)), 'B')
      || setweight(to_tsvector('russian', coalesce(
           (SELECT string_agg(topic.name, ' ' ORDER BY competence.position)
              FROM "AuthorTopic" competence JOIN "Topic" topic ON topic.id = competence."topicId"
             WHERE competence."authorId" = author_id), '')), 'C')
$$;

CREATE FUNCTION refresh_author_search(author_ids text[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Author"
     SET "searchVector" = author_search_vector(id, name, "position", "fieldOfExpertise")
   WHERE id = ANY(author_ids)
$$;

CREATE FUNCTION author_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := author_search_vector(NEW.id, NEW.name, NEW."position", NEW."fieldOfExpertise");
  RETURN NEW;
END
$$;

CREATE TRIGGER author_search BEFORE INSERT OR UPDATE OF name, "position", "fieldOfExpertise" ON "Author"
  FOR EACH ROW EXECUTE FUNCTION author_search_trigger();

CREATE FUNCTION author_competences_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_author_search(ARRAY(SELECT DISTINCT "authorId" FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_author_search(ARRAY(SELECT DISTINCT "authorId" FROM old_links));
  ELSE
    PERFORM refresh_author_search(ARRAY(SELECT "authorId" FROM old_links UNION SELECT "authorId" FROM new_links));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER author_topic_insert_search AFTER INSERT ON "AuthorTopic"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION author_competences_search_trigger();
CREATE TRIGGER author_topic_update_search AFTER UPDATE ON "AuthorTopic"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION author_competences_search_trigger();
CREATE TRIGGER author_topic_delete_search AFTER DELETE ON "AuthorTopic"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION author_competences_search_trigger();

-- A renamed author or topic: the articles (and, for a topic, the authors) that name it follow.
CREATE FUNCTION author_renamed_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_names_search(ARRAY(SELECT "articleId" FROM "ArticleAuthor" WHERE "authorId" = NEW.id));
  RETURN NULL;
END
$$;

CREATE TRIGGER author_renamed_search AFTER UPDATE OF name ON "Author"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION author_renamed_search_trigger();

CREATE FUNCTION topic_renamed_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_names_search(ARRAY(SELECT "articleId" FROM "ArticleTopic" WHERE "topicId" = NEW.id));
  PERFORM refresh_author_search(ARRAY(SELECT "authorId" FROM "AuthorTopic" WHERE "topicId" = NEW.id));
  RETURN NULL;
END
$$;

CREATE TRIGGER topic_renamed_search AFTER UPDATE OF name ON "Topic"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION topic_renamed_search_trigger();

-- Existing rows.
UPDATE "Article" SET "searchVector" = article_search_vector(id, title, lead, "bodyText", language);
UPDATE "Author" SET "searchVector" = author_search_vector(id, name, "position", "fieldOfExpertise");
