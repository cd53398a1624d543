-- Entities mentioned in the most documents, with their mention counts.
-- param label VARCHAR: only entities of this label (PERSON, ORG, GPE, ...); empty for all (default: )
-- param limit INTEGER: rows shown (default: 25)
SELECT e.canonical_name, e.label,
       count(DISTINCT m.doc_id) AS documents,
       count(*) AS mentions
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id)
WHERE $label = '' OR e.label = upper($label)
GROUP BY ALL
ORDER BY documents DESC, mentions DESC, e.canonical_name
LIMIT $limit;
