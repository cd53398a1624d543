-- How each mention was resolved, so every merge can be audited.
ALTER TABLE entity_mentions ADD COLUMN IF NOT EXISTS name VARCHAR;         -- the cleaned alias
ALTER TABLE entity_mentions ADD COLUMN IF NOT EXISTS resolved_by VARCHAR;  -- exact, short_form_of_full_name, ...

CREATE TABLE IF NOT EXISTS entity_aliases (
    alias        VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    n            INTEGER NOT NULL,   -- mentions with this alias
    resolved_by  VARCHAR NOT NULL,   -- why this alias names this entity
    PRIMARY KEY (alias, entity_id, resolved_by)
);
