-- Authoring in chat. A retired question is no longer posted, practised, reviewed, searched or
-- exported; its versions and answers stay. Importing or publishing it again brings it back.
ALTER TABLE questions ADD COLUMN retired_ms INTEGER;

-- The questions in use: every query that draws or counts the bank reads this.
CREATE VIEW live_questions AS
    SELECT guild_id, id, topic_id, current_version, updated_ms, rowid AS rowid, retired_ms
    FROM questions WHERE retired_ms IS NULL;

-- Questions written in chat before they are published: the form as its author filled it in
-- (JSON, see domain::authoring::QuestionForm), which may not pass the checks yet.
CREATE TABLE question_drafts (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL,
    form       TEXT    NOT NULL,
    -- 'draft' (its author's), 'proposed' (an expert's, waiting for an admin), 'published',
    -- 'discarded'.
    state      TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    -- When the form was first submitted (NULL: opened and never submitted).
    submitted_ms INTEGER
) STRICT;

CREATE INDEX question_drafts_waiting ON question_drafts (guild_id, state, updated_ms);

-- Whether members who are experts may propose questions for admins to publish (0: off).
ALTER TABLE guilds ADD COLUMN expert_drafts INTEGER NOT NULL DEFAULT 0;

-- A content card's role tracks (JSON array of names), as a question's: an Anki note's tags.
ALTER TABLE cards ADD COLUMN tracks TEXT NOT NULL DEFAULT '[]';
