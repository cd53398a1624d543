-- Did the last run before this one end without completing (failed, or killed and now interrupted)?
SELECT coalesce((SELECT status NOT LIKE 'completed%' FROM runs ORDER BY started_at DESC LIMIT 1), false);
