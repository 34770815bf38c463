-- The model registry: users, use cases, model versions with their evidence, reviews, tests and
-- findings, and the hash-chained audit log. Runs unchanged on H2 2.x and PostgreSQL 15.
-- Released migrations are never edited: add V3, V4…

CREATE TABLE users (
    name        VARCHAR(128) NOT NULL PRIMARY KEY,
    roles       VARCHAR(400) NOT NULL, -- comma-separated role names, sorted
    created_by  VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    active      BOOLEAN      NOT NULL
);

CREATE TABLE use_cases (
    name                    VARCHAR(63)   NOT NULL PRIMARY KEY,
    owner                   VARCHAR(128)  NOT NULL,
    description             VARCHAR(2000) NOT NULL,
    risk_tier               VARCHAR(16)   NOT NULL CHECK (risk_tier IN ('LOW', 'MEDIUM', 'HIGH')),
    intended_use            VARCHAR(2000) NOT NULL,
    limitations             VARCHAR(2000) NOT NULL,
    consuming_applications  VARCHAR(2000) NOT NULL, -- comma-separated
    approver_roles          VARCHAR(200)  NOT NULL, -- comma-separated, sorted
    required_gates          VARCHAR(2000) NOT NULL, -- comma-separated, in policy order
    marketing_purpose       BOOLEAN       NOT NULL,
    registered_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE model_versions (
    use_case         VARCHAR(63)   NOT NULL REFERENCES use_cases (name),
    number           INTEGER       NOT NULL CHECK (number >= 1),
    author           VARCHAR(128)  NOT NULL,
    stage            VARCHAR(16)   NOT NULL CHECK (stage IN ('DRAFT', 'CANDIDATE', 'VALIDATED', 'APPROVED', 'TESTED',
                                                             'PRODUCTION', 'RETIRED', 'SENT_BACK')),
    -- Set to the use case while the version is in PRODUCTION, else NULL: unique, so a use case
    -- never has two production versions whatever the code does (a portable partial index).
    production_of    VARCHAR(63)   UNIQUE,
    revision         BIGINT        NOT NULL CHECK (revision >= 1),
    artifact_sha256  CHAR(64)      NOT NULL,
    artifact_size    BIGINT        NOT NULL CHECK (artifact_size > 0),
    artifact_format  VARCHAR(63)   NOT NULL,
    signature_json   VARCHAR(200000) NOT NULL,
    provenance_json  VARCHAR(200000) NOT NULL,
    metric_spec_json VARCHAR(20000)  NOT NULL,
    reworks          INTEGER,
    stage_reason     VARCHAR(16000) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (use_case, number),
    CONSTRAINT model_versions_production_slot CHECK ((stage = 'PRODUCTION') = (production_of IS NOT NULL)),
    CONSTRAINT model_versions_production_slot_owner CHECK (production_of IS NULL OR production_of = use_case)
);

-- The lists of a version only ever grow; position keeps their order.
CREATE TABLE gate_results (
    use_case        VARCHAR(63)   NOT NULL,
    number          INTEGER       NOT NULL,
    position        INTEGER       NOT NULL,
    gate            VARCHAR(63)   NOT NULL,
    passed          BOOLEAN       NOT NULL,
    figures_json    VARCHAR(20000) NOT NULL,
    engine_version  VARCHAR(100)  NOT NULL,
    recorded_by     VARCHAR(128)  NOT NULL,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
);

CREATE TABLE reviews (
    use_case       VARCHAR(63)   NOT NULL,
    number         INTEGER       NOT NULL,
    position       INTEGER       NOT NULL,
    role           VARCHAR(32)   NOT NULL,
    reviewer       VARCHAR(128)  NOT NULL,
    decision       VARCHAR(16)   NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    review_comment VARCHAR(4000) NOT NULL,
    digest         CHAR(64)      NOT NULL,
    findings_json  VARCHAR(200000) NOT NULL,
    reviewed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
);

CREATE TABLE test_results (
    use_case       VARCHAR(63)   NOT NULL,
    number         INTEGER       NOT NULL,
    position       INTEGER       NOT NULL,
    test_name      VARCHAR(63)   NOT NULL,
    passed         BOOLEAN       NOT NULL,
    detail         VARCHAR(4000) NOT NULL,
    findings_json  VARCHAR(200000) NOT NULL,
    recorded_by    VARCHAR(128)  NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
);

-- Why versions were sent back, in the order they were raised (from reviews and tests).
CREATE TABLE version_findings (
    use_case     VARCHAR(63)   NOT NULL,
    number       INTEGER       NOT NULL,
    position     INTEGER       NOT NULL,
    finding      VARCHAR(2000) NOT NULL,
    gate         VARCHAR(63),
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
);

-- Append-only. Each hash covers the event's content and the previous hash (see AuditChain).
CREATE TABLE audit_events (
    sequence       BIGINT        NOT NULL PRIMARY KEY CHECK (sequence >= 1),
    event_time     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    subject        VARCHAR(300)  NOT NULL,
    before_state   VARCHAR(400)  NOT NULL,
    after_state    VARCHAR(400)  NOT NULL,
    reason         VARCHAR(16000) NOT NULL,
    request_id     VARCHAR(100)  NOT NULL,
    previous_hash  CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);

CREATE INDEX audit_events_by_subject ON audit_events (subject, sequence);

-- The chain's head: one row, locked by every append so that appends never race.
CREATE TABLE audit_head (
    id        INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence  BIGINT   NOT NULL,
    hash      CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
