UPDATE runs
SET finished_at = now(), status = $status, n_seen = $n_seen, n_new = $n_new,
    n_unchanged = $n_unchanged, n_rejected = $n_rejected, n_duplicates = $n_duplicates
WHERE run_id = $run_id;
