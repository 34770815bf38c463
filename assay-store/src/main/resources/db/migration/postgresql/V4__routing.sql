-- Routing per environment: which version serves, which one canaries at what share, which shadow.
-- Kept apart from model_versions.stage; a row appears the first time an environment is routed.
-- Released migrations are never edited: add V5, V6…

CREATE TABLE routing (
    use_case        VARCHAR(64)  NOT NULL REFERENCES use_cases (name),
    environment     VARCHAR(16)  NOT NULL,
    champion        INTEGER,
    canary          INTEGER,
    canary_percent  INTEGER      NOT NULL,
    shadows         VARCHAR(64)  NOT NULL,
    revision        BIGINT       NOT NULL,
    updated_by      VARCHAR(128) NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    PRIMARY KEY (use_case, environment),
    CONSTRAINT routing_environment CHECK (environment IN ('TEST', 'PRODUCTION')),
    CONSTRAINT routing_canary_share CHECK (canary_percent BETWEEN 0 AND 50 AND (canary IS NULL) = (canary_percent = 0)),
    FOREIGN KEY (use_case, champion) REFERENCES model_versions (use_case, number),
    FOREIGN KEY (use_case, canary) REFERENCES model_versions (use_case, number)
);
