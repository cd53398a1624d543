-- The tables of rows derived from documents keep their keys, but not as DuckDB constraints: a
-- primary key's index must fit in DuckDB's memory and grows with every row the warehouse holds
-- (about 6 MB per 1,000 documents across these tables), so a warehouse of 50,000 documents needed
-- 300 MB for indexes alone. The keys are checked instead where rows are written: per batch by the
-- data-quality gate's unique-key expectations and by the loader (a document's rows are replaced
-- whole, and documents.doc_id stays a constraint), and over the whole warehouse by `newsfacts dq`.
-- DuckDB cannot drop a constraint, so each table is rebuilt; its comments are applied again after
-- the migrations (sql/catalogue/comments.sql).

CREATE TABLE document_lines__rebuilt (
    doc_id   VARCHAR NOT NULL,
    line_no  INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    label    VARCHAR NOT NULL,
    reason   VARCHAR NOT NULL
);
INSERT INTO document_lines__rebuilt SELECT doc_id, line_no, text, label, reason FROM document_lines;
DROP TABLE document_lines;
ALTER TABLE document_lines__rebuilt RENAME TO document_lines;

CREATE TABLE entity_mentions__rebuilt (
    doc_id       VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    name         VARCHAR,
    resolved_by  VARCHAR
);
INSERT INTO entity_mentions__rebuilt
SELECT doc_id, start_char, end_char, text, label, entity_id, name, resolved_by FROM entity_mentions;
DROP TABLE entity_mentions;
ALTER TABLE entity_mentions__rebuilt RENAME TO entity_mentions;

CREATE TABLE facts__rebuilt (
    fact_id      VARCHAR NOT NULL,
    doc_id       VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    sentence     VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    value_high   DOUBLE,
    qualifier    VARCHAR,
    bound        VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    unit         VARCHAR,
    object       VARCHAR,
    predicate    VARCHAR,
    count_type   VARCHAR,
    attribution  VARCHAR,
    change       VARCHAR,
    dimension    VARCHAR
);
INSERT INTO facts__rebuilt
SELECT fact_id, doc_id, start_char, end_char, sentence, text, value, value_high, qualifier, bound, kind, unit, object,
       predicate, count_type, attribution, change, dimension FROM facts;
DROP TABLE facts;
ALTER TABLE facts__rebuilt RENAME TO facts;

CREATE TABLE dates__rebuilt (
    doc_id       VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    date         DATE,
    granularity  VARCHAR NOT NULL,
    resolution   VARCHAR NOT NULL
);
INSERT INTO dates__rebuilt SELECT doc_id, start_char, end_char, text, date, granularity, resolution FROM dates;
DROP TABLE dates;
ALTER TABLE dates__rebuilt RENAME TO dates;

CREATE TABLE quotes__rebuilt (
    doc_id             VARCHAR NOT NULL,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL,
    quote              VARCHAR NOT NULL,
    speaker_text       VARCHAR,
    speaker_entity_id  VARCHAR,
    verb               VARCHAR
);
INSERT INTO quotes__rebuilt SELECT doc_id, start_char, end_char, quote, speaker_text, speaker_entity_id, verb FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes__rebuilt RENAME TO quotes;

CREATE TABLE preamble_mentions__rebuilt (
    doc_id       VARCHAR NOT NULL,
    line_no      INTEGER NOT NULL,
    section      VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    resolved_by  VARCHAR NOT NULL
);
INSERT INTO preamble_mentions__rebuilt
SELECT doc_id, line_no, section, start_char, end_char, text, label, entity_id, name, resolved_by FROM preamble_mentions;
DROP TABLE preamble_mentions;
ALTER TABLE preamble_mentions__rebuilt RENAME TO preamble_mentions;

CREATE TABLE claims__rebuilt (
    claim_id     VARCHAR NOT NULL,
    fact_id      VARCHAR NOT NULL,
    doc_id       VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,
    n_versions   INTEGER NOT NULL,
    n_documents  INTEGER NOT NULL
);
INSERT INTO claims__rebuilt SELECT claim_id, fact_id, doc_id, measure, n_versions, n_documents FROM claims;
DROP TABLE claims;
ALTER TABLE claims__rebuilt RENAME TO claims;
