-- The versions of the claims that disagree most (by stories), as points: claim, date, figure, source.
WITH disagreeing AS (
    SELECT c.claim_id, any_value(c.measure) AS measure, count(DISTINCT c.doc_id) AS documents
    FROM claims AS c JOIN facts AS f USING (fact_id)
    GROUP BY c.claim_id
    HAVING count(DISTINCT (f.value, f.bound)) > 1
    ORDER BY documents DESC, claim_id
    LIMIT 4
)
SELECT g.claim_id, g.measure || coalesce(' (' || string_agg(DISTINCT f.object, ', ') OVER (PARTITION BY g.claim_id) || ')', '')
           AS claim,
       d.published_date AS date, f.value, f.bound, coalesce(d.publisher, d.title, d.source_uri) AS source
FROM disagreeing AS g
JOIN claims AS c USING (claim_id)
JOIN facts AS f USING (fact_id)
JOIN documents AS d ON d.doc_id = c.doc_id
ORDER BY g.documents DESC, g.claim_id, date NULLS LAST, f.value;
