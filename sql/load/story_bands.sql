-- Every signed document ranked in the order that decides which version is a story's first (oldest
-- first); and its key in each band of locality-sensitive hashing (story_band_ranges: the hash
-- values start..stop of each band, datasketch's banding for the threshold; 8 bytes a value).
CREATE OR REPLACE TEMP TABLE story_ranked AS
SELECT (row_number() OVER (ORDER BY d.published_date NULLS LAST, d.ingested_at, d.doc_id) - 1)::INTEGER AS rank,
       s.doc_id, s.signature
FROM story_signatures AS s
JOIN documents AS d USING (doc_id);
CREATE OR REPLACE TEMP TABLE story_bands AS
SELECT r.rank, b.band, r.signature[b.start * 8 + 1 : b.stop * 8] AS key
FROM story_ranked AS r
CROSS JOIN story_band_ranges AS b;
