-- Every document's story, from the clusters computed over all signatures (story_rows).
DELETE FROM story_clusters;
INSERT INTO story_clusters BY NAME
SELECT doc_id, story_id, similarity, count(*) OVER (PARTITION BY story_id)::INTEGER AS n_versions
FROM story_rows;
