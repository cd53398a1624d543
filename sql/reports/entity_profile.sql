-- One entity's profile: the documents naming it (by date), its quotes, the facts stated beside it, and the entities named with it.
-- param entity VARCHAR: the entity's name or any alias, any case (the one with most mentions when several match)
-- param limit INTEGER: rows shown per section (default: 20)
WITH chosen AS (
    SELECT e.entity_id
    FROM entities AS e
    JOIN entity_mentions AS m USING (entity_id)
    WHERE lower(e.canonical_name) = lower(trim($entity))
       OR e.entity_id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(trim($entity)))
    GROUP BY e.entity_id, e.canonical_name
    ORDER BY count(*) DESC, e.canonical_name
    LIMIT 1
),
docs AS (
    SELECT doc_id, published_date, coalesce(title, source_uri) || coalesce(' (' || publisher || ')', '') AS document
    FROM documents
),
mentions AS (
    SELECT m.* FROM entity_mentions AS m WHERE m.entity_id = (SELECT entity_id FROM chosen)
),
named_in AS (
    SELECT 1 AS part, 'named in' AS section, d.published_date AS date, d.document,
           count(*) || ' mention' || CASE WHEN count(*) > 1 THEN 's' ELSE '' END AS detail,
           row_number() OVER (ORDER BY d.published_date NULLS LAST, d.document) AS n
    FROM mentions AS m JOIN docs AS d USING (doc_id)
    GROUP BY d.doc_id, d.published_date, d.document
),
quoted AS (
    SELECT 2, 'quote', d.published_date, d.document, q.quote,
           row_number() OVER (ORDER BY d.published_date NULLS LAST, d.document, q.start_char)
    FROM quotes AS q JOIN docs AS d USING (doc_id)
    WHERE q.speaker_entity_id = (SELECT entity_id FROM chosen)
),
facts_beside AS (  -- facts whose sentence names the entity
    SELECT DISTINCT 3, 'fact', d.published_date, d.document, f.text || ': ' || f.sentence, f.fact_id
    FROM facts AS f
    JOIN mentions AS m ON m.doc_id = f.doc_id AND contains(f.sentence, m.text)
    JOIN docs AS d ON d.doc_id = f.doc_id
),
numbered_facts AS (
    SELECT * EXCLUDE (fact_id), row_number() OVER (ORDER BY published_date NULLS LAST, document, fact_id)
    FROM facts_beside
),
named_with AS (
    SELECT 4, 'named with', NULL::DATE, NULL::VARCHAR,
           e.canonical_name || ' (' || e.label || '), in ' || count(DISTINCT o.doc_id) || ' of its documents',
           row_number() OVER (ORDER BY count(DISTINCT o.doc_id) DESC, e.canonical_name)
    FROM entity_mentions AS o
    JOIN entities AS e USING (entity_id)
    WHERE o.doc_id IN (SELECT doc_id FROM mentions) AND o.entity_id <> (SELECT entity_id FROM chosen)
    GROUP BY e.canonical_name, e.label
)
SELECT section, date, document, detail
FROM (SELECT * FROM named_in UNION ALL SELECT * FROM quoted UNION ALL SELECT * FROM numbered_facts
      UNION ALL SELECT * FROM named_with)
WHERE n <= $limit
ORDER BY part, n;
