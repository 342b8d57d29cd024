-- Tracks that keep steering and refreshers before a team forgets (see domain::selection and
-- domain::refreshers).

-- The track's name: the role's name as a slug ("Support" → "support"), recorded by /track set,
-- so that a question's `tracks` (["support"]) can be matched to the members of that role.
-- NULL for tracks set before this version, until /track set is used for the role again.
ALTER TABLE role_tracks ADD COLUMN track_name TEXT;

-- The team's recall a topic should not fall below (0.5 to 0.97, from the content file's
-- `team_recall_target`); NULL follows reinforcement.team_recall_target.
ALTER TABLE topics ADD COLUMN team_target REAL;
