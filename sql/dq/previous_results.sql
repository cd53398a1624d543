-- The latest earlier data-quality run's results, for the report's trend column.
SELECT suite, expectation, coalesce(column_name, '') AS column_name, unexpected_count
FROM dq_results
WHERE run_id = (
    SELECT run_id FROM dq_results
    WHERE run_id LIKE 'dq-%' AND run_id <> $run_id
    GROUP BY run_id ORDER BY max(checked_at) DESC LIMIT 1
);
