-- How many mentions give each label to each entity name, across the warehouse (the label each
-- mention's document voted for), lone names of two or more people aside (they stay per document).
SELECT e.canonical_name, m.label, count(*) AS n
FROM entity_mentions m JOIN entities e USING (entity_id)
WHERE m.resolved_by <> 'lone_name_of_two_or_more'
GROUP BY ALL
