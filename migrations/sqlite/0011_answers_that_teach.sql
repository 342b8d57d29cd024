-- Answers that teach (see domain::cards and domain::verification): flashcards from content
-- files and from accepted answers, each member's self-grades on them, knowledge that is
-- verified by its owner, the answers /ask served, and members who follow another's question.

-- A flashcard: a front and a back, self-graded ("I knew it" / "Not yet"). Content cards come
-- from content files (`content_id`); answer cards are made from an accepted answer (`kb_id`)
-- for the members it helped. A member's memory of a card is the `memory` row whose
-- question_id is `card:<id>` (content ids cannot contain ':').
CREATE TABLE cards (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    content_id TEXT,
    kb_id      INTEGER REFERENCES kb_entries (id) ON DELETE CASCADE,
    topic_id   TEXT    NOT NULL,
    front      TEXT    NOT NULL,
    back       TEXT    NOT NULL,
    -- A link: the content's source, or the question's thread for an answer card.
    source     TEXT,
    -- Who wrote the back (an answer card's author), credited on the card.
    author_id  INTEGER,
    -- 1, then one more each time the text changes.
    version    INTEGER NOT NULL DEFAULT 1,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    -- Withdrawn (its answer was removed or retired): no longer shown.
    retired_ms INTEGER,
    CHECK ((content_id IS NULL) <> (kb_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX cards_content ON cards (guild_id, content_id) WHERE content_id IS NOT NULL;
CREATE UNIQUE INDEX cards_kb ON cards (kb_id) WHERE kb_id IS NOT NULL;

-- The members an answer card was given to, why, and from which day it is due; "Not useful"
-- sets dropped_ms (and the card is not given to them again).
CREATE TABLE card_holders (
    card_id    INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    -- 'asked' (their question), 'helped' (it solved their question), 'followed' (they
    -- followed the question it answered)
    reason     TEXT    NOT NULL CHECK (reason IN ('asked', 'helped', 'followed')),
    added_ms   INTEGER NOT NULL,
    -- Guild-local day (YYYY-MM-DD) it first comes up in reviews.
    first_due  TEXT    NOT NULL,
    dropped_ms INTEGER,
    PRIMARY KEY (card_id, user_id)
) STRICT;
CREATE INDEX card_holders_member ON card_holders (guild_id, user_id);

-- Every self-grade on a card. Self-grades are not measurements: no figure of what people know
-- reads them (answers, boards' accuracy and knowledge checks stay with questions).
CREATE TABLE card_reviews (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    card_id     INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    -- 'review' or 'practice'
    source      TEXT    NOT NULL,
    knew        INTEGER NOT NULL,
    shown_ms    INTEGER NOT NULL,
    answered_ms INTEGER NOT NULL,
    local_day   TEXT    NOT NULL,
    points      INTEGER NOT NULL,
    UNIQUE (guild_id, user_id, card_id, shown_ms)
) STRICT;
CREATE INDEX card_reviews_member ON card_reviews (guild_id, user_id, local_day);

-- Knowledge that stays true: when an accepted answer was last verified (NULL: when it was
-- accepted) and by whom, when its owner was last reminded, and its text's last change.
ALTER TABLE kb_entries ADD COLUMN verified_ms INTEGER;
ALTER TABLE kb_entries ADD COLUMN verified_by INTEGER;
ALTER TABLE kb_entries ADD COLUMN reminded_ms INTEGER;
ALTER TABLE kb_entries ADD COLUMN updated_ms INTEGER;
-- Days between verifications; NULL = knowledge.verification_days in the configuration.
ALTER TABLE guilds ADD COLUMN verification_days INTEGER;
-- A topic's own interval, overriding the guild's.
CREATE TABLE topic_verification (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    topic_id TEXT    NOT NULL,
    days     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, topic_id)
) STRICT;
-- The texts an answer had before "Needs an update" replaced them.
CREATE TABLE kb_revisions (
    kb_id       INTEGER NOT NULL REFERENCES kb_entries (id) ON DELETE CASCADE,
    answer      TEXT    NOT NULL,
    replaced_ms INTEGER NOT NULL,
    replaced_by INTEGER NOT NULL
) STRICT;
CREATE INDEX kb_revisions_entry ON kb_revisions (kb_id);

-- The accepted answers /ask showed (best first), and whether each was verified then.
CREATE TABLE kb_served (
    guild_id INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    ask_id   INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
    kb_id    INTEGER NOT NULL,
    rank     INTEGER NOT NULL,
    verified INTEGER NOT NULL,
    at_ms    INTEGER NOT NULL,
    PRIMARY KEY (ask_id, kb_id)
) STRICT;
CREATE INDEX kb_served_guild ON kb_served (guild_id, at_ms);

-- Members who followed an open question instead of asking it again: told when it is answered,
-- and given its card.
CREATE TABLE ask_followers (
    ask_id      INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    -- Their own /ask that led there.
    from_ask_id INTEGER,
    followed_ms INTEGER NOT NULL,
    PRIMARY KEY (ask_id, user_id)
) STRICT;
