-- Personal learning that acts on what it knows (see domain::selection, domain::refreshers and
-- domain::expertise): tracks that keep steering, refreshers, and expertise that is earned.

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
