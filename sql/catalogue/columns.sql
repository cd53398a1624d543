-- The columns of the tables named by $tables (all tables when it is empty): type and meaning.
SELECT table_name AS "table", column_name AS "column", data_type AS "type", comment AS meaning
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
  AND (len($tables) = 0 OR list_contains($tables, table_name))
ORDER BY table_name, column_index;
