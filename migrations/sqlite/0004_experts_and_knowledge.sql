-- Peer experts, the questions members ask with /ask and how they are routed, the knowledge
-- base that accepted answers build (searched together with tips and quiz explanations), and
-- the log of every knowledge exchange for analytics.

-- Where questions get their threads and where admins are told; NULL = not configured.
ALTER TABLE guilds ADD COLUMN qa_channel_id INTEGER;
ALTER TABLE guilds ADD COLUMN admin_channel_id INTEGER;
-- Minutes an assigned expert has to reply before the next one is asked; NULL = the default.
ALTER TABLE guilds ADD COLUMN escalation_after_minutes INTEGER;

-- Who answers questions on a topic ('general' catches questions no topic fits).
CREATE TABLE experts (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    topic_id TEXT    NOT NULL,
    user_id  INTEGER NOT NULL,
    -- The member themself, or the admin who assigned them.
    added_by INTEGER NOT NULL,
    added_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, topic_id, user_id)
) STRICT;

-- Experts who are away (holiday, focus time) get no questions; until_ms NULL = until "back".
CREATE TABLE expert_away (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL,
    since_ms INTEGER NOT NULL,
    until_ms INTEGER,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

-- One row per /ask.
CREATE TABLE asks (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    asker_id          INTEGER NOT NULL,
    text              TEXT    NOT NULL,
    -- The topic the asker picked, if any; the topic it was routed under once routed.
    topic_id          TEXT,
    -- 'searching' (knowledge-base matches shown), 'deflected' (they solved it), 'open'
    -- (a thread is waiting for an answer), 'resolved', 'abandoned'.
    state             TEXT    NOT NULL CHECK (state IN ('searching', 'deflected', 'open', 'resolved', 'abandoned')),
    thread_id         INTEGER,
    -- The expert currently assigned (NULL: nobody available).
    expert_id         INTEGER,
    assigned_ms       INTEGER,
    escalations       INTEGER NOT NULL DEFAULT 0,
    admins_told_ms    INTEGER,
    first_response_ms INTEGER,
    nudged_ms         INTEGER,
    closed_ms         INTEGER,
    kb_id             INTEGER,
    created_ms        INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX asks_thread ON asks (thread_id) WHERE thread_id IS NOT NULL;
CREATE INDEX asks_open ON asks (guild_id, created_ms) WHERE state = 'open';

-- Every expert a question was assigned to: open until it is escalated past them or closed.
CREATE TABLE ask_assignments (
    ask_id       INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
    guild_id     INTEGER NOT NULL,
    expert_id    INTEGER NOT NULL,
    assigned_ms  INTEGER NOT NULL,
    -- The expert's first reply in the thread.
    responded_ms INTEGER,
    ended_ms     INTEGER,
    -- 'escalated', 'resolved', 'abandoned'
    outcome      TEXT,
    PRIMARY KEY (ask_id, expert_id)
) STRICT;
CREATE INDEX ask_assignments_expert ON ask_assignments (guild_id, expert_id, assigned_ms);

-- Accepted answers: the team's own knowledge.
CREATE TABLE kb_entries (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    ask_id      INTEGER REFERENCES asks (id) ON DELETE SET NULL,
    topic_id    TEXT    NOT NULL,
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    author_id   INTEGER NOT NULL,
    accepted_by INTEGER NOT NULL,
    created_ms  INTEGER NOT NULL,
    removed_ms  INTEGER,
    removed_by  INTEGER
) STRICT;

-- Full-text index over accepted answers ('answer', ref = kb_entries.id), tips ('tip', ref =
-- tip id) and quiz questions with their right answer and explanation ('question', ref =
-- question id). Content rows are rewritten with every import.
CREATE VIRTUAL TABLE kb_index USING fts5 (
    title,
    body,
    guild_id UNINDEXED,
    kind UNINDEXED,
    ref UNINDEXED,
    topic_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
SELECT 'Tip', text, guild_id, 'tip', id, topic_id FROM tips;

INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
SELECT v.prompt,
       json_extract(v.choices, '$[' || v.correct || ']') || char(10) || v.explanation,
       q.guild_id, 'question', q.id, q.topic_id
FROM questions q JOIN question_versions v ON v.id = q.current_version;

-- The knowledge-exchange log: what happened to each question, when, and who did it.
CREATE TABLE knowledge_events (
    id       INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    ask_id   INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('asked', 'deflected', 'routed', 'unassigned',
                 'first_response', 'escalated', 'admins_told', 'nudged', 'resolved', 'abandoned')),
    actor_id INTEGER,
    at_ms    INTEGER NOT NULL,
    detail   TEXT
) STRICT;
CREATE INDEX knowledge_events_guild ON knowledge_events (guild_id, at_ms);
