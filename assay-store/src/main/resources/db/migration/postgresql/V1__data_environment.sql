-- The data environment's metadata: published snapshots, access grants and the read log.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Released migrations are never edited: add V2, V3…

CREATE TABLE snapshots (
    id                VARCHAR(128)  NOT NULL PRIMARY KEY,
    table_name        VARCHAR(63)   NOT NULL,
    business_date     DATE          NOT NULL,
    contract_version  INTEGER       NOT NULL CHECK (contract_version >= 1),
    source_file       VARCHAR(512)  NOT NULL,
    source_sha256     CHAR(64)      NOT NULL,
    source_rows       BIGINT        NOT NULL CHECK (source_rows >= 0),
    row_count         BIGINT        NOT NULL CHECK (row_count >= 0),
    quarantined_json  VARCHAR(4000) NOT NULL, -- {"RULE": rows, …}
    content_sha256    CHAR(64)      NOT NULL,
    columns_json      VARCHAR(20000) NOT NULL, -- [{"name", "type", "privacy", "nullable"}, …]
    location          VARCHAR(1024) NOT NULL,
    published_by      VARCHAR(128)  NOT NULL,
    published_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT snapshots_one_per_source UNIQUE (table_name, business_date, source_sha256)
);

CREATE INDEX snapshots_by_table_day ON snapshots (table_name, business_date);

CREATE TABLE access_grants (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    user_name    VARCHAR(128) NOT NULL,
    purpose      VARCHAR(500) NOT NULL,
    tables       VARCHAR(2000) NOT NULL, -- comma-separated table names ([a-z0-9_] only)
    expires_on   DATE         NOT NULL,
    granted_by   VARCHAR(128) NOT NULL,
    granted_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_by   VARCHAR(128),
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT access_grants_revocation_whole CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
);

CREATE INDEX access_grants_by_user ON access_grants (user_name);

CREATE TABLE data_reads (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         VARCHAR(128)  NOT NULL UNIQUE,
    user_name  VARCHAR(128)  NOT NULL,
    purpose    VARCHAR(2000) NOT NULL,
    tables     VARCHAR(2000) NOT NULL, -- comma-separated
    grant_ids  VARCHAR(4000) NOT NULL, -- comma-separated, empty when refused
    outcome    VARCHAR(16)   NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
    detail     VARCHAR(2000) NOT NULL,
    read_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX data_reads_by_user ON data_reads (user_name, read_at);
