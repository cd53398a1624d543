-- Pairs of entities named in the same sentence, and in the same document, with counts.
-- param limit INTEGER: rows shown (default: 50)
WITH mentions AS (
    SELECT m.doc_id, m.entity_id, m.start_char, e.canonical_name, e.label,
           -- sentence number: sentence ends (". ", "? ", "! " or a new line) before the mention
           length(regexp_extract_all(substr(d.body_text, 1, m.start_char), '[.!?]["”’]?\s|\n')) AS sentence_no
    FROM entity_mentions AS m
    JOIN entities AS e USING (entity_id)
    JOIN documents AS d USING (doc_id)
),
pairs AS (
    SELECT a.canonical_name AS entity_a, a.label AS label_a, b.canonical_name AS entity_b, b.label AS label_b,
           a.doc_id, a.sentence_no = b.sentence_no AS same_sentence
    FROM mentions AS a
    JOIN mentions AS b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
)
SELECT entity_a, label_a, entity_b, label_b,
       count(DISTINCT doc_id) AS documents,
       count(*) FILTER (WHERE same_sentence) AS same_sentence_pairs
FROM pairs
GROUP BY ALL
HAVING count(*) FILTER (WHERE same_sentence) > 0
ORDER BY same_sentence_pairs DESC, documents DESC, entity_a, entity_b
LIMIT $limit;
