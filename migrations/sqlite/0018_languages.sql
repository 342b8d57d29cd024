-- Languages (see src/i18n.rs). A server's language for channel posts: the one set with
-- `/config language` (NULL: follow Discord's), and Discord's community language as last seen
-- (GUILD_CREATE's preferred_locale). A member's Discord client language as last seen, for
-- their DMs (ephemeral replies read it from the interaction itself).
ALTER TABLE guilds ADD COLUMN language TEXT;
ALTER TABLE guilds ADD COLUMN preferred_locale TEXT;
ALTER TABLE members ADD COLUMN locale TEXT;
