-- One declared key that DuckDB does not hold as a constraint (sql/schema/013), over the whole
-- warehouse (identifiers from transforms/schema.py): rows of {table} whose ({key}) another row has.
SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM {table} GROUP BY {key} HAVING count(*) > 1);
