-- How many mentions give each label to each entity name, across the warehouse (the label each
-- mention's document voted for), lone names of two or more people aside (they stay per document).
-- A lone word its document calls a person without naming anyone in full who ends with it votes with
-- half a voice, as inside a document (transforms.entities.is_unintroduced_person, UNINTRODUCED_PERSON_VOTE).
SELECT e.canonical_name, m.label,
       sum(CASE WHEN m.label = 'PERSON' AND m.name NOT LIKE '% %'
                     AND NOT EXISTS (SELECT 1 FROM entity_mentions f
                                     WHERE f.doc_id = m.doc_id AND f.label = 'PERSON' AND f.name LIKE '% ' || m.name)
                THEN $unintroduced ELSE 1 END) AS n
FROM entity_mentions m JOIN entities e USING (entity_id)
WHERE m.resolved_by NOT IN ('lone_name_of_two_or_more', 'national_side')
GROUP BY ALL
