-- API tokens on the embedded SQLite file, as postgresql/V3: only the SHA-256 of each secret is kept.
-- Released migrations are never edited: add V4, V5…

CREATE TABLE api_tokens (
    id             TEXT NOT NULL PRIMARY KEY,
    user_name      TEXT NOT NULL REFERENCES users (name),
    label          TEXT NOT NULL,
    secret_sha256  TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT,
    revoked_at     TEXT
) STRICT;

CREATE INDEX api_tokens_by_user ON api_tokens (user_name);
