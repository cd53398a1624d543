-- Every document's story: the versions of stories of two or more (story_rows), and every other
-- signed document as a story of its own.
DELETE FROM story_clusters;
INSERT INTO story_clusters BY NAME
WITH stories AS (
    SELECT doc_id, story_id, similarity FROM story_rows
    UNION ALL
    SELECT s.doc_id, s.doc_id, 1.0
    FROM story_signatures AS s
    JOIN documents AS d USING (doc_id)
    WHERE s.doc_id NOT IN (SELECT doc_id FROM story_rows)
)
SELECT doc_id, story_id, similarity, count(*) OVER (PARTITION BY story_id)::INTEGER AS n_versions
FROM stories;
