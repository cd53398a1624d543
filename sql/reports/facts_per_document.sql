-- Numeric facts per document, by kind, with the document's title, publisher, date and size.
-- param limit INTEGER: rows shown (default: 100)
SELECT coalesce(d.title, d.source_uri) AS title, d.publisher, d.published_date, d.n_words,
       count(f.fact_id) AS facts,
       count(f.fact_id) FILTER (WHERE f.kind = 'count') AS counts,
       count(f.fact_id) FILTER (WHERE f.kind = 'ordinal') AS ordinals,
       count(f.fact_id) FILTER (WHERE f.kind = 'duration') AS durations,
       count(f.fact_id) FILTER (WHERE f.kind NOT IN ('count', 'ordinal', 'duration')) AS other,
       count(f.fact_id) FILTER (WHERE f.count_type IS NOT NULL) AS typed_counts
FROM documents AS d
LEFT JOIN facts AS f USING (doc_id)
GROUP BY d.doc_id, d.title, d.source_uri, d.publisher, d.published_date, d.n_words
ORDER BY facts DESC, title
LIMIT $limit;
