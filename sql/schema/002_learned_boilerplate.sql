-- What the corpus pass learns: lines printed on at least two documents of one publisher (scope ''
-- when the publisher is unknown). The next page of that publisher is cleaned with them.
CREATE TABLE IF NOT EXISTS learned_boilerplate (
    scope        VARCHAR NOT NULL,
    line         VARCHAR NOT NULL,
    n_documents  INTEGER NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, line)
);

-- Captions, each once, in page order (a caption printed three times is stored once).
ALTER TABLE documents ADD COLUMN IF NOT EXISTS captions VARCHAR[];
