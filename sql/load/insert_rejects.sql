INSERT INTO rejects BY NAME SELECT run_id, source_uri, stage, error, doc_id, now() AS "at" FROM batch_rejects;
