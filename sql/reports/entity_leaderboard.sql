-- Entities mentioned in the most documents, with their mention counts.
SELECT e.canonical_name, e.label,
       count(DISTINCT m.doc_id) AS documents,
       count(*) AS mentions
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id)
GROUP BY ALL
ORDER BY documents DESC, mentions DESC, e.canonical_name
LIMIT 25;
