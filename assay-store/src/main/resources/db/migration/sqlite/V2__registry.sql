-- The model registry on the embedded SQLite file: the same tables and columns as postgresql/V2
-- (see V1 for how types map). Released migrations are never edited: add V3, V4…

CREATE TABLE users (
    name        TEXT    NOT NULL PRIMARY KEY,
    roles       TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE use_cases (
    name                    TEXT    NOT NULL PRIMARY KEY,
    owner                   TEXT    NOT NULL,
    description             TEXT    NOT NULL,
    risk_tier               TEXT    NOT NULL CHECK (risk_tier IN ('LOW', 'MEDIUM', 'HIGH')),
    intended_use            TEXT    NOT NULL,
    limitations             TEXT    NOT NULL,
    consuming_applications  TEXT    NOT NULL,
    approver_roles          TEXT    NOT NULL,
    required_gates          TEXT    NOT NULL,
    marketing_purpose       INTEGER NOT NULL CHECK (marketing_purpose IN (0, 1)),
    registered_at           TEXT    NOT NULL
) STRICT;

CREATE TABLE model_versions (
    use_case         TEXT    NOT NULL REFERENCES use_cases (name),
    number           INTEGER NOT NULL CHECK (number >= 1),
    author           TEXT    NOT NULL,
    stage            TEXT    NOT NULL CHECK (stage IN ('DRAFT', 'CANDIDATE', 'VALIDATED', 'APPROVED', 'TESTED',
                                                       'PRODUCTION', 'RETIRED', 'SENT_BACK')),
    -- Set to the use case while the version is in PRODUCTION, else NULL: unique, so a use case
    -- never has two production versions whatever the code does.
    production_of    TEXT    UNIQUE,
    revision         INTEGER NOT NULL CHECK (revision >= 1),
    artifact_sha256  TEXT    NOT NULL,
    artifact_size    INTEGER NOT NULL CHECK (artifact_size > 0),
    artifact_format  TEXT    NOT NULL,
    signature_json   TEXT    NOT NULL,
    provenance_json  TEXT    NOT NULL,
    metric_spec_json TEXT    NOT NULL,
    reworks          INTEGER,
    stage_reason     TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    PRIMARY KEY (use_case, number),
    CONSTRAINT model_versions_production_slot CHECK ((stage = 'PRODUCTION') = (production_of IS NOT NULL)),
    CONSTRAINT model_versions_production_slot_owner CHECK (production_of IS NULL OR production_of = use_case)
) STRICT;

CREATE TABLE gate_results (
    use_case        TEXT    NOT NULL,
    number          INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    gate            TEXT    NOT NULL,
    passed          INTEGER NOT NULL CHECK (passed IN (0, 1)),
    figures_json    TEXT    NOT NULL,
    engine_version  TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
) STRICT;

CREATE TABLE reviews (
    use_case       TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    role           TEXT    NOT NULL,
    reviewer       TEXT    NOT NULL,
    decision       TEXT    NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    review_comment TEXT    NOT NULL,
    digest         TEXT    NOT NULL,
    findings_json  TEXT    NOT NULL,
    reviewed_at    TEXT    NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
) STRICT;

CREATE TABLE test_results (
    use_case       TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    test_name      TEXT    NOT NULL,
    passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
    detail         TEXT    NOT NULL,
    findings_json  TEXT    NOT NULL,
    recorded_by    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
) STRICT;

CREATE TABLE version_findings (
    use_case     TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    finding      TEXT    NOT NULL,
    gate         TEXT,
    PRIMARY KEY (use_case, number, position),
    FOREIGN KEY (use_case, number) REFERENCES model_versions (use_case, number)
) STRICT;

-- Append-only. Each hash covers the event's content and the previous hash (see AuditChain).
CREATE TABLE audit_events (
    sequence       INTEGER NOT NULL PRIMARY KEY CHECK (sequence >= 1),
    event_time     TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    before_state   TEXT    NOT NULL,
    after_state    TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    request_id     TEXT    NOT NULL,
    previous_hash  TEXT    NOT NULL,
    hash           TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_events_by_subject ON audit_events (subject, sequence);

-- The chain's head: one row, written by every append in the append's own transaction.
CREATE TABLE audit_head (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence  INTEGER NOT NULL,
    hash      TEXT    NOT NULL
) STRICT;

INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
