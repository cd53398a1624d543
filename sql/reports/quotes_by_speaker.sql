-- Direct quotations grouped by speaker (the most quoted first), with the document and its date.
-- param speaker VARCHAR: only this speaker (an entity's name or alias, or the speaker as written), any case; empty for all (default: )
-- param limit INTEGER: rows shown (default: 100)
WITH said AS (
    SELECT coalesce(e.canonical_name, q.speaker_text, '(no speaker found)') AS speaker, q.*
    FROM quotes AS q
    LEFT JOIN entities AS e ON e.entity_id = q.speaker_entity_id
    WHERE trim($speaker) = ''
       OR lower(q.speaker_text) = lower(trim($speaker))
       OR lower(e.canonical_name) = lower(trim($speaker))
       OR q.speaker_entity_id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(trim($speaker)))
)
SELECT s.speaker, count(*) OVER (PARTITION BY s.speaker) AS quotes, d.published_date AS date,
       coalesce(d.title, d.source_uri) || coalesce(' (' || d.publisher || ')', '') AS document, s.verb, s.quote
FROM said AS s
JOIN documents AS d USING (doc_id)
ORDER BY quotes DESC, s.speaker, date NULLS LAST, document, s.start_char
LIMIT $limit;
