-- The direct-message channel the bot has with each user. Discord keeps one per user, but
-- finding it costs a request; kept here, a reminder after a restart costs one request, not two.
CREATE TABLE dm_channels (
    user_id    INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL
) STRICT;
