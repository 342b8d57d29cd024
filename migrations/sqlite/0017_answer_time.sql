-- Answer time as a memory signal (see domain::answer_time). Each memory keeps how many of its
-- answers were timed (personal questions, timed from when the bot showed them), their mean log
-- duration, and how much slower than usual the last one was.
ALTER TABLE memory ADD COLUMN timed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN time_log_mean REAL NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN slowness REAL NOT NULL DEFAULT 0;

-- A guild's answer-time weight and centring, fitted with its FSRS parameters and used only
-- when its held-out answers are predicted better with it (NULL: not used), and the held-out
-- log losses that decided it.
ALTER TABLE guild_parameters ADD COLUMN answer_time_beta REAL;
ALTER TABLE guild_parameters ADD COLUMN answer_time_center REAL;
ALTER TABLE guild_parameters ADD COLUMN held_out_fsrs REAL;
ALTER TABLE guild_parameters ADD COLUMN held_out_timed REAL;
