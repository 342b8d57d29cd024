-- Personal learning that acts on what it knows (see domain::selection, domain::refreshers,
-- domain::expertise and domain::pairing): tracks that keep steering, refreshers, expertise that
-- is earned, and peers paired across a gap.

-- The track's name: the role's name as a slug ("Support" → "support"), recorded by /track set,
-- so that a question's `tracks` (["support"]) can be matched to the members of that role.
-- NULL for tracks set before this version, until /track set is used for the role again.
ALTER TABLE role_tracks ADD COLUMN track_name TEXT;

-- The team's recall a topic should not fall below (0.5 to 0.97, from the content file's
-- `team_recall_target`); NULL follows reinforcement.team_recall_target.
ALTER TABLE topics ADD COLUMN team_target REAL;

-- Members who do not want to be suggested as an expert from what they know, nor routed
-- questions as one (/expert suggest off). Enrolled experts are routed as before.
CREATE TABLE expert_optouts (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL,
    since_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

-- Peers paired across a gap (see domain::pairing): members who opted in with /pairing on.
CREATE TABLE pairing_optins (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL,
    since_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;

-- Each pairing a `pairing` schedule run made: a learner whose recall of a topic is falling and
-- a mentor who knows it, the learner's predicted recall of the topic then, and how it went
-- ("We talked" or "Skip", by either of them). Keyed by the run, so a run pairs once.
CREATE TABLE pairings (
    id             INTEGER PRIMARY KEY,
    guild_id       INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    schedule_id    INTEGER NOT NULL,
    scheduled_ms   INTEGER NOT NULL,
    topic_id       TEXT    NOT NULL,
    learner_id     INTEGER NOT NULL,
    mentor_id      INTEGER NOT NULL,
    learner_recall REAL    NOT NULL,
    created_ms     INTEGER NOT NULL,
    talked_ms      INTEGER,
    talked_by      INTEGER,
    skipped_ms     INTEGER,
    skipped_by     INTEGER,
    UNIQUE (schedule_id, scheduled_ms, learner_id)
) STRICT;
CREATE INDEX pairings_guild ON pairings (guild_id, created_ms);

-- Each day's refreshers, as the day's figures found them (for the report and the demo): the
-- topic, the team's predicted recall in 7 days and the target it fell below.
CREATE TABLE refresher_days (
    guild_id     INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    day          TEXT    NOT NULL,
    topic_id     TEXT    NOT NULL,
    recall_later REAL    NOT NULL,
    target       REAL    NOT NULL,
    PRIMARY KEY (guild_id, day, topic_id)
) STRICT;
