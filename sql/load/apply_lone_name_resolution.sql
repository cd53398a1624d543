-- Point lone-name mentions, and the quotes their speakers gave (and the title's, dek's and
-- captions' mentions of them), at the entities resolution chose;
-- then keep only the entities something points to.
INSERT INTO entities BY NAME
SELECT DISTINCT new_entity_id AS entity_id, canonical_name, label FROM lone_name_changes
WHERE new_entity_id NOT IN (SELECT entity_id FROM entities);

UPDATE quotes SET speaker_entity_id = c.new_entity_id
FROM (SELECT DISTINCT doc_id, entity_id, new_entity_id FROM lone_name_changes) c
WHERE quotes.doc_id = c.doc_id AND quotes.speaker_entity_id = c.entity_id;

UPDATE preamble_mentions SET entity_id = c.new_entity_id
FROM (SELECT DISTINCT doc_id, entity_id, new_entity_id FROM lone_name_changes) c
WHERE preamble_mentions.doc_id = c.doc_id AND preamble_mentions.entity_id = c.entity_id;

UPDATE entity_mentions SET entity_id = c.new_entity_id, resolved_by = c.resolved_by
FROM lone_name_changes c
WHERE entity_mentions.doc_id = c.doc_id AND entity_mentions.start_char = c.start_char
  AND entity_mentions.end_char = c.end_char;

DELETE FROM entities
WHERE entity_id NOT IN (SELECT entity_id FROM entity_mentions)
  AND entity_id NOT IN (SELECT entity_id FROM preamble_mentions)
  AND entity_id NOT IN (SELECT speaker_entity_id FROM quotes WHERE speaker_entity_id IS NOT NULL);
