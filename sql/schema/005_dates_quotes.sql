-- Date mentions normalised to ISO (date NULL when it cannot be resolved: nothing is guessed).
CREATE TABLE IF NOT EXISTS dates (
    doc_id       VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,   -- offsets into documents.body_text
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    date         DATE,
    granularity  VARCHAR NOT NULL,   -- day, month, weekday
    resolution   VARCHAR NOT NULL,   -- stated, year_inferred, weekday_resolved, relative_resolved, unresolved
    PRIMARY KEY (doc_id, start_char)
);

-- Direct quotations with their speaker where the sentence names one.
CREATE TABLE IF NOT EXISTS quotes (
    doc_id             VARCHAR NOT NULL,
    start_char         INTEGER NOT NULL,   -- offsets into documents.body_text, quote marks included
    end_char           INTEGER NOT NULL,
    quote              VARCHAR NOT NULL,
    speaker_text       VARCHAR,
    speaker_entity_id  VARCHAR,
    verb               VARCHAR,
    PRIMARY KEY (doc_id, start_char)
);
