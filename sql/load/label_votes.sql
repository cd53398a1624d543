-- How many mentions give each label to each entity name, across the warehouse (the label each
-- mention's document voted for), lone names of two or more people aside (they stay per document).
-- A lone word its document calls a person without ever naming one in full votes with half a voice,
-- as inside a document (transforms.entities.UNINTRODUCED_PERSON_VOTE).
SELECT e.canonical_name, m.label,
       sum(CASE WHEN m.label = 'PERSON' AND e.canonical_name = m.name AND m.name NOT LIKE '% %'
                THEN $unintroduced ELSE 1 END) AS n
FROM entity_mentions m JOIN entities e USING (entity_id)
WHERE m.resolved_by <> 'lone_name_of_two_or_more'
GROUP BY ALL
