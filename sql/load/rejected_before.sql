-- Documents a run of the same reading version ($reading_version: code, rules and the settings
-- that change a reading) and model rejected for what they hold: reading them again would reject
-- them again, so a later run skips them unless asked to re-process. (Not a batch's fault, such as
-- a table-level check another document broke, nor staging or loading, which are retried.)
SELECT DISTINCT r.doc_id
FROM rejects AS r
JOIN runs USING (run_id)
WHERE r.doc_id IN (SELECT doc_id FROM candidate_doc_ids)
  AND runs.pipeline_version = $reading_version AND runs.model_name = $model_name
  AND r.stage IN ('strip_boilerplate', 'entities', 'dates_quotes', 'facts', 'frames', 'validate')
  AND r.error NOT LIKE 'batch failed:%';
