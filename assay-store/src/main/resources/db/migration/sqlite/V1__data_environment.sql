-- The data environment's metadata on the embedded SQLite file: the same tables and columns as
-- postgresql/V1 (SchemaParityTest holds the two to each other). STRICT tables refuse a value of
-- the wrong type; instants are TEXT in fixed-width ISO-8601 UTC to the microsecond
-- (2026-12-03T09:27:04.243170Z), so they sort as they read; dates are TEXT yyyy-MM-dd.
-- Released migrations are never edited: add V2, V3… beside the PostgreSQL ones.

CREATE TABLE snapshots (
    id                TEXT    NOT NULL PRIMARY KEY,
    table_name        TEXT    NOT NULL,
    business_date     TEXT    NOT NULL,
    contract_version  INTEGER NOT NULL CHECK (contract_version >= 1),
    source_file       TEXT    NOT NULL,
    source_sha256     TEXT    NOT NULL,
    source_rows       INTEGER NOT NULL CHECK (source_rows >= 0),
    row_count         INTEGER NOT NULL CHECK (row_count >= 0),
    quarantined_json  TEXT    NOT NULL,
    content_sha256    TEXT    NOT NULL,
    columns_json      TEXT    NOT NULL,
    location          TEXT    NOT NULL,
    published_by      TEXT    NOT NULL,
    published_at      TEXT    NOT NULL,
    CONSTRAINT snapshots_one_per_source UNIQUE (table_name, business_date, source_sha256)
) STRICT;

CREATE INDEX snapshots_by_table_day ON snapshots (table_name, business_date);

CREATE TABLE access_grants (
    id           TEXT NOT NULL PRIMARY KEY,
    user_name    TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    tables       TEXT NOT NULL,
    expires_on   TEXT NOT NULL,
    granted_by   TEXT NOT NULL,
    granted_at   TEXT NOT NULL,
    revoked_by   TEXT,
    revoked_at   TEXT,
    CONSTRAINT access_grants_revocation_whole CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
) STRICT;

CREATE INDEX access_grants_by_user ON access_grants (user_name);

CREATE TABLE data_reads (
    seq        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id         TEXT    NOT NULL UNIQUE,
    user_name  TEXT    NOT NULL,
    purpose    TEXT    NOT NULL,
    tables     TEXT    NOT NULL,
    grant_ids  TEXT    NOT NULL,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
    detail     TEXT    NOT NULL,
    read_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX data_reads_by_user ON data_reads (user_name, read_at);
