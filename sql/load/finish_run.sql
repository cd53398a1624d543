UPDATE runs
SET finished_at = now(), status = $status, n_seen = $n_seen, n_new = $n_new,
    n_unchanged = $n_unchanged, n_rejected = $n_rejected
WHERE run_id = $run_id;
