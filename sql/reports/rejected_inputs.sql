-- Inputs that could not be processed, newest first, with the stage and the error.
-- param limit INTEGER: rows shown (default: 100)
SELECT run_id[1:8] AS run, "at", stage, source_uri, error
FROM rejects
ORDER BY "at" DESC, source_uri
LIMIT $limit;
