-- Full names (two words or more) a lone surname may resolve to, by label.
SELECT label, canonical_name FROM entities
WHERE label IN ('PERSON', 'ORG') AND canonical_name LIKE '% %';
