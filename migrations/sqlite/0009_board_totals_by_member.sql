-- A member's board totals stored side by side. Each answer updates the member's totals on
-- eight boards (four periods, all topics and the question's topic); keyed by board first, those
-- eight rows sat on eight pages scattered over the table, each written to the log and back to
-- the file for one answer. Keyed by member first, they share a page or two. The boards are
-- read in order of points through board_totals_rank, which does not change.

CREATE TABLE board_totals_by_member (
    guild_id           INTEGER NOT NULL,
    user_id            INTEGER NOT NULL,
    period             TEXT    NOT NULL,
    period_key         TEXT    NOT NULL,
    topic_id           TEXT    NOT NULL,
    points             INTEGER NOT NULL DEFAULT 0,
    answers            INTEGER NOT NULL DEFAULT 0,
    correct            INTEGER NOT NULL DEFAULT 0,
    pairs              INTEGER NOT NULL DEFAULT 0,
    pairs_first_right  INTEGER NOT NULL DEFAULT 0,
    pairs_latest_right INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, user_id, period, period_key, topic_id)
) STRICT, WITHOUT ROWID;

-- Copied before any trigger exists on the new table: the guild totals and points histograms
-- already count these rows.
INSERT INTO board_totals_by_member (guild_id, user_id, period, period_key, topic_id, points,
                                    answers, correct, pairs, pairs_first_right, pairs_latest_right)
SELECT guild_id, user_id, period, period_key, topic_id, points, answers, correct, pairs,
       pairs_first_right, pairs_latest_right
FROM board_totals
ORDER BY guild_id, user_id, period, period_key, topic_id;

-- Dropping the old table drops its index and triggers; they are made again below, unchanged.
DROP TABLE board_totals;
ALTER TABLE board_totals_by_member RENAME TO board_totals;
CREATE INDEX board_totals_rank ON board_totals (guild_id, period, period_key, topic_id, points DESC, user_id);

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
