-- Customers' objections to marketing (GDPR Art. 21), by pseudonymised token: no marketing use case scores them.
-- Released migrations are never edited: add V6, V7…

CREATE TABLE marketing_objections (
    customer     VARCHAR(128)  NOT NULL PRIMARY KEY,
    recorded_by  VARCHAR(128)  NOT NULL,
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note         VARCHAR(1000) NOT NULL
);
