INSERT INTO runs (run_id, flow_run_id, started_at, status, pipeline_version, model_name)
VALUES ($run_id, $flow_run_id, now(), 'running', $pipeline_version, $model_name);
