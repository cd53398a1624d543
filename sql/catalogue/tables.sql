-- The warehouse's tables: rows and what each holds (the comments of sql/schema/011_comments.sql).
SELECT table_name AS "table", estimated_size AS "rows", comment AS meaning
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name;
