-- Warehouse-wide checks that need the whole table, besides the declared foreign keys (dq/foreign_key):
-- runs complete, every staged document accounted for. (Keys held as PRIMARY KEY constraints are
-- unique by them; the others are checked by dq/unique_key.)
-- One row per check: suite, expectation, column_name, unexpected_count, observed.
SELECT 'runs' AS suite, 'finished_runs_have_counts' AS expectation, 'n_seen' AS column_name,
       count(*) AS unexpected_count, NULL AS observed
FROM runs WHERE status NOT IN ('running', 'interrupted') AND n_seen IS NULL
UNION ALL
-- Accounting: every document staged is loaded or rejected (a run killed between staging and
-- loading leaves some that are neither, until the next run processes them).
SELECT 'raw_documents', 'staged_documents_loaded_or_rejected', 'doc_id', count(*),
       string_agg(source_uri, ', ' ORDER BY source_uri) FILTER (WHERE rn <= 3)
FROM (SELECT doc_id, source_uri, row_number() OVER (ORDER BY source_uri) AS rn FROM raw_documents
      WHERE doc_id NOT IN (SELECT doc_id FROM documents)
        AND doc_id NOT IN (SELECT doc_id FROM rejects WHERE doc_id IS NOT NULL)
        AND source_uri NOT IN (SELECT source_uri FROM rejects)  -- (rejects recorded before doc_id was)
     );
