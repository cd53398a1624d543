-- Numeric facts per document, by kind, with the document's title and size.
SELECT d.doc_id[1:12] AS doc, coalesce(d.title, d.source_uri) AS title, d.n_words,
       count(f.fact_id) AS facts,
       count(f.fact_id) FILTER (WHERE f.kind = 'count') AS counts,
       count(f.fact_id) FILTER (WHERE f.kind = 'ordinal') AS ordinals,
       count(f.fact_id) FILTER (WHERE f.kind = 'duration') AS durations,
       count(f.fact_id) FILTER (WHERE f.kind NOT IN ('count', 'ordinal', 'duration')) AS other,
       count(f.fact_id) FILTER (WHERE f.count_type IS NOT NULL) AS typed_counts
FROM documents AS d
LEFT JOIN facts AS f USING (doc_id)
GROUP BY ALL
ORDER BY facts DESC, title;
