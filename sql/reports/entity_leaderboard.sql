-- Entities named in the most stories (versions of one story, story_clusters, count once), with their documents and mentions.
-- param label VARCHAR: only entities of this label (PERSON, ORG, GPE, ...); empty for all (default: )
-- param limit INTEGER: rows shown (default: 25)
SELECT e.canonical_name, e.label,
       count(DISTINCT coalesce(s.story_id, m.doc_id)) AS stories,
       count(DISTINCT m.doc_id) AS documents,
       count(*) AS mentions
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id)
LEFT JOIN story_clusters AS s USING (doc_id)
WHERE $label = '' OR e.label = upper($label)
GROUP BY ALL
ORDER BY stories DESC, documents DESC, mentions DESC, e.canonical_name
LIMIT $limit;
