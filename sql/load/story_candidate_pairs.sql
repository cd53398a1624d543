-- Pairs of documents filed under one key in some band (candidate versions of one story), each
-- once, with their ranks and signatures: the run keeps the pairs whose signatures are similar.
SELECT a.doc_id, p.a_rank, a.signature, b.doc_id, p.b_rank, b.signature
FROM (SELECT DISTINCT x.rank AS a_rank, y.rank AS b_rank
      FROM story_bands AS x
      JOIN story_bands AS y ON x.band = y.band AND x.key = y.key AND x.rank < y.rank) AS p
JOIN story_ranked AS a ON a.rank = p.a_rank
JOIN story_ranked AS b ON b.rank = p.b_rank;
