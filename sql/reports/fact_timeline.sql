-- Numeric facts in the order their documents were published, filtered by what they count or measure.
-- param object VARCHAR: only facts whose object contains this word, any case (e.g. palestinian); empty for all (default: )
-- param kind VARCHAR: only facts of this kind (count, money, percent, measure, duration, ...); empty for all (default: )
-- param predicate VARCHAR: only facts whose verb is this lemma (e.g. kill); empty for all (default: )
-- param limit INTEGER: rows shown (default: 100)
SELECT d.published_date AS date, coalesce(d.title, d.source_uri) || coalesce(' (' || d.publisher || ')', '') AS document,
       f.kind, f.bound, f.value, f.value_high, f.unit, f.object, f.predicate, f.attribution, f.sentence
FROM facts AS f
JOIN documents AS d USING (doc_id)
WHERE (trim($object) = '' OR contains(lower(f.object), lower(trim($object))))
  AND (trim($kind) = '' OR f.kind = lower(trim($kind)))
  AND (trim($predicate) = '' OR lower(f.predicate) = lower(trim($predicate)))
  AND f.kind <> 'ordinal'
ORDER BY date NULLS LAST, document, f.start_char
LIMIT $limit;
