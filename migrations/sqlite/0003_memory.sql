-- The memory model: for each (member, question), FSRS stability and difficulty, the last
-- review day and the day it is due again (guild-local calendar days, YYYY-MM-DD). Updated in
-- the same transaction as every answer.

CREATE TABLE memory (
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    stability   REAL    NOT NULL,
    difficulty  REAL    NOT NULL,
    last_day    TEXT    NOT NULL,
    due_day     TEXT    NOT NULL,
    reviews     INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, question_id)
) STRICT;
CREATE INDEX memory_due ON memory (guild_id, due_day);

-- Role tracks: the topics that matter for members with a role (e.g. @Support → customer
-- support, data privacy). Practice leans towards them.
CREATE TABLE role_tracks (
    guild_id   INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    role_id    INTEGER NOT NULL,
    topic_id   TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, role_id, topic_id),
    FOREIGN KEY (guild_id, topic_id) REFERENCES topics (guild_id, id) ON DELETE CASCADE
) STRICT;

-- How each member wants reviews: on or off, in the channel or by DM, and a pause (vacation)
-- until a guild-local day. No row means the defaults: on, in the channel, not paused.
CREATE TABLE member_prefs (
    guild_id     INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    reviews_on   INTEGER NOT NULL DEFAULT 1,
    -- 'channel' or 'dm'
    delivery     TEXT    NOT NULL DEFAULT 'channel',
    paused_until TEXT,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

-- A post for one member's direct messages: the delivery worker opens the DM channel.
ALTER TABLE outbox ADD COLUMN recipient_id INTEGER;

-- FSRS parameters fitted on a guild's own answers (used instead of the defaults).
CREATE TABLE guild_parameters (
    guild_id     INTEGER PRIMARY KEY REFERENCES guilds (id) ON DELETE CASCADE,
    -- JSON array of the 21 FSRS-6 parameters.
    parameters   TEXT    NOT NULL,
    answers_used INTEGER NOT NULL,
    fitted_ms    INTEGER NOT NULL
) STRICT;
