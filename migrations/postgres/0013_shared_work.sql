-- Work that one process at a time does (the scheduler's passes, sending the outbox), claimed
-- for a while: the holder renews its lease as it works; when it stops renewing (it died), the
-- lease runs out and another process takes the work over.
CREATE TABLE leases (
    name     TEXT   PRIMARY KEY,
    -- The process holding it (see Store::holder).
    holder   TEXT   NOT NULL,
    -- Wall-clock time (Unix ms) it runs out unless renewed.
    until_ms BIGINT NOT NULL
);

-- Discord's global rate limit holds every process of one bot token: a global 429 seen by one
-- is written here (wall-clock Unix ms until which nobody sends), and every process reads it.
CREATE TABLE rate_holds (
    scope    TEXT   PRIMARY KEY,
    until_ms BIGINT NOT NULL
);
