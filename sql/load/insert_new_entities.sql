-- Entities are shared by the whole warehouse: add only those not known yet.
INSERT INTO entities BY NAME
SELECT DISTINCT entity_id, canonical_name, label FROM batch_entities
WHERE entity_id NOT IN (SELECT entity_id FROM entities);
