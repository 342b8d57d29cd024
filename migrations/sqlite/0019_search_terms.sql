-- Search in the server's language (see domain::knowledge): the index keeps each row's words in
-- their search form (stemmed for the server's language, without accents) beside the text, and
-- matches those. FTS5's porter stemmer is English only, so the tokenizer becomes plain
-- unicode61; the text columns are kept for display, unindexed. The rows are copied with no
-- search form: the bot computes it (guilds.search_language NULL means "not built yet").
CREATE VIRTUAL TABLE kb_index_new USING fts5 (
    title UNINDEXED,
    body UNINDEXED,
    guild_id UNINDEXED,
    kind UNINDEXED,
    ref UNINDEXED,
    topic_id UNINDEXED,
    title_terms,
    body_terms,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO kb_index_new (title, body, guild_id, kind, ref, topic_id)
SELECT title, body, guild_id, kind, ref, topic_id FROM kb_index;

DROP TABLE kb_index;

ALTER TABLE kb_index_new RENAME TO kb_index;

-- The language a guild's search forms were computed in (NULL: not yet).
ALTER TABLE guilds ADD COLUMN search_language TEXT;
