-- Warehouse-wide checks that need the whole table: foreign keys resolve, runs complete, every staged
-- document accounted for. (Keys are unique by their PRIMARY KEY constraints: no check here re-checks them.)
-- One row per check: suite, expectation, column_name, unexpected_count, observed.
SELECT 'documents' AS suite, 'foreign_key_doc_id_in_raw_documents' AS expectation, 'doc_id' AS column_name,
       count(*) AS unexpected_count, NULL AS observed
FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM raw_documents)
UNION ALL
SELECT 'document_lines', 'foreign_key_doc_id_in_documents', 'doc_id', count(*), NULL
FROM document_lines WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'entity_mentions', 'foreign_key_doc_id_in_documents', 'doc_id', count(*), NULL
FROM entity_mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'entity_mentions', 'foreign_key_entity_id_in_entities', 'entity_id', count(*), NULL
FROM entity_mentions WHERE entity_id NOT IN (SELECT entity_id FROM entities)
UNION ALL
SELECT 'facts', 'foreign_key_doc_id_in_documents', 'doc_id', count(*), NULL
FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'dates', 'foreign_key_doc_id_in_documents', 'doc_id', count(*), NULL
FROM dates WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'quotes', 'foreign_key_doc_id_in_documents', 'doc_id', count(*), NULL
FROM quotes WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'quotes', 'foreign_key_speaker_entity_id_in_entities', 'speaker_entity_id', count(*), NULL
FROM quotes WHERE speaker_entity_id IS NOT NULL AND speaker_entity_id NOT IN (SELECT entity_id FROM entities)
UNION ALL
SELECT 'runs', 'finished_runs_have_counts', 'n_seen', count(*), NULL
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
