-- What the corpus pass learns: a publisher's chrome (scope '' when the publisher is unknown), by the
-- rule of transforms.boilerplate.repeated_chrome. The next page of that publisher is cleaned with it.
CREATE TABLE IF NOT EXISTS learned_boilerplate (
    scope        VARCHAR NOT NULL,
    line         VARCHAR NOT NULL,
    n_documents  INTEGER NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, line)
);

-- Captions, each once, in page order (a caption printed three times is stored once).
ALTER TABLE documents ADD COLUMN IF NOT EXISTS captions VARCHAR[];
