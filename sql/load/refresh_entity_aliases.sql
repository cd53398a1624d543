-- Every alias each entity is printed as, with how often and why it was merged into the entity.
DELETE FROM entity_aliases;
INSERT INTO entity_aliases
SELECT name AS alias, entity_id, count(*) AS n, resolved_by
FROM entity_mentions
WHERE name IS NOT NULL
GROUP BY ALL;
