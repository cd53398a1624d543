-- Facts that may state a claim (a count, amount, share or measure of something named or typed),
-- with the places, peoples and events of their context: those named in their sentence and the
-- two places their document names most. Ordered by what they measure, for grouping.
WITH candidates AS (
    SELECT f.fact_id, f.doc_id, f.kind, coalesce(f.unit, '') AS unit,
           coalesce(f.count_type, f.predicate || ' ' || f.object) AS measure, f.value, f.value_high,
           greatest(0, f.start_char - length(f.sentence)) AS window_start, f.sentence
    FROM facts AS f
    WHERE f.kind IN ('count', 'money', 'percent', 'measure')
      AND (f.count_type IS NOT NULL OR (f.predicate IS NOT NULL AND f.object IS NOT NULL))
),
spans AS (
    SELECT c.*, c.window_start + strpos(substr(d.body_text, c.window_start + 1, 3 * length(c.sentence)), c.sentence) - 1
               AS sentence_start
    FROM candidates AS c JOIN documents AS d USING (doc_id)
),
in_sentence AS (
    SELECT s.fact_id, m.entity_id
    FROM spans AS s
    JOIN entity_mentions AS m ON m.doc_id = s.doc_id AND m.start_char >= s.sentence_start
         AND m.end_char <= s.sentence_start + length(s.sentence)
    WHERE m.label IN ('GPE', 'LOC', 'NORP', 'EVENT', 'FAC')
),
document_places AS (
    SELECT doc_id, entity_id
    FROM (SELECT doc_id, entity_id, row_number() OVER (PARTITION BY doc_id ORDER BY count(*) DESC, entity_id) AS n
          FROM entity_mentions WHERE label IN ('GPE', 'LOC') GROUP BY doc_id, entity_id)
    WHERE n <= 2
),
context AS (
    SELECT fact_id, entity_id FROM in_sentence
    UNION
    SELECT s.fact_id, p.entity_id FROM spans AS s JOIN document_places AS p USING (doc_id)
)
SELECT s.kind, s.unit, s.measure, s.fact_id, s.doc_id, s.value, s.value_high,
       list(c.entity_id ORDER BY c.entity_id) FILTER (WHERE c.entity_id IS NOT NULL) AS context
FROM spans AS s
LEFT JOIN context AS c USING (fact_id)
GROUP BY ALL
ORDER BY s.kind, s.unit, s.measure, s.value, s.fact_id;
