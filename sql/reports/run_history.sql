-- Every run: when, how long, what it saw, and how it ended.
-- param limit INTEGER: rows shown (default: 50)
SELECT run_id[1:8] AS run, started_at, round(epoch(finished_at - started_at), 1) AS seconds,
       status, n_seen, n_new, n_unchanged, n_rejected, n_duplicates, model_name, pipeline_version
FROM runs
ORDER BY started_at DESC
LIMIT $limit;
