-- Honest measurement (see domain::measurement): knowledge checks flagged on answers, and
-- randomized holdout experiments with each member's arm.

-- A knowledge check: a question drawn at random from its topic's whole bank. `check_predicted`
-- is the memory model's predicted recall for the member and question just before the answer
-- (0 for a question they had never answered), `check_first` whether they had never answered it.
ALTER TABLE answers ADD COLUMN is_check INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN check_predicted REAL;
ALTER TABLE answers ADD COLUMN check_first INTEGER;
CREATE INDEX answers_checks ON answers (guild_id, user_id, local_day) WHERE is_check = 1;

-- A randomized holdout: while it runs, members of the holdout arm get no review reminders (nor
-- refreshers) for the topic (NULL: every topic). It ends on `ends_day` (guild-local, exclusive)
-- or when stopped.
CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    topic_id    TEXT,
    holdout_pct INTEGER NOT NULL,
    seed        INTEGER NOT NULL,
    started_by  INTEGER NOT NULL,
    started_ms  INTEGER NOT NULL,
    start_day   TEXT    NOT NULL,
    ends_day    TEXT    NOT NULL,
    stopped_ms  INTEGER
) STRICT;
CREATE INDEX experiments_guild ON experiments (guild_id, started_ms);

-- Each member's arm, stored when the experiment starts (members known then, `late` = 0) or
-- when a member first arrives while it runs (`late` = 1, drawn in permuted blocks); never
-- changed.
CREATE TABLE experiment_arms (
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    holdout       INTEGER NOT NULL,
    late          INTEGER NOT NULL,
    assigned_ms   INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, user_id)
) STRICT, WITHOUT ROWID;
