-- API tokens: only the SHA-256 of each secret is kept; the secret is shown once, at creation.
-- Released migrations are never edited: add V4, V5…

CREATE TABLE api_tokens (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_name      VARCHAR(128) NOT NULL REFERENCES users (name),
    label          VARCHAR(200) NOT NULL,
    secret_sha256  CHAR(64)     NOT NULL,
    created_by     VARCHAR(128) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE,
    revoked_at     TIMESTAMP(6) WITH TIME ZONE
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_name);
