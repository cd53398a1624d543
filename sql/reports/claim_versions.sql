-- Every version of the claims (or of one), in the order their documents were published: the figure, its bound, who gave it and the sentence.
-- param claim VARCHAR: only this claim (its claim_id, as the disagreements report shows it); empty for all (default: )
-- param limit INTEGER: rows shown (default: 200)
SELECT c.claim_id, c.measure, d.published_date AS date, coalesce(d.publisher, '') AS publisher,
       coalesce(d.title, d.source_uri) AS document, f.bound, f.value, f.value_high, f.object, f.attribution, f.sentence
FROM claims AS c
JOIN facts AS f USING (fact_id)
JOIN documents AS d ON d.doc_id = c.doc_id
WHERE trim($claim) = '' OR c.claim_id = trim($claim)
ORDER BY c.measure, c.claim_id, date NULLS LAST, publisher, f.value
LIMIT $limit;
