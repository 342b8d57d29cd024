-- Privacy: how many days a server keeps raw events (answers, points, question events, sent
-- posts, closed questions). NULL follows privacy.retention_days in the configuration; 0 keeps
-- them forever. Aggregates (boards, progress, memory) are kept.
ALTER TABLE guilds ADD COLUMN retention_days INTEGER;
