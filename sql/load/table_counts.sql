SELECT 'raw_documents' AS table_name, count(*) AS n_rows FROM raw_documents
UNION ALL SELECT 'documents', count(*) FROM documents
UNION ALL SELECT 'document_lines', count(*) FROM document_lines
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'entity_mentions', count(*) FROM entity_mentions
UNION ALL SELECT 'facts', count(*) FROM facts
UNION ALL SELECT 'runs', count(*) FROM runs
UNION ALL SELECT 'rejects', count(*) FROM rejects
UNION ALL SELECT 'learned_boilerplate', count(*) FROM learned_boilerplate
UNION ALL SELECT 'entity_aliases', count(*) FROM entity_aliases
UNION ALL SELECT 'dates', count(*) FROM dates
UNION ALL SELECT 'quotes', count(*) FROM quotes;
