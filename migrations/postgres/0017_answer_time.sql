-- Answer time as a memory signal (see domain::answer_time). Each memory keeps how many of its
-- answers were timed (personal questions, timed from when the bot showed them), their mean log
-- duration, and how much slower than usual the last one was.
ALTER TABLE memory ADD COLUMN timed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN time_log_mean DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN slowness DOUBLE PRECISION NOT NULL DEFAULT 0;

-- A guild's answer-time weight and centring, fitted with its FSRS parameters and used only
-- when its held-out answers are predicted better with it (NULL: not used), and the held-out
-- log losses that decided it.
ALTER TABLE guild_parameters ADD COLUMN answer_time_beta DOUBLE PRECISION;
ALTER TABLE guild_parameters ADD COLUMN answer_time_center DOUBLE PRECISION;
ALTER TABLE guild_parameters ADD COLUMN held_out_fsrs DOUBLE PRECISION;
ALTER TABLE guild_parameters ADD COLUMN held_out_timed DOUBLE PRECISION;
