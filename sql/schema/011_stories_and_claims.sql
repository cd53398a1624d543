-- Versions of one story (updates, syndicated copies), found by MinHash LSH over the bodies
-- (transforms/stories.py). Both tables are rebuilt from the documents once per run.
CREATE TABLE IF NOT EXISTS story_signatures (
    doc_id     VARCHAR PRIMARY KEY,
    run_id     VARCHAR NOT NULL,   -- the run that loaded the body signed (a reloaded body is signed again)
    signature  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_clusters (
    doc_id      VARCHAR PRIMARY KEY,
    story_id    VARCHAR NOT NULL,   -- doc_id of the story's first version (oldest by published date, then loaded)
    similarity  DOUBLE NOT NULL,    -- estimated Jaccard similarity of the body's word shingles to the first version's
    n_versions  INTEGER NOT NULL    -- documents of the story
);
-- Versions of one claim across documents (transforms/claims.py), rebuilt from the facts once per run.
CREATE TABLE IF NOT EXISTS claims (
    claim_id     VARCHAR NOT NULL,
    fact_id      VARCHAR PRIMARY KEY,   -- a version of the claim (facts.fact_id)
    doc_id       VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,      -- what the versions count or measure (count type, or verb and object)
    n_versions   INTEGER NOT NULL,
    n_documents  INTEGER NOT NULL
);
-- Entity mentions in what a page prints before its body (title, dek, captions), offsets into the line.
CREATE TABLE IF NOT EXISTS preamble_mentions (
    doc_id       VARCHAR NOT NULL,
    line_no      INTEGER NOT NULL,   -- the document_lines row the mention is in
    section      VARCHAR NOT NULL,   -- title, dek or caption (that line's label)
    start_char   INTEGER NOT NULL,   -- offsets into document_lines.text of that line
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    resolved_by  VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, line_no, start_char)
);
