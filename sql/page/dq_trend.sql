-- The share of data-quality checks that passed, per run (oldest first), with the run's time.
SELECT run_id, min(checked_at) AS checked_at, count(*) AS checks, count(*) FILTER (WHERE success) AS passed
FROM dq_results
GROUP BY run_id
ORDER BY checked_at
LIMIT 50;
