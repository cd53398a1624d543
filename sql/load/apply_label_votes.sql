-- Point every mention at the entity of its name's voted label (label_targets: canonical_name,
-- label, target_entity_id, target_label, for every name and label the warehouse holds, so that a
-- mention moved by an earlier vote moves back when its name no longer has a clear winner), and the
-- quotes and the title's, dek's and captions' mentions of each document with its mentions; then keep only the entities something points to.
INSERT INTO entities BY NAME
SELECT DISTINCT target_entity_id AS entity_id, canonical_name, target_label AS label FROM label_targets
WHERE target_entity_id NOT IN (SELECT entity_id FROM entities);

CREATE OR REPLACE TEMP TABLE label_moves AS
SELECT DISTINCT m.doc_id, m.entity_id, t.target_entity_id
FROM entity_mentions m JOIN entities e USING (entity_id)
JOIN label_targets t ON t.canonical_name = e.canonical_name AND t.label = m.label
WHERE m.resolved_by NOT IN ('lone_name_of_two_or_more', 'national_side') AND m.entity_id <> t.target_entity_id;

UPDATE quotes SET speaker_entity_id = v.target_entity_id
FROM label_moves v WHERE quotes.doc_id = v.doc_id AND quotes.speaker_entity_id = v.entity_id;

UPDATE preamble_mentions SET entity_id = v.target_entity_id
FROM label_moves v WHERE preamble_mentions.doc_id = v.doc_id AND preamble_mentions.entity_id = v.entity_id;

UPDATE entity_mentions SET entity_id = v.target_entity_id
FROM label_moves v WHERE entity_mentions.doc_id = v.doc_id AND entity_mentions.entity_id = v.entity_id
  AND entity_mentions.resolved_by NOT IN ('lone_name_of_two_or_more', 'national_side');

DROP TABLE label_moves;

DELETE FROM entities
WHERE entity_id NOT IN (SELECT entity_id FROM entity_mentions)
  AND entity_id NOT IN (SELECT entity_id FROM preamble_mentions)
  AND entity_id NOT IN (SELECT speaker_entity_id FROM quotes WHERE speaker_entity_id IS NOT NULL);
