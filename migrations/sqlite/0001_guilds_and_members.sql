-- Guilds (Discord servers) the bot serves, and the members it has seen in them.
-- Ids are Discord snowflakes (they fit in SQLite's signed 64-bit INTEGER).
-- Times are Unix milliseconds, UTC.

CREATE TABLE guilds (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    -- IANA time zone for schedules and day boundaries; NULL = the configured default.
    timezone      TEXT,
    first_seen_ms INTEGER NOT NULL,
    updated_ms    INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
    guild_id      INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    display_name  TEXT    NOT NULL,
    first_seen_ms INTEGER NOT NULL,
    last_seen_ms  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;
