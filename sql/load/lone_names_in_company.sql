-- Lone names (by document) that may resolve to a full name elsewhere in the warehouse, kept where
-- their document and one naming that full name name someone else in common (a person or an
-- organisation, neither of the two): one story's cast, not a namesake on an unrelated page. Reads
-- lone_candidates (label, name, full_name); the same rule in Python: transforms.entities.in_company.
WITH names AS (
    SELECT DISTINCT m.doc_id, e.canonical_name AS name
    FROM entity_mentions m JOIN entities e USING (entity_id)
    WHERE m.label IN ('PERSON', 'ORG') AND m.resolved_by <> 'short_form_known_in_warehouse'
),
company AS (  -- each full name -> who the documents that name it name beside it
    SELECT DISTINCT f.full_name, n.name
    FROM (SELECT DISTINCT full_name FROM lone_candidates) f
    JOIN names d ON d.name = f.full_name
    JOIN names n ON n.doc_id = d.doc_id AND n.name <> f.full_name
),
lone AS (
    SELECT DISTINCT m.doc_id, c.label, c.name, c.full_name
    FROM entity_mentions m JOIN lone_candidates c ON m.label = c.label AND m.name = c.name
)
SELECT DISTINCT l.doc_id, l.label, l.name
FROM lone l
JOIN names a ON a.doc_id = l.doc_id AND a.name NOT IN (l.name, l.full_name)
JOIN company c ON c.full_name = l.full_name AND c.name = a.name
