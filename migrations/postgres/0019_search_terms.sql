-- Search in the server's language (see domain::knowledge): the index keeps each row's words in
-- their search form (stemmed for the server's language, without accents) beside the text, and
-- matches those with the `simple` configuration, as SQLite's plain unicode61 tokenizer does.
-- The search forms are computed by the bot (guilds.search_language NULL means "not built yet").
DROP INDEX kb_index_search;
ALTER TABLE kb_index DROP COLUMN search;
ALTER TABLE kb_index ADD COLUMN title_terms TEXT;
ALTER TABLE kb_index ADD COLUMN body_terms TEXT;
ALTER TABLE kb_index ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', COALESCE(title_terms, '')), 'A')
    || setweight(to_tsvector('simple', COALESCE(body_terms, '')), 'B')
) STORED;
CREATE INDEX kb_index_search ON kb_index USING GIN (search);

-- The language a guild's search forms were computed in (NULL: not yet).
ALTER TABLE guilds ADD COLUMN search_language TEXT;
