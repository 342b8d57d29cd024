-- Totals over a whole guild, kept by triggers as board_totals changes, so a team's figures,
-- a member's rank and a report's answer figures are read from a few rows however many members
-- and answers there are; and the knowledge-gain tallies they need.

-- Knowledge gain per member, period and topic (see domain::analytics::gain_step): the
-- (member, question) pairs compared in the period (answered again in it), how many of their
-- first attempts were right, and how many of their latest attempts in the period.
ALTER TABLE board_totals ADD COLUMN pairs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board_totals ADD COLUMN pairs_first_right INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board_totals ADD COLUMN pairs_latest_right INTEGER NOT NULL DEFAULT 0;

-- A member's record on a question besides its memory (whose `reviews` counts the attempts and
-- `last_day` is the latest one's day): whether the first and the latest attempts were right.
ALTER TABLE memory ADD COLUMN first_correct INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN latest_correct INTEGER NOT NULL DEFAULT 0;

CREATE TABLE guild_totals (
    guild_id   INTEGER NOT NULL,
    period     TEXT    NOT NULL,
    period_key TEXT    NOT NULL,
    topic_id   TEXT    NOT NULL,
    points     INTEGER NOT NULL,
    answers    INTEGER NOT NULL,
    correct    INTEGER NOT NULL,
    members    INTEGER NOT NULL,
    pairs      INTEGER NOT NULL,
    pairs_first_right  INTEGER NOT NULL,
    pairs_latest_right INTEGER NOT NULL,
    pair_members       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, period_key, topic_id)
) STRICT, WITHOUT ROWID;

-- How many members have each points total on a board: a rank is 1 + the members above.
CREATE TABLE board_points (
    guild_id   INTEGER NOT NULL,
    period     TEXT    NOT NULL,
    period_key TEXT    NOT NULL,
    topic_id   TEXT    NOT NULL,
    points     INTEGER NOT NULL,
    members    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, period_key, topic_id, points)
) STRICT, WITHOUT ROWID;

-- Every guild's totals and records are counted again from its answers and ledger when the bot
-- starts (it knows each guild's season length; see Store::recount_totals).
CREATE TABLE recounts_due (
    guild_id INTEGER PRIMARY KEY
) STRICT;
INSERT INTO recounts_due (guild_id) SELECT id FROM guilds;

CREATE TRIGGER board_totals_added AFTER INSERT ON board_totals BEGIN
    INSERT INTO guild_totals (guild_id, period, period_key, topic_id, points, answers, correct, members,
                              pairs, pairs_first_right, pairs_latest_right, pair_members)
    VALUES (NEW.guild_id, NEW.period, NEW.period_key, NEW.topic_id, NEW.points, NEW.answers, NEW.correct,
            NEW.answers > 0, NEW.pairs, NEW.pairs_first_right, NEW.pairs_latest_right, NEW.pairs > 0)
    ON CONFLICT (guild_id, period, period_key, topic_id) DO UPDATE SET
        points = points + excluded.points, answers = answers + excluded.answers,
        correct = correct + excluded.correct, members = members + excluded.members,
        pairs = pairs + excluded.pairs, pairs_first_right = pairs_first_right + excluded.pairs_first_right,
        pairs_latest_right = pairs_latest_right + excluded.pairs_latest_right,
        pair_members = pair_members + excluded.pair_members;
    INSERT INTO board_points (guild_id, period, period_key, topic_id, points, members)
    VALUES (NEW.guild_id, NEW.period, NEW.period_key, NEW.topic_id, NEW.points, 1)
    ON CONFLICT (guild_id, period, period_key, topic_id, points) DO UPDATE SET members = members + 1;
END;

CREATE TRIGGER board_totals_changed
AFTER UPDATE OF points, answers, correct, pairs, pairs_first_right, pairs_latest_right ON board_totals BEGIN
    UPDATE guild_totals SET
        points = points + NEW.points - OLD.points, answers = answers + NEW.answers - OLD.answers,
        correct = correct + NEW.correct - OLD.correct,
        members = members + (NEW.answers > 0) - (OLD.answers > 0),
        pairs = pairs + NEW.pairs - OLD.pairs,
        pairs_first_right = pairs_first_right + NEW.pairs_first_right - OLD.pairs_first_right,
        pairs_latest_right = pairs_latest_right + NEW.pairs_latest_right - OLD.pairs_latest_right,
        pair_members = pair_members + (NEW.pairs > 0) - (OLD.pairs > 0)
    WHERE guild_id = NEW.guild_id AND period = NEW.period AND period_key = NEW.period_key
      AND topic_id = NEW.topic_id;
END;

CREATE TRIGGER board_points_moved AFTER UPDATE OF points ON board_totals
WHEN NEW.points <> OLD.points BEGIN
    UPDATE board_points SET members = members - 1
    WHERE guild_id = OLD.guild_id AND period = OLD.period AND period_key = OLD.period_key
      AND topic_id = OLD.topic_id AND points = OLD.points;
    INSERT INTO board_points (guild_id, period, period_key, topic_id, points, members)
    VALUES (NEW.guild_id, NEW.period, NEW.period_key, NEW.topic_id, NEW.points, 1)
    ON CONFLICT (guild_id, period, period_key, topic_id, points) DO UPDATE SET members = members + 1;
END;

CREATE TRIGGER board_totals_removed AFTER DELETE ON board_totals BEGIN
    UPDATE board_points SET members = members - 1
    WHERE guild_id = OLD.guild_id AND period = OLD.period AND period_key = OLD.period_key
      AND topic_id = OLD.topic_id AND points = OLD.points;
END;

-- Report figures computed once a day, since they read every memory and a month of answers:
-- the recall forecast per topic and the members who may need support (JSON, see
-- app::reports::DailyFigures). Forgetting a member drops the guild's row.
CREATE TABLE daily_figures (
    guild_id    INTEGER PRIMARY KEY REFERENCES guilds (id) ON DELETE CASCADE,
    day         TEXT    NOT NULL,
    computed_ms INTEGER NOT NULL,
    figures     TEXT    NOT NULL
) STRICT;

-- /stats reads a member's help to others by member: their accepted answers, their points for
-- helping, and their questions (each a few rows, not a scan of the server's).
CREATE INDEX kb_entries_author ON kb_entries (guild_id, author_id);
CREATE INDEX asks_asker ON asks (guild_id, asker_id);
CREATE INDEX points_ledger_helping ON points_ledger (guild_id, user_id) WHERE kind = 'helping';

-- How many members reached competency in a topic on a day, by the days it took them (from
-- their first answer in the topic), kept by triggers: a report's medians read a few hundred
-- rows per period, not every member's row. A forgotten member is no longer counted.
CREATE TABLE competency_days (
    guild_id    INTEGER NOT NULL,
    topic_id    TEXT    NOT NULL,
    reached_day TEXT    NOT NULL,
    days        INTEGER NOT NULL,
    members     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, topic_id, reached_day, days)
) STRICT, WITHOUT ROWID;

INSERT INTO competency_days (guild_id, topic_id, reached_day, days, members)
SELECT guild_id, topic_id, reached_day,
       CAST(julianday(reached_day) - julianday(first_day) AS INTEGER), COUNT(*)
FROM competency GROUP BY 1, 2, 3, 4;

CREATE TRIGGER competency_added AFTER INSERT ON competency BEGIN
    INSERT INTO competency_days (guild_id, topic_id, reached_day, days, members)
    VALUES (NEW.guild_id, NEW.topic_id, NEW.reached_day,
            CAST(julianday(NEW.reached_day) - julianday(NEW.first_day) AS INTEGER), 1)
    ON CONFLICT (guild_id, topic_id, reached_day, days) DO UPDATE SET members = members + 1;
END;

CREATE TRIGGER competency_removed AFTER DELETE ON competency BEGIN
    UPDATE competency_days SET members = members - 1
    WHERE guild_id = OLD.guild_id AND topic_id = OLD.topic_id AND reached_day = OLD.reached_day
      AND days = CAST(julianday(OLD.reached_day) - julianday(OLD.first_day) AS INTEGER);
END;
