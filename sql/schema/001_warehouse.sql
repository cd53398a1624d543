-- The warehouse contract. Later migrations may add columns; these names are never renamed.

CREATE TABLE IF NOT EXISTS raw_documents (
    doc_id      VARCHAR PRIMARY KEY,   -- SHA-256 hex of the raw bytes (of the line, for a JSONL record)
    source_uri  VARCHAR NOT NULL,
    media_type  VARCHAR NOT NULL,      -- text/plain, text/html, application/jsonl
    encoding    VARCHAR,               -- how the bytes were decoded
    size_bytes  BIGINT NOT NULL,
    raw         BLOB NOT NULL,         -- the exact input bytes
    staged_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,
    flow_run_id       VARCHAR,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,  -- running, completed, completed_with_rejects, failed
    n_seen            INTEGER,
    n_new             INTEGER,
    n_unchanged       INTEGER,
    n_rejected        INTEGER,
    pipeline_version  VARCHAR NOT NULL,
    model_name        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
    run_id      VARCHAR NOT NULL,
    source_uri  VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    error       VARCHAR NOT NULL,
    "at"        TIMESTAMPTZ NOT NULL  -- quoted: AT is a keyword in DuckDB 2
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id          VARCHAR PRIMARY KEY,
    source_uri      VARCHAR NOT NULL,
    external_id     VARCHAR,
    media_type      VARCHAR NOT NULL,
    title           VARCHAR,
    dek             VARCHAR,
    publisher       VARCHAR,
    published_date  DATE,
    language        VARCHAR,
    body_text       VARCHAR NOT NULL,
    n_words         INTEGER NOT NULL,
    run_id          VARCHAR NOT NULL,
    ingested_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS document_lines (
    doc_id   VARCHAR NOT NULL,
    line_no  INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    label    VARCHAR NOT NULL,   -- title, dek, caption, heading, body, boilerplate
    reason   VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, line_no)
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id       VARCHAR PRIMARY KEY,
    canonical_name  VARCHAR NOT NULL,
    label           VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_mentions (
    doc_id      VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,   -- offsets into documents.body_text
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, start_char, end_char)
);

CREATE TABLE IF NOT EXISTS facts (
    fact_id      VARCHAR PRIMARY KEY,
    doc_id       VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,   -- offsets into documents.body_text
    end_char     INTEGER NOT NULL,
    sentence     VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    value_high   DOUBLE,
    qualifier    VARCHAR,
    bound        VARCHAR NOT NULL,   -- =, ~, >, >=, <, <=, range
    kind         VARCHAR NOT NULL,   -- count, ordinal, duration, age, money, percent, measure
    unit         VARCHAR,
    object       VARCHAR,
    predicate    VARCHAR,
    count_type   VARCHAR,
    attribution  VARCHAR
);
