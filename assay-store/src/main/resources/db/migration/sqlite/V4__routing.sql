-- Routing per environment on the embedded SQLite file, as postgresql/V4.
-- Released migrations are never edited: add V5, V6…

CREATE TABLE routing (
    use_case        TEXT    NOT NULL REFERENCES use_cases (name),
    environment     TEXT    NOT NULL,
    champion        INTEGER,
    canary          INTEGER,
    canary_percent  INTEGER NOT NULL,
    shadows         TEXT    NOT NULL,
    revision        INTEGER NOT NULL,
    updated_by      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    PRIMARY KEY (use_case, environment),
    CONSTRAINT routing_environment CHECK (environment IN ('TEST', 'PRODUCTION')),
    CONSTRAINT routing_canary_share CHECK (canary_percent BETWEEN 0 AND 50 AND (canary IS NULL) = (canary_percent = 0)),
    FOREIGN KEY (use_case, champion) REFERENCES model_versions (use_case, number),
    FOREIGN KEY (use_case, canary) REFERENCES model_versions (use_case, number)
) STRICT;
