-- Scoreboards and reports: a ledger of every point awarded, running totals per period (so
-- boards stay fast however many answers there are), teams, the roles members hold, the day
-- each member reached competency in a topic, final standings already posted, and business
-- KPIs imported by admins. Times are Unix milliseconds, UTC; days are guild-local YYYY-MM-DD.

-- Weeks per season for /leaderboard period:season; NULL = the configured default.
ALTER TABLE guilds ADD COLUMN season_weeks INTEGER;
-- Members in the guild as Discord last told (GUILD_CREATE); NULL = unknown.
ALTER TABLE guilds ADD COLUMN member_count INTEGER;

-- Every award: why, how much, for which topic (NULL: not about one topic, e.g. a streak bonus).
CREATE TABLE points_ledger (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('quiz', 'review', 'practice', 'helping', 'asking', 'streak_bonus')),
    points    INTEGER NOT NULL,
    topic_id  TEXT,
    answer_id INTEGER,
    ask_id    INTEGER,
    at_ms     INTEGER NOT NULL,
    local_day TEXT    NOT NULL
) STRICT;
CREATE INDEX points_ledger_member ON points_ledger (guild_id, user_id, at_ms);
CREATE INDEX points_ledger_day ON points_ledger (guild_id, local_day);

-- Running totals per member, period and topic, updated in the transaction of each award or
-- answer. period: 'week' (key: its Monday), 'month' (YYYY-MM), 'season' (its first day) or
-- 'all' (key 'all'). topic_id '' = all topics together.
CREATE TABLE board_totals (
    guild_id   INTEGER NOT NULL,
    period     TEXT    NOT NULL,
    period_key TEXT    NOT NULL,
    topic_id   TEXT    NOT NULL,
    user_id    INTEGER NOT NULL,
    points     INTEGER NOT NULL DEFAULT 0,
    answers    INTEGER NOT NULL DEFAULT 0,
    correct    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, period, period_key, topic_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX board_totals_rank ON board_totals (guild_id, period, period_key, topic_id, points DESC, user_id);

-- Roles whose members form a team on the boards.
CREATE TABLE team_roles (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    role_id  INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    added_by INTEGER NOT NULL,
    added_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, role_id)
) STRICT;

-- The roles each member held when last seen (refreshed from every interaction).
CREATE TABLE member_roles (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL,
    role_id  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, role_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_roles_role ON member_roles (guild_id, role_id);

-- The first day a member's latest answers were right on enough of a topic's questions.
CREATE TABLE competency (
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    topic_id    TEXT    NOT NULL,
    first_day   TEXT    NOT NULL,
    reached_day TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id, topic_id)
) STRICT;

-- Final standings a leaderboard schedule has posted, so each period's final is posted once.
CREATE TABLE board_finals (
    schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    period      TEXT    NOT NULL,
    period_key  TEXT    NOT NULL,
    posted_ms   INTEGER NOT NULL,
    PRIMARY KEY (schedule_id, period, period_key)
) STRICT;

-- Business metrics imported with /kpi import: one value per day, team and metric.
CREATE TABLE kpi_values (
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    metric      TEXT    NOT NULL,
    team        TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    value       REAL    NOT NULL,
    imported_by INTEGER NOT NULL,
    imported_ms INTEGER NOT NULL,
    PRIMARY KEY (guild_id, metric, team, day)
) STRICT;

-- Points earned before this migration: every answer's points, and the rest of each member's
-- total (accepted answers) as one 'helping' award on their last active day.
INSERT INTO points_ledger (guild_id, user_id, kind, points, topic_id, answer_id, at_ms, local_day)
SELECT a.guild_id, a.user_id, CASE a.source WHEN 'channel' THEN 'quiz' ELSE a.source END,
       a.points, v.topic_id, a.id, a.answered_ms, a.local_day
FROM answers a JOIN question_versions v ON v.id = a.version_id
WHERE a.points <> 0;

INSERT INTO points_ledger (guild_id, user_id, kind, points, at_ms, local_day)
SELECT p.guild_id, p.user_id, 'helping',
       p.points - COALESCE((SELECT SUM(a.points) FROM answers a WHERE a.guild_id = p.guild_id AND a.user_id = p.user_id), 0),
       CAST(strftime('%s', COALESCE(p.last_day, date('now'))) AS INTEGER) * 1000,
       COALESCE(p.last_day, date('now'))
FROM member_progress p
WHERE p.points > COALESCE((SELECT SUM(a.points) FROM answers a WHERE a.guild_id = p.guild_id AND a.user_id = p.user_id), 0);

-- The totals of what came before, per period (seasons of the default 12 weeks from the
-- Monday 2024-01-01, as the bot counts them).
INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct)
WITH events (guild_id, user_id, topic_id, day, points, answered, correct) AS (
    SELECT a.guild_id, a.user_id, v.topic_id, a.local_day, a.points, 1, a.correct
    FROM answers a JOIN question_versions v ON v.id = a.version_id
    UNION ALL
    SELECT guild_id, user_id, NULL, local_day, points, 0, 0 FROM points_ledger WHERE kind = 'helping'
),
periods (guild_id, user_id, topic_id, period, period_key, points, answered, correct) AS (
    SELECT guild_id, user_id, topic_id, 'week', date(day, '-6 days', 'weekday 1'), points, answered, correct FROM events
    UNION ALL
    SELECT guild_id, user_id, topic_id, 'month', substr(day, 1, 7), points, answered, correct FROM events
    UNION ALL
    SELECT guild_id, user_id, topic_id, 'season',
           date('2024-01-01', '+' || (CAST(julianday(day) - julianday('2024-01-01') AS INTEGER) / 84 * 84) || ' days'),
           points, answered, correct FROM events
    UNION ALL
    SELECT guild_id, user_id, topic_id, 'all', 'all', points, answered, correct FROM events
),
keyed (guild_id, user_id, topic_id, period, period_key, points, answered, correct) AS (
    SELECT guild_id, user_id, '', period, period_key, points, answered, correct FROM periods
    UNION ALL
    SELECT guild_id, user_id, topic_id, period, period_key, points, answered, correct FROM periods WHERE topic_id IS NOT NULL
)
SELECT guild_id, period, period_key, topic_id, user_id, SUM(points), SUM(answered), SUM(correct)
FROM keyed GROUP BY guild_id, period, period_key, topic_id, user_id;
