-- Rows that failed a row-level expectation: kept whole, out of the analytical tables.
CREATE TABLE IF NOT EXISTS quarantine (
    run_id       VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL,
    "row"        JSON NOT NULL,
    expectation  VARCHAR NOT NULL,
    details      VARCHAR
);

-- Every expectation's outcome, for each batch of a run and for each `newsfacts dq` run.
CREATE TABLE IF NOT EXISTS dq_results (
    run_id            VARCHAR NOT NULL,
    suite             VARCHAR NOT NULL,
    expectation       VARCHAR NOT NULL,
    column_name       VARCHAR,
    success           BOOLEAN NOT NULL,
    severity          VARCHAR NOT NULL,
    observed          VARCHAR,
    unexpected_count  BIGINT,
    details           VARCHAR,
    checked_at        TIMESTAMPTZ DEFAULT now()
);
