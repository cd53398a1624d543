-- Mentions of people and organisations their document left as one word (resolved across
-- documents or not), with the entity each points to now.
SELECT m.doc_id, m.start_char, m.end_char, m.text, m.label, m.name, m.entity_id
FROM entity_mentions m JOIN entities e USING (entity_id)
WHERE m.label IN ('PERSON', 'ORG') AND m.name NOT LIKE '% %' AND m.resolved_by <> 'national_side'
  AND (m.resolved_by = 'short_form_known_in_warehouse' OR e.canonical_name = m.name);  -- (a lone name of two
  -- or more people keeps its own name: it is read again each refresh; a national side is its country's name)
