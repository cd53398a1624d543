-- The mentions lone-name resolution re-points (filled a chunk at a time, then applied at once).
CREATE OR REPLACE TEMP TABLE lone_name_changes (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, entity_id VARCHAR, new_entity_id VARCHAR,
    canonical_name VARCHAR, label VARCHAR, resolved_by VARCHAR
);
