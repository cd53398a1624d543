-- Lines printed on $min_documents or more processed documents of one publisher, one row per
-- document holding each: candidates for learned chrome (transforms.boilerplate.repeated_chrome
-- decides), kept in a temporary table that is read one scope at a time (chrome_candidate_lines).
-- The scope is a publisher the input's metadata names; '' holds the rest (a publisher read from
-- the page's text is only known once its lines are labelled, too late to pick the lines to apply).
CREATE OR REPLACE TEMP TABLE chrome_candidates AS
WITH held AS (
    SELECT DISTINCT CASE WHEN d.publisher_from IN ('record', 'html_metadata') THEN d.publisher ELSE '' END AS scope,
           l.text AS line, l.doc_id
    FROM document_lines AS l
    JOIN documents AS d USING (doc_id)
), shared AS (
    SELECT scope, line FROM held GROUP BY scope, line HAVING count(*) >= $min_documents
)
SELECT scope, line, doc_id FROM held JOIN shared USING (scope, line);
