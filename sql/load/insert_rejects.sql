INSERT INTO rejects BY NAME SELECT run_id, source_uri, stage, error, now() AS "at" FROM batch_rejects;
