-- Claims whose versions differ across sources: the spread of the figures, and the timeline of who said what when (versions of one story count once).
-- param measure VARCHAR: only claims of this measure (KILL, WOUND, a verb and object ...), any case; empty for all (default: )
-- param limit INTEGER: rows shown (default: 50)
WITH versions AS (
    SELECT c.claim_id, c.measure, f.value, f.bound, f.object, coalesce(s.story_id, c.doc_id) AS story,
           d.published_date, coalesce(d.publisher, d.title, d.source_uri) AS source,
           CASE f.bound WHEN '=' THEN '' WHEN 'range' THEN '' ELSE f.bound || ' ' END
               || CASE WHEN f.value = round(f.value) THEN format('{:,}', f.value::BIGINT) ELSE f.value::VARCHAR END
               || CASE WHEN f.value_high IS NOT NULL THEN '–' || format('{:,}', f.value_high::BIGINT) ELSE '' END AS figure
    FROM claims AS c
    JOIN facts AS f USING (fact_id)
    JOIN documents AS d ON d.doc_id = c.doc_id
    LEFT JOIN story_clusters AS s ON s.doc_id = c.doc_id
    WHERE trim($measure) = '' OR lower(c.measure) = lower(trim($measure))
)
SELECT measure, string_agg(DISTINCT object, ', ') AS "of", count(DISTINCT story) AS stories,
       count(*) AS versions, min(value) AS low, max(value) AS high,
       round(max(value) / nullif(min(value), 0), 2) AS high_over_low,
       string_agg(coalesce(published_date::VARCHAR, 'undated') || ' ' || source || ': ' || figure, '; '
                  ORDER BY published_date NULLS LAST, source, value) AS timeline,
       claim_id
FROM versions
GROUP BY claim_id, measure
HAVING count(DISTINCT (value, bound)) > 1
ORDER BY stories DESC, versions DESC, measure, low
LIMIT $limit;
