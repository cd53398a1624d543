-- Each version of a story of two or more (story_members) with its signature and its first version's.
SELECT m.doc_id, m.story_id, s.signature, f.signature
FROM story_members AS m
JOIN story_ranked AS s ON s.doc_id = m.doc_id
JOIN story_ranked AS f ON f.doc_id = m.story_id;
