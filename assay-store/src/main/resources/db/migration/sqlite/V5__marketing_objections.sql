-- Customers' objections to marketing on the embedded SQLite file, as postgresql/V5.
-- Released migrations are never edited: add V6, V7…

CREATE TABLE marketing_objections (
    customer     TEXT NOT NULL PRIMARY KEY,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    note         TEXT NOT NULL
) STRICT;
