-- Facts per outlet (publisher, or "unknown"), ordinals left out.
SELECT coalesce(d.publisher, 'unknown') AS outlet, count(f.fact_id) AS facts
FROM documents AS d
LEFT JOIN facts AS f ON f.doc_id = d.doc_id AND f.kind <> 'ordinal'
GROUP BY ALL
ORDER BY facts DESC, outlet
LIMIT 15;
