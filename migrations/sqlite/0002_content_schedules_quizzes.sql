-- Content (topics, versioned questions, tips), schedules and their runs, the outbox of posts
-- to deliver, quiz posts, answers, and each member's points and streak.
-- Ids from content files are TEXT and unique per guild. Times are Unix milliseconds, UTC.

-- How long a channel quiz stays open (minutes); NULL = the configured default.
ALTER TABLE guilds ADD COLUMN quiz_window_minutes INTEGER;
-- When the starter pack was loaded for this guild (NULL = never).
ALTER TABLE guilds ADD COLUMN starter_loaded_ms INTEGER;

CREATE TABLE topics (
    guild_id          INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    id                TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    desired_retention REAL,
    updated_ms        INTEGER NOT NULL,
    PRIMARY KEY (guild_id, id)
) STRICT;

CREATE TABLE questions (
    guild_id       INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    id             TEXT    NOT NULL,
    topic_id       TEXT    NOT NULL,
    -- The version served from now on (question_versions.id).
    current_version INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, id),
    FOREIGN KEY (guild_id, topic_id) REFERENCES topics (guild_id, id)
) STRICT;

-- Every text a question has had. Answers point to the version that was answered, so editing a
-- question never rewrites history.
CREATE TABLE question_versions (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    topic_id    TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    -- JSON array of the choice texts.
    choices     TEXT    NOT NULL,
    -- 0-based index of the right choice.
    correct     INTEGER NOT NULL,
    explanation TEXT    NOT NULL,
    difficulty  INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
    -- JSON array of role track names.
    tracks      TEXT    NOT NULL,
    source      TEXT,
    created_ms  INTEGER NOT NULL,
    UNIQUE (guild_id, question_id, version),
    FOREIGN KEY (guild_id, question_id) REFERENCES questions (guild_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE tips (
    guild_id   INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    topic_id   TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    link       TEXT,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, id),
    FOREIGN KEY (guild_id, topic_id) REFERENCES topics (guild_id, id)
) STRICT;

CREATE TABLE schedules (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    cron        TEXT    NOT NULL,
    -- IANA zone; NULL follows the guild's time zone.
    timezone    TEXT,
    channel_id  INTEGER NOT NULL,
    -- Only this topic; NULL = any.
    topic_id    TEXT,
    paused      INTEGER NOT NULL DEFAULT 0,
    -- The next due run; the scheduler's durable cursor.
    next_run_ms INTEGER,
    created_by  INTEGER NOT NULL,
    created_ms  INTEGER NOT NULL,
    removed_ms  INTEGER
) STRICT;
CREATE INDEX schedules_due ON schedules (next_run_ms) WHERE paused = 0 AND removed_ms IS NULL;

-- One row per run: the primary key makes each (schedule, scheduled time) happen at most once.
CREATE TABLE schedule_runs (
    schedule_id  INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_ms INTEGER NOT NULL,
    ran_ms       INTEGER NOT NULL,
    -- 'posted', 'skipped-late', 'no-content', 'manual'
    outcome      TEXT    NOT NULL,
    PRIMARY KEY (schedule_id, scheduled_ms)
) STRICT;

-- Posts waiting for (or done with) delivery. Written in the same transaction as the run that
-- created them; the delivery worker sends them in id order.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    -- The message as JSON (content, embeds, components).
    payload         TEXT    NOT NULL,
    -- 'pending', 'sent', 'failed'
    state           TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    message_id      INTEGER,
    created_ms      INTEGER NOT NULL,
    sent_ms         INTEGER
) STRICT;
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';

CREATE TABLE quiz_posts (
    id             INTEGER PRIMARY KEY,
    guild_id       INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    channel_id     INTEGER NOT NULL,
    version_id     INTEGER NOT NULL REFERENCES question_versions (id),
    schedule_id    INTEGER REFERENCES schedules (id) ON DELETE SET NULL,
    outbox_id      INTEGER NOT NULL REFERENCES outbox (id),
    -- Known once delivered.
    message_id     INTEGER,
    created_ms     INTEGER NOT NULL,
    posted_ms      INTEGER,
    closes_ms      INTEGER NOT NULL,
    answer_count   INTEGER NOT NULL DEFAULT 0,
    correct_count  INTEGER NOT NULL DEFAULT 0,
    -- The count last written into the message (the live count is edited in batches).
    shown_count    INTEGER NOT NULL DEFAULT 0,
    revealed_ms    INTEGER
) STRICT;
CREATE INDEX quiz_posts_channel ON quiz_posts (channel_id, created_ms);
CREATE INDEX quiz_posts_open ON quiz_posts (closes_ms) WHERE revealed_ms IS NULL;

CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    question_id  TEXT    NOT NULL,
    version_id   INTEGER NOT NULL REFERENCES question_versions (id),
    -- 'channel' (a quiz post) or 'practice' (/quiz)
    source       TEXT    NOT NULL,
    quiz_post_id INTEGER REFERENCES quiz_posts (id),
    -- For practice: when the question was shown, which makes the attempt unique.
    shown_ms     INTEGER,
    choice       INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    -- Milliseconds from the post (or practice question) to the click.
    latency_ms   INTEGER NOT NULL,
    answered_ms  INTEGER NOT NULL,
    -- The guild-local day, YYYY-MM-DD.
    local_day    TEXT    NOT NULL,
    points       INTEGER NOT NULL,
    UNIQUE (quiz_post_id, user_id),
    UNIQUE (guild_id, user_id, version_id, shown_ms)
) STRICT;
CREATE INDEX answers_member ON answers (guild_id, user_id, answered_ms);

CREATE TABLE member_progress (
    guild_id     INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    points       INTEGER NOT NULL DEFAULT 0,
    streak_days  INTEGER NOT NULL DEFAULT 0,
    best_streak  INTEGER NOT NULL DEFAULT 0,
    last_day     TEXT,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

-- Tips posted per channel, so a channel gets the tip it has seen least recently.
CREATE TABLE tip_posts (
    guild_id   INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    tip_id     TEXT    NOT NULL,
    outbox_id  INTEGER NOT NULL REFERENCES outbox (id),
    created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX tip_posts_channel ON tip_posts (channel_id, tip_id, created_ms);
